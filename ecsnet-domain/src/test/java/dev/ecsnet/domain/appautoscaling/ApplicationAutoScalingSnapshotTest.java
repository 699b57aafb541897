package dev.ecsnet.domain.appautoscaling;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Timers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.PriorityQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Application Auto Scaling restored from its snapshot record goes on as the original does: timers of scheduled
 * actions (current and stale) fall due alike, and the next ARNs and activity ids are the same. ECS is a stand-in
 * whose desired counts the twin is given as ECS's own snapshot would give them.
 */
class ApplicationAutoScalingSnapshotTest {
    private static final long SEED = 42;
    private static final AccountRegion KEY = new AccountRegion("000000000000", "us-east-1");

    record Pending(Instant due, long seq, String kind, String key, String args) {
    }

    /** One Application Auto Scaling with its stand-in ECS, id stream, clock and timer queue. */
    static final class World {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        final Map<String, Integer> counts = new LinkedHashMap<>();
        /** Services whose desired count ECS refuses to change (their activities fail). */
        final List<String> frozen = new ArrayList<>();
        final PriorityQueue<Pending> pending = new PriorityQueue<>(Comparator.comparing(Pending::due).thenComparingLong(Pending::seq));
        long seq;
        final IdSource ids = new IdSource(SEED);
        final Timers timers = new Timers((delay, kind, key, args) -> pending.add(new Pending(now.plus(delay), seq++, kind, key, args)));
        final ApplicationAutoScaling aas = new ApplicationAutoScaling(KEY, ids, () -> now, timers, new ScalableServices() {
            @Override
            public OptionalInt desiredCount(String cluster, String service) {
                Integer n = counts.get(cluster + "/" + service);
                return n == null ? OptionalInt.empty() : OptionalInt.of(n);
            }

            @Override
            public void setDesiredCount(String cluster, String service, int count) {
                if (frozen.contains(cluster + "/" + service)) {
                    throw DomainException.invalid("InvalidParameterException", "Service is not ACTIVE.");
                }
                counts.put(cluster + "/" + service, count);
            }
        });

        void advance(Duration d) {
            Instant target = now.plus(d);
            while (!pending.isEmpty() && !pending.peek().due().isAfter(target)) {
                Pending t = pending.poll();
                now = t.due();
                assertThat(timers.fire(t.kind(), t.key(), t.args())).isTrue();
            }
            now = target;
        }

        /** Built fresh with the same seed, given this one's record, id stream, pending timers and ECS counts. */
        World twin() {
            World twin = new World();
            twin.now = now;
            twin.counts.putAll(counts);
            twin.frozen.addAll(frozen);
            twin.aas.restore(aas.export());
            twin.ids.resume(ids.streamState());
            twin.pending.addAll(pending);
            twin.seq = seq;
            return twin;
        }

        ScalableTarget register(String resourceId, Integer min, Integer max, Boolean scheduledSuspended, Map<String, String> tags) {
            return aas.register(new ApplicationAutoScaling.RegisterRequest("ecs", resourceId, ScalableTarget.DIMENSION,
                    Optional.ofNullable(min), Optional.ofNullable(max), Optional.empty(), Optional.empty(), Optional.of(true),
                    Optional.ofNullable(scheduledSuspended), tags));
        }

        ScalableTarget target(String resourceId) {
            return aas.target("ecs", resourceId, ScalableTarget.DIMENSION);
        }

        void schedule(String resourceId, String name, String schedule, String timezone, Instant start, Instant end, Integer min, Integer max) {
            aas.schedules().put(target(resourceId), new ScheduledScaling.PutRequest(name, Optional.of(schedule), Optional.ofNullable(timezone),
                    Optional.ofNullable(start), Optional.ofNullable(end), true, Optional.ofNullable(min), Optional.ofNullable(max)));
        }

        void policy(String resourceId, ScalingPolicies.PutRequest r) {
            aas.policies().put(target(resourceId), r);
        }

        /** What the Describe calls show, and the services' desired counts. */
        List<Object> view() {
            List<Object> out = new ArrayList<>();
            for (ScalableTarget t : aas.targets("ecs", List.of(), Optional.empty())) {
                out.add(List.of(t.resourceId(), t.arn(), t.creationTime(), t.minCapacity(), t.maxCapacity(), t.roleArn(), t.suspendedState(),
                        List.copyOf(t.tags().entrySet())));
            }
            out.add(aas.activities("ecs", Optional.empty(), Optional.empty()));
            out.add(aas.policies().describe("ecs", Optional.empty(), Optional.empty(), List.of()));
            for (ScheduledAction a : aas.schedules().describe("ecs", Optional.empty(), Optional.empty(), List.of())) {
                out.add(List.of(a.name(), a.arn(), a.resourceId(), a.scheduleText(), a.timezone(), a.startTime(), a.endTime(), a.minCapacity(),
                        a.maxCapacity(), a.creationTime(), a.nextRun(now)));
            }
            out.add(Map.copyOf(counts));
            return out;
        }

        List<Object> exports() {
            return List.of(aas.export(), ids.streamState());
        }
    }

    private static ScalingPolicies.PutRequest step(String name) {
        return new ScalingPolicies.PutRequest(name, ScalingPolicy.STEP, Optional.of(new ScalingPolicy.StepScaling(
                Optional.of("PercentChangeInCapacity"), List.of(new ScalingPolicy.StepAdjustment(Optional.of(0.0), Optional.of(10.5), 1),
                new ScalingPolicy.StepAdjustment(Optional.of(10.5), Optional.empty(), 3)), Optional.of(2), Optional.of(60), Optional.of("Maximum"))),
                Optional.empty(), Optional.empty());
    }

    private static ScalingPolicies.PutRequest tracking(String name, double target, boolean disableScaleIn) {
        return new ScalingPolicies.PutRequest(name, ScalingPolicy.TARGET_TRACKING, Optional.empty(), Optional.of(new ScalingPolicy.TargetTracking(
                target, Optional.of(new ScalingPolicy.PredefinedMetric("ALBRequestCountPerTarget",
                Optional.of("app/web/0123456789abcdef/targetgroup/api/fedcba9876543210"))), Optional.empty(), Optional.of(30),
                Optional.empty(), Optional.of(disableScaleIn))), Optional.empty());
    }

    private static ScalingPolicies.PutRequest customized(String name) {
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("MetricName", "QueueDepth");
        metric.put("Namespace", "App");
        metric.put("Statistic", "Average");
        metric.put("Dimensions", List.of(Map.of("Name", "Queue", "Value", "jobs")));
        return new ScalingPolicies.PutRequest(name, ScalingPolicy.TARGET_TRACKING, Optional.empty(), Optional.of(new ScalingPolicy.TargetTracking(
                100.0, Optional.empty(), Optional.of(metric), Optional.empty(), Optional.of(120), Optional.empty())), Optional.empty());
    }

    private static ScalingPolicies.PutRequest predictive(String name) {
        return new ScalingPolicies.PutRequest(name, ScalingPolicy.PREDICTIVE, Optional.empty(), Optional.empty(), Optional.of(Map.of(
                "MetricSpecifications", List.of(Map.of("TargetValue", 40, "PredefinedMetricPairSpecification",
                        Map.of("PredefinedMetricType", "ECSServiceCPUUtilization"))), "Mode", "ForecastOnly")));
    }

    private static World build() {
        World w = new World();
        Instant t0 = w.now;
        w.counts.putAll(Map.of("web/api", 2, "web/worker", 5, "web/frozen", 1, "web/gone", 1));
        w.frozen.add("web/frozen");
        w.register("service/web/api", 1, 4, null, Map.of("team", "web", "env", "dev"));
        w.register("service/web/worker", 1, 3, null, Map.of());
        w.register("service/web/frozen", 2, 4, null, Map.of());
        w.register("service/web/gone", 0, 2, null, Map.of());
        w.policy("service/web/gone", step("gone-step"));
        w.schedule("service/web/gone", "gone-rate", "rate(1 minute)", null, null, null, 0, null);
        w.aas.deregister("ecs", "service/web/gone", ScalableTarget.DIMENSION);
        w.aas.tag(w.target("service/web/api").arn(), Map.of("cost", "1", "owner", "ops"));
        w.aas.untag(w.target("service/web/api").arn(), List.of("env"));

        w.policy("service/web/api", step("steps"));
        w.policy("service/web/worker", customized("queue"));
        w.aas.policies().delete("ecs", "service/web/worker", ScalableTarget.DIMENSION, "queue");
        w.policy("service/web/api", tracking("requests", 500, false));
        w.policy("service/web/api", predictive("forecast"));
        w.policy("service/web/frozen", customized("queue"));
        w.advance(Duration.ofSeconds(10));
        w.policy("service/web/api", tracking("requests", 800, true));

        w.schedule("service/web/api", "every-5", "rate(5 minutes)", null, null, null, 2, null);
        w.schedule("service/web/api", "once", "at(2026-01-01T00:30:00)", null, null, null, null, 3);
        w.schedule("service/web/api", "hourly", "cron(0 * * * ? *)", "Europe/London", t0.plus(Duration.ofMinutes(50)),
                t0.plus(Duration.ofHours(5)), 1, 4);
        w.schedule("service/web/api", "moved", "at(2026-01-01T00:20:00)", null, null, null, 4, null);
        w.advance(Duration.ofMinutes(2));
        w.schedule("service/web/api", "moved", "at(2026-01-01T01:40:00)", null, null, null, 4, 4);
        w.schedule("service/web/worker", "paused", "rate(10 minutes)", null, null, null, 0, 1);
        w.register("service/web/worker", null, null, true, Map.of());
        w.schedule("service/web/frozen", "raise", "rate(15 minutes)", null, t0.plus(Duration.ofMinutes(15)), null, 3, null);
        w.advance(Duration.ofMinutes(12));
        return w;
    }

    @Test
    void aRestoredAggregateExportsWhatItWasGivenAndGoesOnAsTheOriginalDoes() {
        World a = build();
        assertThat(a.aas.activities("ecs", Optional.empty(), Optional.empty())).extracting(ScalingActivity::statusCode)
                .contains("Successful", "Failed");
        assertThat(a.pending).hasSizeGreaterThan(4);

        World b = a.twin();

        assertThat(b.exports()).isEqualTo(a.exports());
        assertThat(b.view()).isEqualTo(a.view());

        List<List<Object>> next = new ArrayList<>();
        for (World w : List.of(a, b)) {
            w.advance(Duration.ofMinutes(25));
            w.policy("service/web/worker", tracking("late", 10, false));
            w.schedule("service/web/worker", "late", "at(2026-01-01T02:00:00)", null, null, null, 0, 2);
            w.counts.put("web/new", 9);
            ScalableTarget added = w.register("service/web/new", 1, 2, false, Map.of("k", "v"));
            w.register("service/web/worker", null, null, false, Map.of());
            w.advance(Duration.ofHours(3));
            next.add(List.of(added.arn(), w.aas.policies().describe("ecs", Optional.empty(), Optional.of("service/web/worker"), List.of())));
        }
        assertThat(next.get(1)).isEqualTo(next.get(0));
        assertThat(b.view()).isEqualTo(a.view());
        assertThat(b.exports()).isEqualTo(a.exports());
        assertThat(a.aas.policies().describe("ecs", Optional.empty(), Optional.empty(), List.of())).extracting(ScalingPolicy::resourceId)
                .as("the worker's emptied group keeps its place in describe order")
                .containsExactly("service/web/api", "service/web/api", "service/web/api", "service/web/worker", "service/web/frozen");
    }
}
