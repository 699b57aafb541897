package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ecsnet.domain.ecs.EcsErrors.invalidParameter;

/**
 * CreateTaskSet, UpdateTaskSet, DeleteTaskSet, DescribeTaskSets and UpdateServicePrimaryTaskSet, for services with
 * the EXTERNAL deployment controller. Every operation validates completely before it changes anything; the
 * {@link ServiceController} then keeps each task set at its computed desired count. Used only on the engine thread.
 */
public final class TaskSets {
    /** AWS's limit of task sets a service has at once ("5 deployments exist on the service"). */
    static final int MAX_TASK_SETS = 5;

    /** What CreateTaskSet asks for; {@code scale} is a percentage (unit PERCENT). */
    public record CreateRequest(TaskSet.Spec spec, double scale, Map<String, String> tags, Optional<String> clientToken) {
    }

    /** DescribeTaskSets' answer: the task sets found, and the references that were not. */
    public record Described(Service service, List<TaskSet> taskSets, List<LaunchResult.Failure> failures) {
    }

    private final Ecs ecs;
    private final Clock clock;
    private final ServiceController controller;
    private final ServiceRules rules;

    TaskSets(Ecs ecs, Clock clock, ServiceController controller, ServiceRules rules) {
        this.ecs = ecs;
        this.clock = clock;
        this.controller = controller;
        this.rules = rules;
    }

    public TaskSet createTaskSet(String clusterRef, String serviceRef, CreateRequest r) {
        Service s = externalService(clusterRef, serviceRef, true);
        if (r.clientToken().isPresent()) {
            Optional<TaskSet> same = s.taskSets().stream().filter(t -> t.clientToken().equals(r.clientToken())).findFirst();
            if (same.isPresent()) {
                return same.get();
            }
        }
        if (s.taskSets().stream().filter(t -> !t.status().equals(TaskSet.DRAINING)).count() >= MAX_TASK_SETS) {
            throw invalidParameter(MAX_TASK_SETS + " deployments exist on the service. Unable to create new TaskSet since this exceeds "
                    + "the maximum limit.");
        }
        checkScale(r.scale());
        TaskDefinition td = rules.resolve(r.spec().taskDefinitionArn());
        TaskSet.Spec spec = capacity(s.cluster(), td, r.spec());
        rules.checkTaskNetwork(td, spec.network(), spec.isFargate(), spec.loadBalancers(), spec.serviceRegistries());
        String id = controller.newDeploymentId();
        TaskSet ts = new TaskSet(id, ecs.arns().taskSet(s.cluster().name(), s.name(), id), spec, r.scale(), r.tags(), r.clientToken(),
                clock.now());
        s.addTaskSet(ts);
        controller.updated(s, true);
        return ts;
    }

    /** The task set's launch type or capacity provider strategy: as asked, else the cluster's default strategy, else what the definition needs. */
    private TaskSet.Spec capacity(Cluster cluster, TaskDefinition td, TaskSet.Spec spec) {
        Ecs.Capacity capacity = ecs.capacity(cluster, td, spec.launchType(), spec.capacityProviderStrategy());
        if (!List.of("EC2", "FARGATE").contains(capacity.launchType())) {
            throw invalidParameter("launchType must be one of EC2, FARGATE.");
        }
        Optional<String> launchType = capacity.strategy().isEmpty() ? Optional.of(capacity.launchType()) : Optional.empty();
        TaskSet.Spec resolved = new TaskSet.Spec(td.arn(), launchType, capacity.strategy(), spec.platformVersion(), spec.network(),
                spec.loadBalancers(), spec.serviceRegistries(), spec.externalId());
        if (resolved.isFargate() && !td.isFargateCompatible()) {
            throw invalidParameter("Task definition does not support launch_type FARGATE.");
        }
        return resolved;
    }

    /** UpdateTaskSet: a new scale. */
    public TaskSet updateTaskSet(String clusterRef, String serviceRef, String taskSetRef, double scale) {
        Service s = externalService(clusterRef, serviceRef, true);
        TaskSet ts = taskSet(s, taskSetRef);
        checkScale(scale);
        if (ts.status().equals(TaskSet.DRAINING)) {
            throw invalidParameter("The task set " + ts.arn() + " is DRAINING and cannot be updated.");
        }
        ts.scale(scale, clock.now());
        controller.updated(s, true);
        return ts;
    }

    /** DeleteTaskSet: the task set drains (its tasks stop); one still scaled above zero needs {@code force}. */
    public TaskSet deleteTaskSet(String clusterRef, String serviceRef, String taskSetRef, boolean force) {
        Service s = externalService(clusterRef, serviceRef, true);
        TaskSet ts = taskSet(s, taskSetRef);
        if (ts.status().equals(TaskSet.DRAINING)) {
            return ts;
        }
        if (!force && ts.computedDesiredCount(s.config().desiredCount()) > 0) {
            throw invalidParameter("The task set " + ts.arn() + " cannot be deleted while it is scaled above 0. Scale it to 0 first, "
                    + "or delete it with force.");
        }
        ts.status(TaskSet.DRAINING, clock.now());
        ts.stability(TaskSet.STABILIZING, clock.now());
        controller.updated(s, false);
        return ts;
    }

    /** UpdateServicePrimaryTaskSet: the task set serves production traffic; the previous PRIMARY one becomes ACTIVE. */
    public TaskSet updateServicePrimaryTaskSet(String clusterRef, String serviceRef, String taskSetRef) {
        Service s = externalService(clusterRef, serviceRef, true);
        TaskSet ts = taskSet(s, taskSetRef);
        if (ts.status().equals(TaskSet.DRAINING)) {
            throw invalidParameter("The task set " + ts.arn() + " is DRAINING and cannot be the primary task set.");
        }
        for (TaskSet other : s.taskSets()) {
            if (other != ts && other.status().equals(TaskSet.PRIMARY)) {
                other.status(TaskSet.ACTIVE, clock.now());
            }
        }
        ts.status(TaskSet.PRIMARY, clock.now());
        return ts;
    }

    /** DescribeTaskSets: the named task sets (all without names); unknown ones are MISSING failures. */
    public Described describeTaskSets(String clusterRef, String serviceRef, List<String> refs) {
        Service s = externalService(clusterRef, serviceRef, false);
        if (refs.isEmpty()) {
            return new Described(s, s.taskSets(), List.of());
        }
        List<TaskSet> found = new ArrayList<>();
        List<LaunchResult.Failure> failures = new ArrayList<>();
        for (String ref : refs) {
            Optional<TaskSet> ts = s.taskSet(ref);
            if (ts.isPresent()) {
                found.add(ts.get());
            } else {
                failures.add(new LaunchResult.Failure(ref.startsWith("arn:") ? ref : ecs.arns().taskSet(s.cluster().name(), s.name(), ref),
                        "MISSING"));
            }
        }
        return new Described(s, found, failures);
    }

    private Service externalService(String clusterRef, String serviceRef, boolean changing) {
        Cluster cluster = ecs.cluster(Optional.of(clusterRef));
        Service s = ecs.services().find(cluster, serviceRef).filter(x -> !x.status().equals(Service.INACTIVE))
                .orElseThrow(Services::serviceNotFound);
        if (changing && !s.status().equals(Service.ACTIVE)) {
            throw DomainException.invalid("ServiceNotActiveException", "Service was not ACTIVE.");
        }
        if (!s.config().isExternal()) {
            throw invalidParameter("Amazon ECS only supports task set management on services configured to use external deployment controllers.");
        }
        return s;
    }

    private static TaskSet taskSet(Service s, String ref) {
        return s.taskSet(ref).orElseThrow(() -> DomainException.notFound("TaskSetNotFoundException", "The specified task set wasn't found."));
    }

    private static void checkScale(double scale) {
        if (Double.isNaN(scale) || scale < 0 || scale > 100) {
            throw invalidParameter("The scale value must be between 0 and 100.");
        }
    }
}
