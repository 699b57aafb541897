package dev.ecsnet.app.cli;

import dev.ecsnet.app.server.EcsnetServer;
import dev.ecsnet.domain.common.EgressPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Start-up errors through the CLI entry point: one line on stderr, exit status 2, no stack trace. */
class ServeCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = EcsnetCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static void oneLine(Run r, String expected) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(expected + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aPortInUseIsOneLineNamingTheNextPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            oneLine(run("serve", "--port", Integer.toString(port), "--seed", "1"),
                    "ecsnet: port " + port + " on 127.0.0.1 is in use (try --port " + (port + 1) + ")");
        }
    }

    @Test
    void badPortsAndHostsAreOneLine() {
        oneLine(run("serve", "--port", "99999"), "ecsnet: --port 99999 is not a port number (0-65535)");
        oneLine(run("serve", "--port", "-1"), "ecsnet: --port -1 is not a port number (0-65535)");
        oneLine(run("serve", "--host", "999.1.1.1"), "ecsnet: --host 999.1.1.1 is not an IPv4 address");
        oneLine(run("serve", "--port", "abc"), "ecsnet: Invalid value for option '--port': 'abc' is not an int (see: ecsnet serve --help)");
        oneLine(run("serve", "--timing", "slow"), "ecsnet: Invalid value for option '--timing': expected one of [INSTANT, FAST, REALISTIC] "
                + "(case-insensitive) but was 'slow' (see: ecsnet serve --help)");
        oneLine(run("serve", "--dns-port", "70000"), "ecsnet: --dns-port 70000 is not a port number (0-65535)");
    }

    @Test
    void anAddressOfAnotherMachineIsOneLine() {
        // 192.0.2.0/24 is reserved for documentation: never an address of this machine
        oneLine(run("serve", "--host", "192.0.2.7", "--port", "0"),
                "ecsnet: cannot listen on 192.0.2.7: it is not an address of this machine (try --host 127.0.0.1)");
    }

    @Test
    void aMissingInitDirIsOneLine(@TempDir Path dir) {
        Path missing = dir.resolve("nope");
        oneLine(run("serve", "--init-dir", missing.toString()), "ecsnet: --init-dir " + missing + " is not a directory");
    }

    @Test
    void egressIsEnforcedUnlessToldOtherwise() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).setCaseInsensitiveEnumValuesAllowed(true).parseArgs();
        assertThat(serve.egress).isEqualTo(EgressPolicy.ENFORCE).isEqualTo(EcsnetServer.DEFAULT_EGRESS);
        assertThat(serve.seed).as("no seed given: a new one each start").isNull();
        ServeCommand ignoring = new ServeCommand();
        new CommandLine(ignoring).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--egress", "ignore", "--seed", "7");
        assertThat(ignoring.egress).isEqualTo(EgressPolicy.IGNORE);
        assertThat(ignoring.seed).isEqualTo(7L);
    }

    @Test
    void versionNamesTheBuild() {
        Run r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).matches("ecsnet \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
    }
}
