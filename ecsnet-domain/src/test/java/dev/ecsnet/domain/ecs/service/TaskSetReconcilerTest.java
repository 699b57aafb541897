package dev.ecsnet.domain.ecs.service;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The EXTERNAL controller's scheduler: each task set keeps its computed count, independently of the others. */
class TaskSetReconcilerTest {
    private static final String BLUE = "ecs-svc/1000000000000000001";
    private static final String GREEN = "ecs-svc/2000000000000000002";

    private static TaskView task(String id, String set, TaskView.Phase phase, int startedSecond) {
        return new TaskView(id, set, phase, Optional.of(Instant.EPOCH.plusSeconds(startedSecond)), TaskView.TargetVerdict.NONE, false);
    }

    @Test
    void startsWhatEachTaskSetIsShortOf() {
        ReconcilePlan plan = TaskSetReconciler.compute("web", false, List.of(new TaskSetReconciler.TaskSetView(BLUE, false, 2),
                new TaskSetReconciler.TaskSetView(GREEN, false, 1)), List.of(task("b1", BLUE, TaskView.Phase.RUNNING, 0)), false);
        assertThat(plan.starts()).extracting(ReconcilePlan.Start::deploymentId).containsExactly(BLUE, GREEN);
        assertThat(plan.stops()).isEmpty();
        assertThat(plan.steady()).isFalse();
        assertThat(plan.deploymentChanges()).extracting(ReconcilePlan.DeploymentChange::rolloutState)
                .containsExactly(TaskSetReconciler.STABILIZING, TaskSetReconciler.STABILIZING);
    }

    @Test
    void stopsTheNewestSurplusAndReachesSteadyState() {
        List<TaskView> tasks = List.of(task("b1", BLUE, TaskView.Phase.RUNNING, 0), task("b2", BLUE, TaskView.Phase.RUNNING, 5));
        ReconcilePlan shrink = TaskSetReconciler.compute("web", false, List.of(new TaskSetReconciler.TaskSetView(BLUE, false, 1)), tasks, false);
        assertThat(shrink.stops()).extracting(ReconcilePlan.Stop::taskId).containsExactly("b2");
        assertThat(shrink.events()).containsExactly("(service web) has stopped 1 running tasks: (task b2).");
        ReconcilePlan steady = TaskSetReconciler.compute("web", false, List.of(new TaskSetReconciler.TaskSetView(BLUE, false, 1)),
                List.of(tasks.get(0), task("b2", BLUE, TaskView.Phase.STOPPED, 5)), false);
        assertThat(steady.steady()).isTrue();
        assertThat(steady.deploymentChanges()).singleElement().satisfies(c -> {
            assertThat(c.rolloutState()).isEqualTo(TaskSetReconciler.STEADY_STATE);
            assertThat(c.retire()).isFalse();
        });
        assertThat(steady.events()).containsExactly("(service web) has reached a steady state.");
    }

    @Test
    void aDrainingTaskSetStopsItsTasksAndIsGoneWhenTheyHaveStopped() {
        ReconcilePlan drain = TaskSetReconciler.compute("web", false, List.of(new TaskSetReconciler.TaskSetView(BLUE, true, 0)),
                List.of(task("b1", BLUE, TaskView.Phase.RUNNING, 0)), false);
        assertThat(drain.stops()).extracting(ReconcilePlan.Stop::taskId).containsExactly("b1");
        assertThat(drain.deploymentChanges().get(0).retire()).isFalse();
        ReconcilePlan gone = TaskSetReconciler.compute("web", false, List.of(new TaskSetReconciler.TaskSetView(BLUE, true, 0)),
                List.of(task("b1", BLUE, TaskView.Phase.STOPPED, 0)), false);
        assertThat(gone.deploymentChanges().get(0).retire()).isTrue();
    }

    @Test
    void aDeletedServiceStopsEveryTaskAndTasksOfNoTaskSetStop() {
        ReconcilePlan orphan = TaskSetReconciler.compute("web", false, List.of(), List.of(task("x", GREEN, TaskView.Phase.RUNNING, 0)), false);
        assertThat(orphan.stops()).extracting(ReconcilePlan.Stop::taskId).containsExactly("x");
        ReconcilePlan draining = TaskSetReconciler.compute("web", true, List.of(new TaskSetReconciler.TaskSetView(BLUE, false, 3)),
                List.of(task("b1", BLUE, TaskView.Phase.STARTING, 0)), false);
        assertThat(draining.stops()).extracting(ReconcilePlan.Stop::taskId).containsExactly("b1");
        assertThat(draining.starts()).isEmpty();
        assertThat(TaskSetReconciler.compute("web", true, List.of(), List.of(task("b1", BLUE, TaskView.Phase.STOPPED, 0)), false).inactive())
                .isTrue();
    }

    @Test
    void throttledLaunchesWait() {
        ReconcilePlan plan = TaskSetReconciler.compute("web", false, List.of(new TaskSetReconciler.TaskSetView(BLUE, false, 2)), List.of(), true);
        assertThat(plan.starts()).isEmpty();
    }
}
