package dev.ecsnet.domain.ecs.service;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling update driven to its end by applying each plan, with a random subset of starting tasks becoming
 * RUNNING between passes: the service never has more than {@code desired × maximumPercent} tasks live and never
 * fewer than {@code desired × minimumHealthyPercent} healthy, and when capacity allows the deployment completes.
 */
class ServiceReconcilerProperties {
    private static final String OLD = "ecs-svc/1000000000000000001";
    private static final String NEW = "ecs-svc/2000000000000000002";

    @Provide
    Arbitrary<Integer> minimumPercent() {
        return Arbitraries.of(0, 25, 50, 75, 100);
    }

    @Provide
    Arbitrary<Integer> maximumPercent() {
        return Arbitraries.of(100, 125, 150, 200);
    }

    @Property(tries = 300)
    void aRollingUpdateStaysWithinItsBounds(@ForAll @IntRange(min = 1, max = 20) int desired,
                                            @ForAll("minimumPercent") int min, @ForAll("maximumPercent") int max,
                                            @ForAll long seed) {
        int maxLive = ServiceReconciler.maxLive(desired, max);
        int minHealthy = ServiceReconciler.minHealthy(desired, min);
        // no progress is possible when neither a new task may start nor an old one stop
        boolean canProgress = maxLive > desired || minHealthy < desired;
        Random random = new Random(seed);
        List<TaskView> tasks = new ArrayList<>();
        for (int i = 0; i < desired; i++) {
            tasks.add(running("old" + i, OLD));
        }
        List<ServiceView.DeploymentView> deployments = new ArrayList<>(List.of(
                new ServiceView.DeploymentView(NEW, "IN_PROGRESS", Instant.EPOCH),
                new ServiceView.DeploymentView(OLD, "COMPLETED", Instant.EPOCH)));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        int next = 0;
        boolean completed = false;
        for (int pass = 0; pass < 200 && !completed; pass++) {
            ServiceView s = new ServiceView("web", false, desired, max, min, false, false, false, 0, deployments, false);
            ReconcilePlan plan = ServiceReconciler.compute(s, tasks, now, false);
            List<String> stopped = plan.stops().stream().map(ReconcilePlan.Stop::taskId).toList();
            tasks.removeIf(t -> stopped.contains(t.id()));
            int healthy = (int) tasks.stream().filter(t -> t.phase() == TaskView.Phase.RUNNING).count();
            assertThat(healthy).as("healthy after stops").isGreaterThanOrEqualTo(Math.min(minHealthy, desired));
            for (int i = 0; i < plan.start(); i++) {
                tasks.add(new TaskView("new" + next++, NEW, TaskView.Phase.STARTING, Optional.empty(), TaskView.TargetVerdict.NONE, false));
            }
            assertThat(tasks.stream().filter(TaskView::isLive).count()).as("live after starts").isLessThanOrEqualTo(Math.max(maxLive, desired));
            for (ReconcilePlan.DeploymentChange c : plan.deploymentChanges()) {
                if (c.retire()) {
                    deployments.removeIf(d -> d.id().equals(c.deploymentId()));
                }
                if (c.rolloutState().equals("COMPLETED") && c.deploymentId().equals(NEW)) {
                    completed = true;
                }
            }
            List<TaskView> moved = new ArrayList<>();
            for (TaskView t : tasks) {
                moved.add(t.phase() == TaskView.Phase.STARTING && random.nextBoolean() ? running(t.id(), t.deploymentId()) : t);
            }
            tasks = moved;
            now = now.plusSeconds(1);
        }
        if (canProgress) {
            assertThat(completed).as("deployment completes").isTrue();
            assertThat(tasks).extracting(TaskView::deploymentId).containsOnly(NEW);
        }
    }

    private static TaskView running(String id, String deployment) {
        return new TaskView(id, deployment, TaskView.Phase.RUNNING, Optional.of(Instant.EPOCH), TaskView.TargetVerdict.NONE, false);
    }
}
