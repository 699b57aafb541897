package dev.ecsnet.engine;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Timers as data: pending timers are records that can be exported and re-armed in another engine. */
class EngineTimersTest {
    private static final AccountRegion KEY = new AccountRegion("000000000000", "us-east-1");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** Registers a "test.step" handler on the region that notes the timer's key, args and the instant it ran at. */
    private static List<String> recording(Engine engine) {
        List<String> fired = new CopyOnWriteArrayList<>();
        engine.call(KEY, s -> {
            s.timers().on("test.step", (key, args) -> fired.add(key + args + "@" + engine.clock().now()));
            return null;
        });
        return fired;
    }

    private static List<Timer> ours(Engine engine) {
        return engine.timers().stream().filter(t -> t.kind().startsWith("test.")).toList();
    }

    @Test
    void exportedTimersRestoredIntoAFreshEngineRunInTheSameOrderAtTheSameInstants() {
        ManualClock clockA = new ManualClock(START);
        try (Engine a = new Engine(clockA, 1, TimingProfile.INSTANT, EgressPolicy.IGNORE);
             Engine b = new Engine(new ManualClock(START), 1, TimingProfile.INSTANT, EgressPolicy.IGNORE)) {
            List<String> firedA = recording(a);
            a.call(KEY, s -> {
                s.timers().schedule(Duration.ofSeconds(5), "test.step", "c");
                s.timers().schedule(Duration.ofSeconds(2), "test.step", "a", "1");
                s.timers().schedule(Duration.ofSeconds(5), "test.step", "d");
                s.timers().schedule(Duration.ofSeconds(2), "test.step", "b");
                return null;
            });
            List<Timer> exported = ours(a);
            assertThat(exported).extracting(t -> t.key() + t.args()).containsExactly("a1", "b", "c", "d");
            assertThat(exported).allSatisfy(t -> {
                assertThat(t.accountId()).isEqualTo(KEY.accountId());
                assertThat(t.region()).isEqualTo(KEY.region());
                assertThat(t.kind()).isEqualTo("test.step");
            });
            assertThat(exported.get(0).due()).isEqualTo(START.plusSeconds(2));

            List<String> firedB = recording(b);
            b.restoreTimers(exported);
            assertThat(ours(b)).isEqualTo(exported);
            // armed after the restore: behind the restored timers of the same due time
            b.call(KEY, s -> {
                s.timers().schedule(Duration.ofSeconds(5), "test.step", "e");
                return null;
            });
            assertThat(ours(b).get(4).seq()).isGreaterThan(exported.get(3).seq());

            a.advance(Duration.ofSeconds(10));
            b.advance(Duration.ofSeconds(10));
            assertThat(firedA).containsExactly("a1@" + START.plusSeconds(2), "b@" + START.plusSeconds(2),
                    "c@" + START.plusSeconds(5), "d@" + START.plusSeconds(5));
            assertThat(firedB).startsWith(firedA.toArray(String[]::new)).endsWith("e@" + START.plusSeconds(5));
            assertThat(ours(b)).isEmpty();
        }
    }

    @Test
    void aTimerOfAKindNobodyHandlesIsSkippedAndTheEngineGoesOn() {
        try (Engine engine = new Engine(new ManualClock(START), 1, TimingProfile.INSTANT, EgressPolicy.IGNORE)) {
            List<String> fired = recording(engine);
            engine.restoreTimers(List.of(
                    new Timer(START.plusSeconds(1), 10, KEY.accountId(), KEY.region(), "gone.kind", "x", ""),
                    new Timer(START.plusSeconds(2), 11, KEY.accountId(), KEY.region(), "test.step", "after", "")));
            engine.advance(Duration.ofSeconds(3));
            assertThat(fired).containsExactly("after@" + START.plusSeconds(2));
            assertThat(ours(engine)).isEmpty();
            assertThat(engine.<String>call(KEY, s -> s.key().region())).isEqualTo("us-east-1");
        }
    }

    @Test
    void restoringATimerCreatesItsRegionSoItsHandlersAreThere() {
        AccountRegion other = new AccountRegion("111122223333", "eu-west-1");
        try (Engine engine = new Engine(new ManualClock(START), 1, TimingProfile.INSTANT, EgressPolicy.IGNORE)) {
            String kind = "ec2.instance.boot";
            assertThat(engine.<Boolean>call(KEY, s -> s.timers().kinds().contains(kind))).isTrue();
            engine.restoreTimers(List.of(new Timer(START.plusSeconds(1), 0, other.accountId(), other.region(), kind, "nothing-1", "")));
            assertThat(engine.<Boolean>call(other, s -> s.timers().kinds().contains(kind))).isTrue();
            engine.advance(Duration.ofSeconds(2));
            assertThat(engine.timers()).noneMatch(t -> t.key().equals("nothing-1"));
        }
    }
}
