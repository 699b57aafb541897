package dev.ecsnet.app.cli;

import dev.ecsnet.app.dns.DnsServer;
import dev.ecsnet.app.server.EcsnetServer;
import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.engine.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code ecsnet serve}: starts the emulator with in-memory state. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the emulator (in-memory state).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "4566", description = "Port for every AWS API (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--timing", defaultValue = "FAST",
            description = "How long lifecycle steps take: instant, fast or realistic (default: fast).")
    TimingProfile timing;

    @Option(names = "--egress", defaultValue = "IGNORE",
            description = "Whether network paths decide a Fargate task's fate: enforce (no path to the registry, secrets or logs: the task stops as AWS stops it) or ignore (default).")
    EgressPolicy egress;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for ids and address choices; same seed, same run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dns-port", description = "Also answer DNS (UDP and TCP) for Cloud Map DNS namespaces on this port of --host; "
            + "0 picks a free port. Off when not given.")
    Integer dnsPort;

    @Override
    public Integer call() throws Exception {
        Clock clock = Instant::now;
        EcsnetServer server = new EcsnetServer(new Engine(clock, seed, timing, egress), host, port).start();
        System.out.println("ecsnet listening on http://" + host + ":" + server.port() + " (timing " + timing.name().toLowerCase(java.util.Locale.ROOT) + ", egress " + egress.name().toLowerCase(java.util.Locale.ROOT) + ", seed " + seed + ")");
        if (dnsPort != null) {
            DnsServer dns = new DnsServer(server.engine(), host, dnsPort);
            System.out.println("ecsnet DNS on " + host + ":" + dns.port() + " (udp, tcp)");
            Runtime.getRuntime().addShutdownHook(new Thread(dns::close));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        server.join();
        return 0;
    }
}
