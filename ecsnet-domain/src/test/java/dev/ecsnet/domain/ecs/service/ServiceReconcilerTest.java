package dev.ecsnet.domain.ecs.service;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduler's decisions, case by case, with no clock and no network. */
class ServiceReconcilerTest {
    static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");
    static final String D1 = "ecs-svc/1000000000000000001";
    static final String D2 = "ecs-svc/2000000000000000002";

    static ServiceView service(int desired, int min, int max, boolean lb, List<ServiceView.DeploymentView> deployments) {
        return new ServiceView("web", false, desired, max, min, false, false, lb, 60, deployments, false);
    }

    static ServiceView.DeploymentView dep(String id, String state) {
        return new ServiceView.DeploymentView(id, state, NOW.minusSeconds(600));
    }

    static TaskView running(String id, String deployment) {
        return new TaskView(id, deployment, TaskView.Phase.RUNNING, Optional.of(NOW.minusSeconds(300)), TaskView.TargetVerdict.NONE, false);
    }

    static TaskView healthy(String id, String deployment) {
        return new TaskView(id, deployment, TaskView.Phase.RUNNING, Optional.of(NOW.minusSeconds(300)),
                new TaskView.TargetVerdict(TaskView.TargetVerdict.State.HEALTHY, "", 0, ""), false);
    }

    static TaskView unhealthy(String id, String deployment, Instant startedAt) {
        return new TaskView(id, deployment, TaskView.Phase.RUNNING, Optional.of(startedAt),
                new TaskView.TargetVerdict(TaskView.TargetVerdict.State.UNHEALTHY, "arn:tg", 8080, "Request timed out"), false);
    }

    @Test
    void aNewServiceStartsItsDesiredCount() {
        ReconcilePlan p = ServiceReconciler.compute(service(3, 100, 200, false, List.of(dep(D1, "IN_PROGRESS"))), List.of(), NOW, false);
        assertThat(p.start()).isEqualTo(3);
        assertThat(p.stops()).isEmpty();
        assertThat(p.steady()).isFalse();
    }

    @Test
    void throttledLaunchesWait() {
        ReconcilePlan p = ServiceReconciler.compute(service(3, 100, 200, false, List.of(dep(D1, "IN_PROGRESS"))), List.of(), NOW, true);
        assertThat(p.start()).isZero();
    }

    @Test
    void aFullServiceCompletesItsDeploymentAndIsSteady() {
        List<TaskView> tasks = List.of(running("a", D1), running("b", D1));
        ReconcilePlan p = ServiceReconciler.compute(service(2, 100, 200, false, List.of(dep(D1, "IN_PROGRESS"))), tasks, NOW, false);
        assertThat(p.start()).isZero();
        assertThat(p.steady()).isTrue();
        assertThat(p.deploymentChanges()).containsExactly(new ReconcilePlan.DeploymentChange(D1, "COMPLETED",
                "ECS deployment " + D1 + " completed.", false));
        assertThat(p.events()).containsExactly("(service web) (deployment " + D1 + ") deployment completed.",
                "(service web) has reached a steady state.");
    }

    @Test
    void scaleInStopsTheNewestRunningTasksAfterThePendingOnes() {
        List<TaskView> tasks = new ArrayList<>(List.of(running("a", D1), running("b", D1),
                new TaskView("c", D1, TaskView.Phase.STARTING, Optional.empty(), TaskView.TargetVerdict.NONE, false)));
        ReconcilePlan p = ServiceReconciler.compute(service(1, 100, 200, false, List.of(dep(D1, "COMPLETED"))), tasks, NOW, false);
        assertThat(p.stops()).extracting(ReconcilePlan.Stop::taskId).containsExactlyInAnyOrder("c", "a");
        assertThat(p.stops()).extracting(ReconcilePlan.Stop::reason).containsOnly("Scaling activity initiated by (deployment " + D1 + ")");
        assertThat(p.events().get(0)).startsWith("(service web) has stopped 2 running tasks: (task ");
    }

    @Test
    void aRollingUpdateStartsUpToMaximumPercentAndKeepsMinimumHealthy() {
        List<TaskView> tasks = List.of(running("a", D1), running("b", D1), running("c", D1), running("d", D1));
        ServiceView s = service(4, 50, 150, false, List.of(dep(D2, "IN_PROGRESS"), dep(D1, "COMPLETED")));
        ReconcilePlan p = ServiceReconciler.compute(s, tasks, NOW, false);
        // floor 2 healthy: 2 old stop at once; ceiling 6 live: 2 stay + 4 new
        assertThat(p.stops()).hasSize(2);
        assertThat(p.start()).isEqualTo(4);
    }

    @Test
    void oldTasksStopOnlyAsNewOnesBecomeHealthy() {
        List<TaskView> tasks = List.of(running("a", D1), running("b", D1), running("n1", D2),
                new TaskView("n2", D2, TaskView.Phase.STARTING, Optional.empty(), TaskView.TargetVerdict.NONE, false));
        ServiceView s = service(2, 100, 200, false, List.of(dep(D2, "IN_PROGRESS"), dep(D1, "COMPLETED")));
        ReconcilePlan p = ServiceReconciler.compute(s, tasks, NOW, false);
        assertThat(p.stops()).hasSize(1);
        assertThat(p.start()).isZero();
    }

    @Test
    void anUnhealthyTargetIsReplacedOnlyAfterTheGracePeriod() {
        ServiceView s = service(1, 100, 200, true, List.of(dep(D1, "COMPLETED")));
        ReconcilePlan early = ServiceReconciler.compute(s, List.of(unhealthy("a", D1, NOW.minusSeconds(30))), NOW, false);
        assertThat(early.stops()).isEmpty();
        ReconcilePlan late = ServiceReconciler.compute(s, List.of(unhealthy("a", D1, NOW.minusSeconds(61))), NOW, false);
        assertThat(late.stops()).containsExactly(new ReconcilePlan.Stop("a", "Task failed ELB health checks in (target-group arn:tg)"));
        assertThat(late.events().get(0)).isEqualTo("(service web) (task a) (port 8080) is unhealthy in (target-group arn:tg) "
                + "due to (reason Request timed out).");
        assertThat(late.start()).isEqualTo(1);
    }

    @Test
    void aHealthyLoadBalancedServiceIsSteadyOnlyWhenTargetsAreHealthy() {
        ServiceView s = service(1, 100, 200, true, List.of(dep(D1, "COMPLETED")));
        assertThat(ServiceReconciler.compute(s, List.of(running("a", D1)), NOW, false).steady()).isFalse();
        assertThat(ServiceReconciler.compute(s, List.of(healthy("a", D1)), NOW, false).steady()).isTrue();
    }

    @Test
    void theCircuitBreakerFailsTheDeploymentAndAsksForARollback() {
        List<TaskView> tasks = new ArrayList<>(List.of(running("a", D1)));
        for (int i = 0; i < 3; i++) {
            tasks.add(new TaskView("f" + i, D2, TaskView.Phase.STOPPED, Optional.empty(), TaskView.TargetVerdict.NONE, true));
        }
        ServiceView s = new ServiceView("web", false, 1, 200, 100, true, true, false, 0,
                List.of(dep(D2, "IN_PROGRESS"), dep(D1, "COMPLETED")), false);
        ReconcilePlan p = ServiceReconciler.compute(s, tasks, NOW, false);
        assertThat(p.deploymentChanges()).contains(new ReconcilePlan.DeploymentChange(D2, "FAILED",
                ServiceReconciler.CIRCUIT_BREAKER_REASON, false));
        assertThat(p.rollback()).isTrue();
        assertThat(p.start()).isZero();
    }

    @Test
    void aDrainingServiceStopsEverythingAndIsInactiveWhenAllHaveStopped() {
        ServiceView s = new ServiceView("web", true, 0, 200, 100, false, false, false, 0, List.of(dep(D1, "COMPLETED")), true);
        ReconcilePlan p = ServiceReconciler.compute(s, List.of(running("a", D1)), NOW, false);
        assertThat(p.stops()).hasSize(1);
        assertThat(p.inactive()).isFalse();
        ReconcilePlan done = ServiceReconciler.compute(s, List.of(new TaskView("a", D1, TaskView.Phase.STOPPED, Optional.empty(),
                TaskView.TargetVerdict.NONE, false)), NOW, false);
        assertThat(done.inactive()).isTrue();
    }

    @Test
    void oldDeploymentsWithNoTaskLeftRetire() {
        ServiceView s = service(1, 100, 200, false, List.of(dep(D2, "IN_PROGRESS"), dep(D1, "COMPLETED")));
        ReconcilePlan p = ServiceReconciler.compute(s, List.of(running("n", D2)), NOW, false);
        assertThat(p.deploymentChanges()).contains(new ReconcilePlan.DeploymentChange(D1, "COMPLETED", "", true));
    }
}
