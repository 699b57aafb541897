package dev.ecsnet.app.server;

import dev.ecsnet.api.SignatureCheck;
import dev.ecsnet.protocol.SigningKeys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code serve --init-dir DIR}: once the server answers, runs {@code DIR/ready.d/*.sh} in name order (executable
 * files directly, others with {@code sh}), each with {@code AWS_ENDPOINT_URL}, credentials (test/test, or the first
 * {@code --credentials} key when signatures are verified) and
 * {@code AWS_DEFAULT_REGION} set, and logs each result. A failing script does not stop the server or the scripts
 * after it; {@code /_ecsnet/health} shows {@code init}: {@code running}, {@code done} or {@code failed}.
 */
public final class InitScripts {
    static final long SCRIPT_TIMEOUT_MINUTES = 10;

    /** How one script went; {@code exitCode} is -1 until it ends (or when it timed out). */
    public record Result(String name, String state, int exitCode) {
    }

    private final Path dir;
    private final SigningKeys.AccessKey key;
    private final List<Result> results = new ArrayList<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private volatile String state;

    private InitScripts(Path dir, SigningKeys.AccessKey key) {
        this.dir = dir;
        this.key = key;
        this.state = dir == null ? "done" : "running";
        if (dir == null) {
            finished.complete(null);
        }
    }

    static InitScripts none() {
        return new InitScripts(null, SignatureCheck.DEFAULT_KEY);
    }

    /** Scripts that call AWS with {@code key} (the first configured key when signatures are verified). */
    static InitScripts of(Path dir, SigningKeys.AccessKey key) {
        return new InitScripts(dir, key);
    }

    /** {@code running}, {@code done} (also when there is nothing to run) or {@code failed} (some script failed). */
    public String state() {
        return state;
    }

    public synchronized List<Result> results() {
        return List.copyOf(results);
    }

    /** Completes when every script has ended. */
    public CompletableFuture<Void> finished() {
        return finished;
    }

    /** Runs the scripts on a thread of their own; {@code endpoint} is what they reach the server at. */
    void start(String endpoint, RequestLog log) {
        if (dir == null) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                runAll(endpoint, log);
            } finally {
                finished.complete(null);
            }
        }, "ecsnet-init");
        t.setDaemon(true);
        t.start();
    }

    private void runAll(String endpoint, RequestLog log) {
        Path ready = dir.resolve("ready.d");
        List<Path> scripts;
        try (Stream<Path> files = Files.isDirectory(ready) ? Files.list(ready) : Stream.empty()) {
            scripts = files.filter(p -> p.getFileName().toString().endsWith(".sh") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            log.event("init", "cannot list " + ready + ": " + e.getMessage());
            state = "failed";
            return;
        }
        synchronized (this) {
            scripts.forEach(s -> results.add(new Result(s.getFileName().toString(), "pending", -1)));
        }
        boolean failed = false;
        for (int i = 0; i < scripts.size(); i++) {
            Result r = run(scripts.get(i), endpoint, log);
            synchronized (this) {
                results.set(i, r);
            }
            failed |= !r.state().equals("ok");
        }
        log.event("init", scripts.size() + " script(s) in " + ready + ": " + (failed ? "failed" : "done"));
        state = failed ? "failed" : "done";
    }

    private Result run(Path script, String endpoint, RequestLog log) {
        String name = script.getFileName().toString();
        List<String> command = Files.isExecutable(script) ? List.of(script.toString()) : List.of("sh", script.toString());
        ProcessBuilder pb = new ProcessBuilder(command).directory(script.getParent().toFile()).redirectErrorStream(true);
        pb.environment().put("AWS_ENDPOINT_URL", endpoint);
        pb.environment().put("AWS_ACCESS_KEY_ID", key.accessKeyId());
        pb.environment().put("AWS_SECRET_ACCESS_KEY", key.secretAccessKey());
        pb.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        pb.environment().put("AWS_REGION", "us-east-1");
        pb.environment().put("AWS_PAGER", "");
        long started = System.nanoTime();
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    log.event("init", name + " | " + line);
                }
            }
            if (!p.waitFor(SCRIPT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                log.event("init", name + ": failed (still running after " + SCRIPT_TIMEOUT_MINUTES + " min)");
                return new Result(name, "failed", -1);
            }
            int code = p.exitValue();
            String took = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9);
            log.event("init", name + ": " + (code == 0 ? "ok" : "failed (exit " + code + ")") + " in " + took);
            return new Result(name, code == 0 ? "ok" : "failed", code);
        } catch (IOException e) {
            log.event("init", name + ": failed (" + e.getMessage() + ")");
            return new Result(name, "failed", -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(name, "failed", -1);
        }
    }
}
