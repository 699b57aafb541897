package dev.ecsnet.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code ecsnet state save FILE} and {@code state load FILE}: a running ecsnet's whole state (every account and
 * region) to one compressed file, and back ({@code GET} and {@code PUT /_ecsnet/state}). Exit status 0 on success,
 * 2 when the server cannot be reached or refuses the file.
 */
@Command(name = "state", mixinStandardHelpOptions = true, description = "Save a running ecsnet's whole state to a file, or replace it with one.",
        subcommands = {StateCommand.Save.class, StateCommand.Load.class})
final class StateCommand {

    /** The file and the running ecsnet of both subcommands. */
    static final class Endpoint {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--endpoint", defaultValue = "${env:AWS_ENDPOINT_URL:-http://127.0.0.1:4566}",
                description = "The running ecsnet (default: $AWS_ENDPOINT_URL, else http://127.0.0.1:4566).")
        String endpoint;

        URI state() {
            return URI.create(endpoint.replaceAll("/+$", "") + "/_ecsnet/state");
        }
    }

    @Command(name = "save", mixinStandardHelpOptions = true, description = "Write every account and region of the running ecsnet to FILE.")
    static final class Save implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Endpoint endpoint = new Endpoint();

        @Override
        public Integer call() throws InterruptedException {
            Path file = endpoint.file;
            HttpResponse<byte[]> response = send("save", endpoint, HttpRequest.newBuilder(endpoint.state()).GET());
            if (response == null) {
                return 2;
            }
            try {
                Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".ecsnet-state", ".tmp");
                Files.write(tmp, response.body());
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                System.err.println("ecsnet state save: cannot write " + file + " (" + e.getMessage() + ")");
                return 2;
            }
            System.out.println("saved " + response.body().length + " bytes to " + file);
            return 0;
        }
    }

    @Command(name = "load", mixinStandardHelpOptions = true, description = "Replace all state of the running ecsnet with FILE's.")
    static final class Load implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Endpoint endpoint = new Endpoint();

        @Override
        public Integer call() throws InterruptedException {
            Path file = endpoint.file;
            byte[] body;
            try {
                body = Files.readAllBytes(file);
            } catch (IOException e) {
                System.err.println("ecsnet state load: cannot read " + file + " (" + e.getMessage() + ")");
                return 2;
            }
            HttpResponse<byte[]> response = send("load", endpoint, HttpRequest.newBuilder(endpoint.state())
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
            if (response == null) {
                return 2;
            }
            System.out.println(new String(response.body(), StandardCharsets.UTF_8));
            return 0;
        }
    }

    private static HttpResponse<byte[]> send(String command, Endpoint endpoint, HttpRequest.Builder request) throws InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request.timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IllegalArgumentException e) {
            System.err.println("ecsnet state " + command + ": --endpoint " + endpoint.endpoint + " is not a URL like http://127.0.0.1:4566");
            return null;
        } catch (IOException e) {
            System.err.println("ecsnet state " + command + ": no ecsnet answers at " + endpoint.endpoint + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
            return null;
        }
        if (response.statusCode() != 200) {
            System.err.println("ecsnet state " + command + ": " + new String(response.body(), StandardCharsets.UTF_8));
            return null;
        }
        return response;
    }
}
