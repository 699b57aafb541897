package dev.ecsnet.app.cli;

import dev.ecsnet.api.SignatureCheck;
import dev.ecsnet.app.dns.DnsServer;
import dev.ecsnet.app.server.EcsnetServer;
import dev.ecsnet.app.server.EcsnetVersion;
import dev.ecsnet.app.server.RequestLog;
import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.engine.CommandRecord;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.engine.store.StateDocument;
import dev.ecsnet.engine.store.StateJournal;
import dev.ecsnet.engine.store.StoreDamage;
import dev.ecsnet.protocol.SigningKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ecsnet serve}: starts the emulator, with in-memory state or (with {@code --state-dir}) a journal that
 * survives restarts. Start-up errors are one line and exit 2.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the emulator (in-memory state unless --state-dir is given).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "4566", description = "Port for every AWS API (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--timing", defaultValue = "FAST",
            description = "How long lifecycle steps take: instant, fast or realistic (default: fast).")
    TimingProfile timing;

    @Option(names = "--egress", description = "Whether network paths decide a Fargate task's fate: enforce (default: no path to the "
            + "registry, secrets or logs, and the task stops as AWS stops it) or ignore (tasks run whatever the network; diagnose still says what AWS would do).")
    EgressPolicy egress = EcsnetServer.DEFAULT_EGRESS;

    @Option(names = "--seed", description = "Seed for ids and address choices; the same seed and calls give the same run "
            + "(default: a new seed each start, printed in the banner).")
    Long seed;

    @Option(names = "--dns-port", description = "Also answer DNS (UDP and TCP) for Cloud Map DNS namespaces on this port of --host; "
            + "0 picks a free port. Off when not given.")
    Integer dnsPort;

    @Option(names = "--init-dir", paramLabel = "DIR", description = "Once the server answers, run DIR/ready.d/*.sh in name order "
            + "(AWS_ENDPOINT_URL, dummy credentials and AWS_DEFAULT_REGION set); results in the log and in /_ecsnet/health.")
    Path initDir;

    @Option(names = "--verify-signatures", description = "Verify every AWS call's SigV4 signature (header or presigned); the call then "
            + "belongs to the signing key's account. Keys: test/test (account 000000000000) unless --credentials is given, and keys made by IAM CreateAccessKey.")
    boolean verifySignatures;

    @Option(names = "--credentials", paramLabel = "FILE", description = "With --verify-signatures: the keys to accept instead of test/test, "
            + "one per line: ACCESS_KEY_ID SECRET_ACCESS_KEY ACCOUNT_ID (# starts a comment).")
    Path credentials;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Keep state in DIR: every state-changing call is journalled there "
            + "before it is answered, a snapshot of the whole state is written every --snapshot-every records and at shutdown, and a "
            + "restart on DIR restores the newest snapshot and replays the journal after it (same ids, addresses and states). One ecsnet per DIR.")
    Path stateDir;

    @Option(names = "--snapshot-every", paramLabel = "N", defaultValue = "" + StateJournal.DEFAULT_SNAPSHOT_EVERY,
            description = "With --state-dir: write a snapshot after every N journal records (default: ${DEFAULT-VALUE}).")
    int snapshotEvery;

    @Option(names = "--fsync", defaultValue = "ALWAYS", description = "With --state-dir: always (each call's record is on disk before "
            + "its answer; default) or interval (forced every 100 ms: a crash can lose the last 100 ms of answered calls).")
    StateJournal.Fsync fsync;

    @Option(names = "--load", paramLabel = "FILE", description = "Start from a state document made by 'ecsnet state save' "
            + "(it replaces what --state-dir holds, and is journalled there).")
    Path load;

    @Option(names = "--quiet", description = "No request log.")
    boolean quiet;

    @Option(names = "--log-format", defaultValue = "TEXT", description = "Request log format: text or json (default: text).")
    RequestLog.Format logFormat;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> invalid = validate();
        if (invalid.isPresent()) {
            err.println("ecsnet: " + invalid.get());
            err.flush();
            return EcsnetCommand.USAGE;
        }
        Optional<List<SigningKeys.AccessKey>> keys;
        try {
            keys = !verifySignatures ? Optional.empty()
                    : Optional.of(credentials == null ? List.of(SignatureCheck.DEFAULT_KEY) : CredentialsFile.read(credentials));
        } catch (IllegalArgumentException e) {
            err.println("ecsnet: " + e.getMessage());
            err.flush();
            return EcsnetCommand.USAGE;
        }
        long runSeed = seed != null ? seed : new SecureRandom().nextLong() & Long.MAX_VALUE;
        Clock clock = Instant::now;
        RequestLog log = quiet ? RequestLog.OFF : new RequestLog(System.out, logFormat);
        EcsnetServer server;
        StateJournal journal = null;
        long replayMillis = 0;
        try {
            StateDocument.Contents document = load == null ? null : StateDocument.read(Files.readAllBytes(load));
            if (stateDir != null) {
                journal = StateJournal.open(stateDir, fsync, "timing=" + timing.name().toLowerCase(Locale.ROOT)
                        + " egress=" + egress.name().toLowerCase(Locale.ROOT)).snapshotEvery(snapshotEvery);
            }
            EcsnetServer.Settings settings = new EcsnetServer.Settings(host, port, Optional.ofNullable(initDir), log);
            server = new EcsnetServer(new Engine(clock, runSeed, timing, egress), keys.map(settings::verifyingSignatures).orElse(settings));
            if (journal != null) {
                long replayStarted = System.nanoTime();
                journal.restore(server.engine(), server.replayer());
                replayMillis = (System.nanoTime() - replayStarted) / 1_000_000;
            }
            if (document != null) {
                document.loadInto(server.engine(), server.replayer());
            }
            server.start();
        } catch (EcsnetServer.StartFailure | StoreDamage | CommandRecord.UnsupportedFormat | Engine.ReplayFailure | IllegalStateException
                 | IllegalArgumentException
                 | IOException | java.io.UncheckedIOException e) {
            if (journal != null) {
                journal.close();
            }
            err.println("ecsnet: " + (e instanceof java.nio.file.NoSuchFileException ? "no such file: " : "")
                    + (load != null && e instanceof CommandRecord.UnsupportedFormat ? "--load " + load + ": " : "") + e.getMessage());
            err.flush();
            return EcsnetCommand.USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("ecsnet " + EcsnetVersion.current() + " listening on http://" + host + ":" + server.port() + " (timing "
                + timing.name().toLowerCase(Locale.ROOT) + ", egress " + egress.name().toLowerCase(Locale.ROOT) + ", seed " + server.engine().seed()
                + (verifySignatures ? ", signatures verified" : "") + ")");
        if (journal != null) {
            StateJournal.Opened o = journal.opened();
            out.println("ecsnet state in " + stateDir + ": " + (o.snapshotSeq() >= 0 ? "snapshot " + o.snapshotSeq() + " restored and " : "")
                    + o.records() + " journal records replayed in " + replayMillis + " ms (fsync " + fsync.name().toLowerCase(Locale.ROOT) + ")"
                    + (o.tornBytes() > 0 ? "; a torn last record of " + o.tornBytes() + " bytes (never acknowledged) was dropped from " + o.tornFile() : ""));
        }
        out.flush();
        Optional<String> warning = exposureWarning(host, verifySignatures, server.port());
        if (warning.isPresent()) {
            err.println(warning.get());
            err.flush();
        }
        if (dnsPort != null) {
            DnsServer dns;
            try {
                dns = new DnsServer(server.engine(), host, dnsPort);
            } catch (IOException e) {
                server.close();
                err.println("ecsnet: DNS port " + dnsPort + " on " + host + " cannot be used (" + e.getMessage() + ")");
                err.flush();
                return EcsnetCommand.USAGE;
            }
            out.println("ecsnet DNS on " + host + ":" + dns.port() + " (udp, tcp)");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(dns::close));
        }
        StateJournal stopping = journal;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (stopping != null) {
                try {
                    stopping.checkpoint(server.engine());
                } catch (RuntimeException e) {
                    System.err.println("ecsnet: no snapshot at shutdown (the journal keeps every record): " + e.getMessage());
                }
            }
            server.close();
            if (stopping != null) {
                stopping.close();
            }
        }));
        server.join();
        return 0;
    }

    private Optional<String> validate() {
        if (port < 0 || port > 65535) {
            return Optional.of("--port " + port + " is not a port number (0-65535)");
        }
        if (snapshotEvery < 1) {
            return Optional.of("--snapshot-every " + snapshotEvery + " must be at least 1");
        }
        if (dnsPort != null && (dnsPort < 0 || dnsPort > 65535)) {
            return Optional.of("--dns-port " + dnsPort + " is not a port number (0-65535)");
        }
        if (host.matches("[0-9.]+") && !isIpv4(host)) {
            return Optional.of("--host " + host + " is not an IPv4 address");
        }
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("--host " + host + " is not a known host name or address");
        }
        if (credentials != null && !verifySignatures) {
            return Optional.of("--credentials needs --verify-signatures (without it, signatures are not checked)");
        }
        if (load != null && !Files.isRegularFile(load)) {
            return Optional.of("--load " + load + " is not a file");
        }
        if (initDir != null && !Files.isDirectory(initDir)) {
            return Optional.of("--init-dir " + initDir + " is not a directory");
        }
        return Optional.empty();
    }

    /** A server others can reach, that believes any caller's claimed account, says so at start. */
    static Optional<String> exposureWarning(String host, boolean verifySignatures, int port) {
        if (verifySignatures || isLoopback(host)) {
            return Optional.empty();
        }
        return Optional.of("ecsnet: warning: listening on " + host + " without --verify-signatures: anyone who can reach port " + port
                + " can act as any account (add --verify-signatures, or keep --host 127.0.0.1)");
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }
}
