package dev.ecsnet.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * {@code ecsnet diagnose TARGET}: asks a running ecsnet what blocks a task or a cluster's tasks, and prints it.
 * Exit status 0: nothing blocks; 1: something does (BLOCKED, or WARNING: runs here but AWS would stop it); 2: the
 * target or the server could not be found.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Explain what blocks a task (ARN or id), the tasks of a cluster, or a service, naming the resource to fix.")
final class DiagnoseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TARGET", description = "A task ARN or id, a cluster name or ARN, or a service name or ARN (any cluster).")
    String target;

    @Mixin
    AdminOptions admin;

    @Override
    public Integer call() throws InterruptedException {
        var answer = AdminClient.get(admin.endpoint, "/_ecsnet/diagnose", java.util.Map.of("target", target, "region", admin.region, "account", admin.account), "diagnose");
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
        for (JsonNode f : body.path("findings")) {
            blocked |= !f.path("status").asText().equals("OK");
            if (!admin.json) {
                System.out.printf("%-8s %s: %s%n", f.path("status").asText(), f.path("subject").asText(), f.path("message").asText());
            }
        }
        return blocked ? 1 : 0;
    }
}
