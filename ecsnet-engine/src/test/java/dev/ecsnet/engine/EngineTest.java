package dev.ecsnet.engine;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineTest {
    private static final AccountRegion KEY = new AccountRegion("000000000000", "us-east-1");

    /** Occupies the engine thread until released; returns once the engine runs it. */
    private static CountDownLatch block(Engine engine, List<CompletableFuture<?>> running) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        running.add(CompletableFuture.runAsync(() -> engine.call(KEY, s -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        })));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    /** With the engine thread held, a call is refused with {@code message} and, once the engine is free, never ran. */
    private static void refusedWithoutRunning(Engine engine, String message) throws Exception {
        List<CompletableFuture<?>> running = new ArrayList<>();
        CountDownLatch release = block(engine, running);
        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> engine.call(KEY, s -> {
            ran.set(true);
            return null;
        })).isInstanceOf(EngineBusy.class).hasMessageContaining(message);
        release.countDown();
        running.get(0).get(30, TimeUnit.SECONDS);
        // the engine has run everything queued before this call: the refused one is not among them
        assertThat(engine.<Boolean>call(KEY, s -> ran.get())).isFalse();
    }

    @Test
    void aFullQueueRefusesAtOnceWithoutRunningTheCallAndTheEngineKeepsAnswering() throws Exception {
        try (Engine engine = new Engine(new ManualClock(Instant.EPOCH), 1, TimingProfile.INSTANT, EgressPolicy.IGNORE, Duration.ofMinutes(5), 1)) {
            refusedWithoutRunning(engine, "too many calls are waiting for the engine (at most 1)");
            assertThat(engine.<String>call(KEY, s -> s.key().region())).isEqualTo("us-east-1");
        }
    }

    @Test
    void aCallNotStartedByItsDeadlineIsCancelledAndNeverRuns() throws Exception {
        try (Engine engine = new Engine(new ManualClock(Instant.EPOCH), 1, TimingProfile.INSTANT, EgressPolicy.IGNORE, Duration.ofMillis(200), 8)) {
            refusedWithoutRunning(engine, "the call did not start within 200 ms and was cancelled; nothing changed");
        }
    }

    @Test
    void aCallAlreadyRunningAtItsDeadlineIsWaitedFor() throws Exception {
        try (Engine engine = new Engine(new ManualClock(Instant.EPOCH), 1, TimingProfile.INSTANT, EgressPolicy.IGNORE, Duration.ofMillis(100), 8)) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> engine.call(KEY, s -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "finished";
            }));
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            // the caller's deadline passes while the command runs; it still gets the real outcome
            CompletableFuture.runAsync(release::countDown, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
            assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo("finished");
        }
    }
}
