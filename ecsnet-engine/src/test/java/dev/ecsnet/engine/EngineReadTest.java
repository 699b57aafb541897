package dev.ecsnet.engine;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Engine#read}: reads on their callers' threads, side by side, never inside a step. */
class EngineReadTest {
    private static final AccountRegion KEY = new AccountRegion("000000000000", "us-east-1");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static Engine engine(ManualClock clock, Duration callTimeout) {
        return new Engine(clock, 1, TimingProfile.INSTANT, EgressPolicy.IGNORE, callTimeout, 8);
    }

    /** A step holding the engine thread (and its write lock) until {@link #finish}. */
    private record Held(CountDownLatch release, CompletableFuture<Void> step) {
        void finish() throws Exception {
            release.countDown();
            step.get(30, TimeUnit.SECONDS);
        }
    }

    /** Starts a step that runs {@code first}, waits to be released, then runs {@code last}; returns once it runs. */
    private static Held hold(Engine engine, Runnable first, Runnable last) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> step = CompletableFuture.runAsync(() -> engine.call(KEY, s -> {
            first.run();
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            last.run();
            return null;
        }));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        return new Held(release, step);
    }

    @Test
    void readsRunOnTheirCallersThreadsAtTheSameTime() throws Exception {
        try (Engine engine = engine(new ManualClock(START), Duration.ofSeconds(30))) {
            engine.call(KEY, s -> null); // the region exists
            CountDownLatch bothInside = new CountDownLatch(2);
            CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> readWhenBothInside(engine, bothInside));
            CompletableFuture<String> b = CompletableFuture.supplyAsync(() -> readWhenBothInside(engine, bothInside));
            // each read waited inside its query for the other one: they ran at once, and not on the engine thread
            assertThat(List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS)))
                    .allSatisfy(thread -> assertThat(thread).isNotEqualTo("ecsnet-engine"))
                    .doesNotHaveDuplicates();
        }
    }

    private static String readWhenBothInside(Engine engine, CountDownLatch bothInside) {
        return engine.read(KEY, s -> {
            bothInside.countDown();
            try {
                assertThat(bothInside.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Thread.currentThread().getName();
        });
    }

    @Test
    void aReadWaitsForTheStepRunningAndSeesAllOfIt() throws Exception {
        try (Engine engine = engine(new ManualClock(START), Duration.ofSeconds(30))) {
            AtomicInteger halves = new AtomicInteger();
            engine.call(KEY, s -> null);
            Held step = hold(engine, halves::incrementAndGet, halves::incrementAndGet);
            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> engine.read(KEY, s -> halves.get()));
            while (engine.readsWaiting() == 0 && !read.isDone()) {
                Thread.onSpinWait();
            }
            // the read is queued behind the step's write lock, not done with half of it
            assertThat(read).isNotDone();
            step.finish();
            assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo(2);
        }
    }

    @Test
    void aReadBehindAStepLongerThanTheCallTimeoutIsRefused() throws Exception {
        try (Engine engine = engine(new ManualClock(START), Duration.ofMillis(200))) {
            engine.call(KEY, s -> null);
            Held step = hold(engine, () -> { }, () -> { });
            assertThatThrownBy(() -> engine.read(KEY, s -> "read")).isInstanceOf(EngineBusy.class)
                    .hasMessageContaining("held the state for longer than 200 ms");
            step.finish();
            assertThat(engine.<String>read(KEY, s -> "read")).isEqualTo("read");
        }
    }

    @Test
    void aReadWithTheQueueFullIsRefusedAtOnce() throws Exception {
        try (Engine engine = new Engine(new ManualClock(START), 1, TimingProfile.INSTANT, EgressPolicy.IGNORE, Duration.ofMinutes(5), 1)) {
            engine.call(KEY, s -> null);
            Held step = hold(engine, () -> { }, () -> { });
            // the running step holds the only slot: the read does not wait the five minutes
            assertThatThrownBy(() -> engine.read(KEY, s -> "read")).isInstanceOf(EngineBusy.class)
                    .hasMessageContaining("too many calls are waiting for the engine (at most 1)");
            step.finish();
            assertThat(engine.<String>read(KEY, s -> "read")).isEqualTo("read");
        }
    }

    @Test
    void aReadOfARegionNotMadeYetRunsOnTheEngineWhichMakesIt() {
        try (Engine engine = engine(new ManualClock(START), Duration.ofSeconds(30))) {
            AccountRegion elsewhere = new AccountRegion("111111111111", "eu-west-1");
            assertThat(engine.<String>read(elsewhere, s -> Thread.currentThread().getName() + " " + s.key().region()))
                    .isEqualTo("ecsnet-engine eu-west-1");
            assertThat(engine.<String>read(elsewhere, s -> Thread.currentThread().getName())).isNotEqualTo("ecsnet-engine");
        }
    }

    @Test
    void aReadWithATimerDueRunsOnTheEngineAfterTheTimer() {
        ManualClock clock = new ManualClock(START);
        try (Engine engine = engine(clock, Duration.ofSeconds(30))) {
            List<String> fired = new CopyOnWriteArrayList<>();
            engine.call(KEY, s -> {
                s.timers().on("test.step", (key, args) -> fired.add(key));
                s.timers().schedule(Duration.ofSeconds(5), "test.step", "due");
                return null;
            });
            // the source clock passes the timer without a step of the engine: only a step runs it
            clock.advanceTo(START.plusSeconds(6));
            assertThat(engine.<String>read(KEY, s -> Thread.currentThread().getName() + " " + fired))
                    .isEqualTo("ecsnet-engine [due]");
        }
    }
}
