package dev.ecsnet.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code ecsnet diagnose TARGET}: asks a running ecsnet what blocks a task or a cluster's tasks, and prints it.
 * Exit status 0: nothing blocks; 1: something does; 2: the target or the server could not be found.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Explain what blocks a task (ARN or id), the tasks of a cluster, or a service, naming the resource to fix.")
final class DiagnoseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TARGET", description = "A task ARN or id, a cluster name or ARN, or a service name or ARN (any cluster).")
    String target;

    @Option(names = "--endpoint", defaultValue = "http://127.0.0.1:4566", description = "The running ecsnet (default: ${DEFAULT-VALUE}).")
    String endpoint;

    @Option(names = "--region", defaultValue = "us-east-1", description = "Region (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--account", defaultValue = "000000000000", description = "Account (default: ${DEFAULT-VALUE}).")
    String account;

    @Option(names = "--json", description = "Print the JSON answer as it is.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        URI uri = URI.create(endpoint.replaceAll("/+$", "") + "/_ecsnet/diagnose?target=" + enc(target) + "&region=" + enc(region)
                + "&account=" + enc(account));
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            System.err.println("ecsnet diagnose: no ecsnet answers at " + endpoint + " (" + e.getMessage() + ")");
            return 2;
        }
        JsonNode body;
        try {
            body = new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            System.err.println("ecsnet diagnose: unexpected answer from " + endpoint + ": " + response.body());
            return 2;
        }
        if (response.statusCode() != 200) {
            System.err.println("ecsnet diagnose: " + body.path("error").asText(response.body()));
            return 2;
        }
        if (json) {
            System.out.println(body.toPrettyString());
        }
        boolean blocked = false;
        for (JsonNode f : body.path("findings")) {
            blocked |= f.path("status").asText().equals("BLOCKED");
            if (!json) {
                System.out.printf("%-8s %s: %s%n", f.path("status").asText(), f.path("subject").asText(), f.path("message").asText());
            }
        }
        return blocked ? 1 : 0;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
