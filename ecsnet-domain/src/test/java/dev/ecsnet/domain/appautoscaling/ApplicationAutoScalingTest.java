package dev.ecsnet.domain.appautoscaling;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.TimerQueue;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Application Auto Scaling against a stand-in for ECS, on a hand-driven clock. */
class ApplicationAutoScalingTest {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final TimerQueue timers = new TimerQueue(() -> now);
    private final Map<String, Integer> counts = new HashMap<>(Map.of("web/api", 1));
    private final ApplicationAutoScaling aas;

    ApplicationAutoScalingTest() {
        ScalableServices services = new ScalableServices() {
            @Override
            public OptionalInt desiredCount(String cluster, String service) {
                Integer n = counts.get(cluster + "/" + service);
                return n == null ? OptionalInt.empty() : OptionalInt.of(n);
            }

            @Override
            public void setDesiredCount(String cluster, String service, int count) {
                counts.put(cluster + "/" + service, count);
            }
        };
        aas = new ApplicationAutoScaling(new AccountRegion("000000000000", "us-east-1"), new IdSource(7), () -> now, timers.timers(), services);
    }

    private void advance(Duration d) {
        Instant target = now.plus(d);
        timers.runUntil(target, due -> now = due);
        now = target;
    }

    private ScalableTarget register(Integer min, Integer max) {
        return aas.register(new ApplicationAutoScaling.RegisterRequest("ecs", "service/web/api", ScalableTarget.DIMENSION,
                Optional.ofNullable(min), Optional.ofNullable(max), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of()));
    }

    private void schedule(String name, String schedule, Integer min, Integer max) {
        aas.schedules().put(aas.target("ecs", "service/web/api", ScalableTarget.DIMENSION), new ScheduledScaling.PutRequest(name,
                Optional.of(schedule), Optional.empty(), Optional.empty(), Optional.empty(), true, Optional.ofNullable(min), Optional.ofNullable(max)));
    }

    @Test
    void aScheduledActionRaisesTheMinimumAndTheCountWhenItFires() {
        register(1, 4);
        schedule("at-one", "at(2026-01-01T01:00:00)", 3, null);
        advance(Duration.ofMinutes(59));
        assertThat(counts.get("web/api")).isEqualTo(1);
        advance(Duration.ofMinutes(1));
        assertThat(counts.get("web/api")).isEqualTo(3);
        assertThat(aas.activities("ecs", Optional.empty(), Optional.empty())).extracting(ScalingActivity::description)
                .containsExactly("Setting desired count to 3.", "Setting min capacity to 3");
    }

    @Test
    void anActionPutAgainOrDeletedLeavesItsOldTimerIdle() {
        register(1, 4);
        schedule("a", "at(2026-01-01T01:00:00)", 3, null);
        schedule("a", "at(2026-01-01T02:00:00)", 2, null);
        advance(Duration.ofMinutes(90));
        assertThat(counts.get("web/api")).as("the first version's timer did nothing").isEqualTo(1);
        advance(Duration.ofMinutes(30));
        assertThat(counts.get("web/api")).isEqualTo(2);
        schedule("b", "at(2026-01-01T03:00:00)", 4, null);
        aas.schedules().delete("ecs", "service/web/api", ScalableTarget.DIMENSION, "b");
        advance(Duration.ofHours(2));
        assertThat(counts.get("web/api")).isEqualTo(2);
    }

    @Test
    void registeringNeedsTheServiceAndBothBoundsFirst() {
        counts.clear();
        assertThatThrownBy(() -> register(1, 2)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.getMessage()).isEqualTo("ECS service doesn't exist: service/web/api"));
        counts.put("web/api", 1);
        assertThatThrownBy(() -> register(1, null)).isInstanceOf(DomainException.class);
        assertThat(aas.allTargets()).isEmpty();
    }

    /** Whatever the bounds a target is given, the service's count ends inside them, and an activity says so when it moved. */
    @Property
    void theDesiredCountEndsWithinTheBounds(@ForAll @IntRange(max = 20) int start, @ForAll @IntRange(max = 20) int a,
                                            @ForAll @IntRange(max = 20) int b) {
        counts.put("web/api", start);
        int activitiesBefore = aas.activities("ecs", Optional.empty(), Optional.empty()).size();
        ScalableTarget t = register(Math.min(a, b), Math.max(a, b));
        int after = counts.get("web/api");
        assertThat(after).isBetween(t.minCapacity(), t.maxCapacity());
        assertThat(aas.activities("ecs", Optional.empty(), Optional.empty())).hasSize(activitiesBefore + (after == start ? 0 : 1));
    }

    @Test
    void deregisteringTakesPoliciesAndActionsAlong() {
        register(1, 4);
        schedule("a", "rate(1 hour)", 2, null);
        aas.policies().put(aas.target("ecs", "service/web/api", ScalableTarget.DIMENSION), new ScalingPolicies.PutRequest("cpu",
                ScalingPolicy.TARGET_TRACKING, Optional.empty(), Optional.of(new ScalingPolicy.TargetTracking(50.0,
                Optional.of(new ScalingPolicy.PredefinedMetric("ECSServiceAverageCPUUtilization", Optional.empty())), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty())), Optional.empty()));
        aas.deregister("ecs", "service/web/api", ScalableTarget.DIMENSION);
        assertThat(aas.policies().describe("ecs", Optional.empty(), Optional.empty(), List.of())).isEmpty();
        assertThat(aas.schedules().describe("ecs", Optional.empty(), Optional.empty(), List.of())).isEmpty();
        advance(Duration.ofHours(3));
        assertThat(counts.get("web/api")).isEqualTo(1);
        assertThat(timers.pending()).as("no action re-armed itself").isEmpty();
    }
}
