package dev.ecsnet.app.cli;

import picocli.CommandLine.Option;

/** Where the commands that ask a running ecsnet find it, and whose state they ask about. */
final class AdminOptions {
    @Option(names = "--endpoint", defaultValue = "${env:AWS_ENDPOINT_URL:-http://127.0.0.1:4566}",
            description = "The running ecsnet (default: $AWS_ENDPOINT_URL, else http://127.0.0.1:4566).")
    String endpoint;

    @Option(names = "--region", defaultValue = "${env:AWS_DEFAULT_REGION:-us-east-1}",
            description = "Region (default: $AWS_DEFAULT_REGION, else us-east-1).")
    String region;

    @Option(names = "--account", defaultValue = "000000000000", description = "Account (default: ${DEFAULT-VALUE}).")
    String account;

    @Option(names = "--json", description = "Print the JSON answer as it is.")
    boolean json;

    /** The first line of a text answer: where the question was asked, so that a wrong region is seen at once. */
    static String scopeLine(com.fasterxml.jackson.databind.JsonNode body) {
        return "in " + body.path("region").asText() + " (account " + body.path("account").asText() + "):";
    }
}
