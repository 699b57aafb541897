package dev.ecsnet.domain.ecs.service;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DAEMON scheduler driven to its end by applying each plan, while instances come and go and a random subset
 * of starting tasks become RUNNING between passes: no instance ever runs two live tasks of the service, no task is
 * started on an instance that is not eligible, a deployment keeps {@code ceil(instances × minimumHealthyPercent)}
 * healthy tasks, and the service settles with exactly one RUNNING PRIMARY task per eligible instance.
 */
class DaemonReconcilerProperties {
    private static final String OLD = "ecs-svc/1000000000000000001";
    private static final String NEW = "ecs-svc/2000000000000000002";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Provide
    Arbitrary<Integer> minimumPercent() {
        return Arbitraries.of(0, 50, 100);
    }

    @Property(tries = 300)
    void oneTaskPerEligibleInstanceAndNothingElse(@ForAll @IntRange(min = 0, max = 8) int instances,
                                                  @ForAll @IntRange(min = 0, max = 8) int changedInstances,
                                                  @ForAll("minimumPercent") int min, @ForAll boolean redeploy, @ForAll long seed) {
        Random random = new Random(seed);
        List<String> eligible = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            eligible.add("ci-" + i);
        }
        List<TaskView> tasks = new ArrayList<>();
        for (String ci : eligible) {
            tasks.add(task("old-" + ci, OLD, TaskView.Phase.RUNNING, ci));
        }
        // some instances leave and others arrive while the service runs
        List<String> now = new ArrayList<>(eligible.subList(Math.min(changedInstances, eligible.size()), eligible.size()));
        for (int i = 0; i < changedInstances; i++) {
            now.add("ci-new-" + i);
        }
        String primary = redeploy ? NEW : OLD;
        List<ServiceView.DeploymentView> deployments = new ArrayList<>();
        deployments.add(new ServiceView.DeploymentView(primary, "IN_PROGRESS", Instant.EPOCH));
        if (redeploy) {
            deployments.add(new ServiceView.DeploymentView(OLD, "COMPLETED", Instant.EPOCH));
        }
        // A rolling update cannot stop an old task while the floor (rounded up, as ECS rounds it) needs every instance.
        int oldTasksStillPlaced = eligible.size() - Math.min(changedInstances, eligible.size());
        boolean minimumBlocks = redeploy && oldTasksStillPlaced > 0 && ServiceReconciler.minHealthy(now.size(), min) >= now.size();
        int next = 0;
        boolean steady = false;
        for (int pass = 0; pass < 100 && !steady; pass++) {
            ServiceView s = new ServiceView("agent", false, 0, 100, min, false, false, false, 0, deployments, false);
            int healthyBefore = (int) tasks.stream().filter(t -> t.phase() == TaskView.Phase.RUNNING && now.contains(host(t))).count();
            ReconcilePlan plan = DaemonReconciler.compute(s, now, tasks, NOW, false);
            Set<String> stopped = new HashSet<>();
            plan.stops().forEach(x -> stopped.add(x.taskId()));
            tasks.replaceAll(t -> stopped.contains(t.id()) ? with(t, TaskView.Phase.STOPPING) : t);
            int healthyAfter = (int) tasks.stream().filter(t -> t.phase() == TaskView.Phase.RUNNING && now.contains(host(t))).count();
            int floor = ServiceReconciler.minHealthy(now.size(), min);
            assertThat(healthyAfter).as("healthy tasks after stops").isGreaterThanOrEqualTo(Math.min(healthyBefore, floor));
            for (ReconcilePlan.Start start : plan.starts()) {
                String ci = start.containerInstanceArn().orElseThrow();
                assertThat(now).as("started on an eligible instance").contains(ci);
                tasks.add(task("t" + next++, start.deploymentId(), TaskView.Phase.STARTING, ci));
            }
            for (String ci : now) {
                long live = tasks.stream().filter(t -> host(t).equals(ci) && t.phase() != TaskView.Phase.STOPPED).count();
                assertThat(live).as("tasks on %s", ci).isLessThanOrEqualTo(1);
            }
            for (ReconcilePlan.DeploymentChange c : plan.deploymentChanges()) {
                if (c.retire()) {
                    deployments.removeIf(d -> d.id().equals(c.deploymentId()));
                }
            }
            steady = plan.steady();
            // time passes: stopping tasks stop, some starting ones run
            tasks.replaceAll(t -> t.phase() == TaskView.Phase.STOPPING ? with(t, TaskView.Phase.STOPPED)
                    : t.phase() == TaskView.Phase.STARTING && random.nextBoolean() ? with(t, TaskView.Phase.RUNNING) : t);
        }
        if (!minimumBlocks) {
            assertThat(steady).as("settles").isTrue();
            List<TaskView> live = tasks.stream().filter(TaskView::isLive).toList();
            assertThat(live).extracting(DaemonReconcilerProperties::host).containsExactlyInAnyOrderElementsOf(now);
            assertThat(live).allSatisfy(t -> {
                assertThat(t.deploymentId()).isEqualTo(primary);
                assertThat(t.phase()).isEqualTo(TaskView.Phase.RUNNING);
            });
        }
    }

    @Example
    void aDrainingServiceStopsEverythingAndThenIsInactive() {
        List<ServiceView.DeploymentView> d = List.of(new ServiceView.DeploymentView(OLD, "COMPLETED", Instant.EPOCH));
        ServiceView s = new ServiceView("agent", true, 0, 100, 0, false, false, false, 0, d, false);
        ReconcilePlan plan = DaemonReconciler.compute(s, List.of("ci-0"), List.of(task("a", OLD, TaskView.Phase.RUNNING, "ci-0")), NOW, false);
        assertThat(plan.stops()).extracting(ReconcilePlan.Stop::taskId).containsExactly("a");
        assertThat(plan.starts()).isEmpty();
        assertThat(plan.inactive()).isFalse();
        assertThat(DaemonReconciler.compute(s, List.of("ci-0"), List.of(task("a", OLD, TaskView.Phase.STOPPED, "ci-0")), NOW, false).inactive())
                .isTrue();
    }

    @Example
    void throttledLaunchesWait() {
        List<ServiceView.DeploymentView> d = List.of(new ServiceView.DeploymentView(OLD, "IN_PROGRESS", Instant.EPOCH));
        ServiceView s = new ServiceView("agent", false, 0, 100, 0, false, false, false, 0, d, false);
        assertThat(DaemonReconciler.compute(s, List.of("ci-0"), List.of(), NOW, true).starts()).isEmpty();
        assertThat(DaemonReconciler.compute(s, List.of("ci-0"), List.of(), NOW, false).starts()).singleElement()
                .satisfies(x -> assertThat(x.containerInstanceArn()).contains("ci-0"));
    }

    private static String host(TaskView t) {
        return t.containerInstanceArn().orElse("");
    }

    private static TaskView task(String id, String deployment, TaskView.Phase phase, String instance) {
        return new TaskView(id, deployment, phase, Optional.of(Instant.EPOCH), TaskView.TargetVerdict.NONE, false, Optional.of(instance));
    }

    private static TaskView with(TaskView t, TaskView.Phase phase) {
        return new TaskView(t.id(), t.deploymentId(), phase, t.startedAt(), t.target(), t.failed(), t.containerInstanceArn());
    }
}
