package dev.ecsnet.it;

import dev.ecsnet.app.server.EcsnetServer;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.engine.Engine;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real-client scenarios in {@code ../shared/scenarios} against an in-process server. Scenario scripts
 * use real tools (the AWS CLI, Terraform) that poll with their own sleeps, so here the server runs on the system
 * clock with INSTANT timing: every lifecycle step completes right after the call that caused it, and no waiter
 * ever has to wait. Egress is enforced, as by {@code ecsnet serve} without flags, so the scenarios prove they pass
 * under AWS's rules. A missing tool skips the test with a message saying which.
 */
final class Scenarios {
    private Scenarios() {
    }

    /** {@code shared/} beside the checkout: $ECSNET_SHARED, or the first {@code shared/scenarios} found walking up. */
    static Path sharedDir() {
        String env = System.getenv("ECSNET_SHARED");
        if (env != null && Files.isDirectory(Path.of(env, "scenarios"))) {
            return Path.of(env);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/scenarios"))) {
                return p.resolve("shared");
            }
        }
        Assumptions.abort("SKIPPED: ../shared/scenarios not found (set ECSNET_SHARED)");
        throw new IllegalStateException("unreachable");
    }

    static Optional<Path> onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static void requireTools(String... tools) {
        for (String tool : tools) {
            if (onPath(tool).isEmpty()) {
                String message = "SKIPPED: '" + tool + "' is not installed, so this scenario cannot run here";
                System.out.println(message);
                Assumptions.abort(message);
            }
        }
    }

    /** As {@code ecsnet serve} starts by default (egress enforced as AWS enforces it), with INSTANT timing. */
    static EcsnetServer startServer() {
        return new EcsnetServer(new Engine(Instant::now, 7, TimingProfile.INSTANT, EcsnetServer.DEFAULT_EGRESS), "127.0.0.1", 0).start();
    }

    /** An SDK client for the server, with the dummy credentials the scenarios use. */
    static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B client(B builder, EcsnetServer server) {
        return builder.endpointOverride(java.net.URI.create("http://127.0.0.1:" + server.port()))
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")));
    }

    record Result(int exitCode, String output) {
    }

    static Result run(List<String> command, Map<String, String> env, Path workDir, long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path log = Files.createTempFile("ecsnet-scenario", ".log");
        pb.redirectOutput(log.toFile());
        Process process = pb.start();
        process.getOutputStream().close();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, Files.readString(log, StandardCharsets.UTF_8) + "\n(timed out after " + timeoutSeconds + " s)");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Result(process.exitValue(), output);
    }

    /** ecsnet's own scenario stacks: {@code scenarios/NAME} of this checkout, found walking up from the working directory. */
    static Path projectStack(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("scenarios").resolve(name))) {
                return p.resolve("scenarios").resolve(name);
            }
        }
        throw new IllegalStateException("scenarios/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * {@code ../shared/scenarios/run-terraform.sh STACK} against {@code server}, twice (apply, the stack's check.sh,
     * empty plan, destroy): asserts every step passed, or skips saying why when the script does (no provider mirror).
     * {@code stack} is a shared stack's name or an absolute path; {@code env} is added to the script's environment.
     */
    static void runTerraform(String stack, EcsnetServer server, Map<String, String> env) throws IOException, InterruptedException {
        requireTools("terraform", "bash");
        Path script = sharedDir().resolve("scenarios/run-terraform.sh");
        Map<String, String> all = new HashMap<>(env);
        all.put("ENDPOINT", "http://127.0.0.1:" + server.port());
        all.put("CYCLES", "2");
        Result result = run(List.of("bash", script.toString(), stack), all, script.getParent(), 1800);
        keepLog(Path.of(stack).getFileName().toString(), result);
        if (result.exitCode() == 3) {
            String why = "SKIPPED: " + result.output().lines().filter(l -> l.startsWith("SKIP")).findFirst().orElse("run-terraform.sh skipped");
            System.out.println(why);
            Assumptions.abort(why);
        }
        assertThat(result.output()).containsPattern("(?m)^\\d+ passed, 0 failed$");
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    /**
     * A scenario's whole output, kept in {@code target/scenario-logs/NAME.log} rather than printed: these tests run
     * beside others that swap {@code System.out} to capture a command's output.
     */
    static void keepLog(String name, Result result) throws IOException {
        Path dir = Path.of("target", "scenario-logs");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".log"), result.output() + "\n(exit code " + result.exitCode() + ")\n", StandardCharsets.UTF_8);
    }
}
