package dev.ecsnet.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ecsnet reach SOURCE DEST PORT}: asks a running ecsnet whether SOURCE can open PORT on DEST, for every pair of
 * network interfaces they stand for. Exit status 0: every pair is allowed; 1: some pair is blocked; 2: error.
 */
@Command(name = "reach", mixinStandardHelpOptions = true,
        description = "Can SOURCE reach DEST on PORT? For every pair of network interfaces: the rule that allows it, or the first thing that blocks it. "
                + "SOURCE and DEST: an ECS service, a task, a load balancer, an ENI, a security group (id or name); DEST may also be a public CIDR.")
final class ReachCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SOURCE")
    String source;

    @Parameters(index = "1", paramLabel = "DEST")
    String destination;

    @Parameters(index = "2", paramLabel = "PORT", description = "Destination port, 0-65535.")
    String port;

    @Option(names = "--protocol", defaultValue = "tcp", description = "tcp or udp (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Mixin
    AdminOptions admin;

    @Override
    public Integer call() throws InterruptedException {
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
            System.err.println("ecsnet reach: port " + port + " is not a port number (0-65535)");
            return 2;
        }
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            System.err.println("ecsnet reach: --protocol " + protocol + " is not tcp or udp");
            return 2;
        }
        var answer = AdminClient.get(admin.endpoint, "/_ecsnet/reach", Map.of("source", source, "destination", destination,
                "port", port, "protocol", protocol, "region", admin.region, "account", admin.account), "reach");
        if (answer.isEmpty()) {
            return 2;
        }
        JsonNode body = answer.get();
        if (admin.json) {
            System.out.println(body.toPrettyString());
        } else {
            System.out.println(AdminOptions.scopeLine(body));
        }
        boolean blocked = false;
        for (JsonNode a : body.path("answers")) {
            boolean allowed = a.path("allowed").asBoolean();
            blocked |= !allowed;
            if (!admin.json) {
                String why = allowed ? String.join("; ", a.path("allowedBy").findValuesAsText("rule"))
                        : a.path("blockedBy").asText() + " [" + a.path("explanationCode").asText() + "]";
                System.out.printf("%-8s %s -> %s %s %s: %s%n", allowed ? "ALLOWED" : "BLOCKED", a.path("from").asText(), a.path("to").asText(),
                        protocol, port, why);
            }
        }
        return blocked ? 1 : 0;
    }
}
