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
    void aStateDirInUseDamagedOrOfOtherSettingsIsOneLine(@TempDir Path dir) throws Exception {
        try (dev.ecsnet.engine.store.StateDir held = dev.ecsnet.engine.store.StateDir.open(dir)) {
            oneLine(run("serve", "--port", "0", "--state-dir", dir.toString()),
                    "ecsnet: the state dir " + dir + " is in use by another ecsnet (pid " + ProcessHandle.current().pid() + ")");
        }
        java.nio.file.Files.writeString(dir.resolve("SETTINGS"), "timing=instant egress=ignore\n");
        oneLine(run("serve", "--port", "0", "--state-dir", dir.toString()), "ecsnet: the state dir " + dir
                + " was written with timing=instant egress=ignore; start with the same settings (now: timing=fast egress=enforce), or use another --state-dir");
        java.nio.file.Files.writeString(dir.resolve("journal-00000000000000000000"), "ECSNETJ\u0009 and more than sixteen bytes");
        oneLine(run("serve", "--port", "0", "--timing", "instant", "--egress", "ignore", "--state-dir", dir.toString()),
                "ecsnet: " + dir.resolve("journal-00000000000000000000") + " at byte 7: journal format version 9 is not one this ecsnet reads (it reads 1)");
        Path notADocument = dir.resolve("doc");
        java.nio.file.Files.writeString(notADocument, "hello");
        oneLine(run("serve", "--port", "0", "--load", notADocument.toString()), "ecsnet: --load " + notADocument
                + ": not an ecsnet state document (not gzip: Not in GZIP format)");
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
    void aBadCredentialsFileIsOneLineNamingTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys");
        java.nio.file.Files.writeString(file, "# team sandbox\nAKIAALICE0000001 secret1 111111111111\n\nAKIABOB000000002 secret2 2222\n");
        oneLine(run("serve", "--verify-signatures", "--credentials", file.toString()),
                "ecsnet: --credentials " + file + " line 4: the account id '2222' is not 12 digits");
        oneLine(run("serve", "--credentials", file.toString()), "ecsnet: --credentials needs --verify-signatures (without it, signatures are not checked)");
        Path missing = dir.resolve("nope");
        assertThat(run("serve", "--verify-signatures", "--credentials", missing.toString()).err())
                .startsWith("ecsnet: --credentials " + missing + " cannot be read (");
    }

    @Test
    void aCredentialsFileHoldsOneKeyPerLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys");
        java.nio.file.Files.writeString(file, "# comment\n  AKIAALICE0000001\tsecret/1+x 111111111111  \nAKIABOB000000002 secret2 222222222222\n");
        assertThat(CredentialsFile.read(file)).extracting(k -> k.accessKeyId() + " " + k.secretAccessKey() + " " + k.accountId())
                .containsExactly("AKIAALICE0000001 secret/1+x 111111111111", "AKIABOB000000002 secret2 222222222222");
        java.nio.file.Files.writeString(file, "a b 111111111111\na c 111111111111\n");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> CredentialsFile.read(file)))
                .hasMessage("--credentials " + file + " line 2: the access key id a is already on line 1");
        java.nio.file.Files.writeString(file, "a b\n");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> CredentialsFile.read(file)))
                .hasMessage("--credentials " + file + " line 1: expected ACCESS_KEY_ID SECRET_ACCESS_KEY ACCOUNT_ID, got 2 field(s)");
        java.nio.file.Files.writeString(file, "# nothing\n");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> CredentialsFile.read(file)))
                .hasMessage("--credentials " + file + " has no keys (lines: ACCESS_KEY_ID SECRET_ACCESS_KEY ACCOUNT_ID)");
    }

    @Test
    void listingBeyondLoopbackWithoutSignaturesWarns() {
        assertThat(ServeCommand.exposureWarning("0.0.0.0", false, 4566)).contains("ecsnet: warning: listening on 0.0.0.0 without "
                + "--verify-signatures: anyone who can reach port 4566 can act as any account (add --verify-signatures, or keep --host 127.0.0.1)");
        assertThat(ServeCommand.exposureWarning("0.0.0.0", true, 4566)).isEmpty();
        assertThat(ServeCommand.exposureWarning("127.0.0.1", false, 4566)).isEmpty();
        assertThat(ServeCommand.exposureWarning("localhost", false, 4566)).isEmpty();
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
