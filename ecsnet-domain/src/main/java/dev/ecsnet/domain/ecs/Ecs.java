package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.logs.Logs;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Scheduler;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.ec2.Instances;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.Subnet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static dev.ecsnet.domain.ecs.EcsErrors.client;
import static dev.ecsnet.domain.ecs.EcsErrors.invalidParameter;

/**
 * ECS state of one account in one region: clusters, task definitions, account settings and tasks. Every
 * operation validates completely before it changes anything. Used only on the engine thread.
 */
public final class Ecs {
    public static final String DEFAULT_CLUSTER = "default";
    private static final Pattern CLUSTER_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");

    private final EcsArns arns;
    private final IdSource ids;
    private final Clock clock;
    private final TaskDefinitions taskDefinitions;
    private final AccountSettings accountSettings;
    private final TaskPlacement placement;
    private final Diagnoser diagnoser;
    private final TaskLifecycleDriver lifecycle;
    private final ContainerInstances containerInstances;
    private final Ec2TaskLauncher ec2Launcher;
    private final Services services;
    private final TaskEgress egress;
    private final Map<String, Cluster> clusters = new LinkedHashMap<>();
    /** cluster name → task id → task, in launch order. Stopped tasks are kept so they stay describable. */
    private final Map<String, Map<String, Task>> tasks = new LinkedHashMap<>();

    /** ECS with a log store of its own and egress not enforced; for tests of the ECS model alone. */
    public Ecs(AccountRegion key, IdSource ids, Clock clock, Scheduler scheduler, TimingProfile timing, Network network) {
        this(key, ids, clock, scheduler, timing, network, new Logs(key, clock), EgressPolicy.IGNORE);
    }

    /** An ECS with its own (empty) set of EC2 instances. */
    public Ecs(AccountRegion key, IdSource ids, Clock clock, Scheduler scheduler, TimingProfile timing, Network network,
               Logs logs, EgressPolicy egressPolicy) {
        this(key, ids, clock, scheduler, timing, network, logs, egressPolicy, new Instances(network, ids, clock, scheduler, timing));
    }

    /** An ECS whose agent registers the region's EC2 instances (the ECS-optimized AMI's job) when they run. */
    public Ecs(AccountRegion key, IdSource ids, Clock clock, Scheduler scheduler, TimingProfile timing, Network network,
               Logs logs, EgressPolicy egressPolicy, Instances instances) {
        this.arns = new EcsArns(key);
        this.ids = ids;
        this.clock = clock;
        this.taskDefinitions = new TaskDefinitions(arns, clock);
        this.accountSettings = new AccountSettings(arns.rootPrincipal());
        this.placement = new TaskPlacement(network);
        this.egress = new TaskEgress(network, egressPolicy, new TaskEgress.LogGroups() {
                    @Override
                    public boolean exists(String name) {
                        return logs.find(name).isPresent();
                    }

                    @Override
                    public void create(String name) {
                        logs.createLogGroup(name, java.util.Map.of(), null, null);
                    }
                });
        this.lifecycle = new TaskLifecycleDriver(arns, ids, clock, scheduler, timing, network, egress, accountSettings);
        this.diagnoser = new Diagnoser(this, network, egress);
        this.containerInstances = new ContainerInstances(arns, ids, clock, scheduler, timing, network, accountSettings);
        this.ec2Launcher = new Ec2TaskLauncher(arns, ids, clock, placement, containerInstances, lifecycle);
        instances.addListener(new EcsAgent(this, instances));
        ServiceController controller = new ServiceController(this, key, ids, clock, scheduler, timing, placement, lifecycle);
        this.services = new Services(this, ids, clock, placement, controller);
    }

    /** Where stops a user should hear of at once (egress, a full subnet) are told; nowhere until set. */
    public void notices(dev.ecsnet.domain.common.Notices sink) {
        lifecycle.notices(sink);
    }

    /** Wires SSM Parameter Store in: a task whose secrets name no parameter fails to start, as in AWS. */
    public void connect(SecretParameters parameters) {
        egress.connect(parameters);
    }

    /** ECS services and their scheduler. */
    public Services services() {
        return services;
    }

    public ContainerInstances containerInstances() {
        return containerInstances;
    }

    /** Explains what blocks a task or a cluster's tasks; reads only. */
    public Diagnoser diagnoser() {
        return diagnoser;
    }

    public EcsArns arns() {
        return arns;
    }

    public TaskDefinitions taskDefinitions() {
        return taskDefinitions;
    }

    public AccountSettings accountSettings() {
        return accountSettings;
    }

    /** The effective value of an account setting for a principal (e.g. {@code awsvpcTrunking}). */
    public String accountSetting(String principalArn, String name) {
        return accountSettings.effective(principalArn, name);
    }

    // ---- clusters ---------------------------------------------------------------------------------------------

    /** CreateCluster is idempotent: an ACTIVE cluster of that name is returned unchanged. */
    public Cluster createCluster(Optional<String> name, Map<String, String> tags, Map<String, String> settings,
                                 List<String> capacityProviders, List<CapacityProviderStrategyItem> defaultStrategy) {
        String clusterName = name.orElse(DEFAULT_CLUSTER);
        if (!CLUSTER_NAME.matcher(clusterName).matches()) {
            throw invalidParameter("Cluster name can only contain alphanumeric characters, hyphens and underscores, "
                    + "and must be 1 to 255 characters long.");
        }
        for (Map.Entry<String, String> s : settings.entrySet()) {
            if (!s.getKey().equals("containerInsights")) {
                throw invalidParameter("Invalid setting 'name'");
            }
            if (!List.of("enabled", "disabled", "enhanced").contains(s.getValue())) {
                throw invalidParameter("Invalid setting 'value'");
            }
        }
        for (String p : capacityProviders) {
            if (!CapacityProviderStrategyItem.FARGATE_PROVIDERS.contains(p)) {
                throw invalidParameter("The specified capacity provider does not exist. Specify a valid name or ARN and try again.");
            }
        }
        for (CapacityProviderStrategyItem item : defaultStrategy) {
            if (!capacityProviders.contains(item.capacityProvider())) {
                throw notAssociated();
            }
        }
        Cluster existing = clusters.get(clusterName);
        if (existing != null && existing.isActive()) {
            return existing;
        }
        Map<String, String> effectiveSettings = new LinkedHashMap<>();
        effectiveSettings.put("containerInsights", accountSettings.effective(arns.rootPrincipal(), "containerInsights"));
        effectiveSettings.putAll(settings);
        Cluster cluster = new Cluster(clusterName, arns.cluster(clusterName), tags, effectiveSettings, capacityProviders, defaultStrategy);
        clusters.put(clusterName, cluster);
        return cluster;
    }

    private static DomainException notAssociated() {
        return invalidParameter("The specified capacity provider strategy cannot contain a capacity provider that is not "
                + "associated with the cluster. Associate the capacity provider with the cluster or specify a valid "
                + "capacity provider and try again.");
    }

    /** Every cluster ever created, INACTIVE ones included (DescribeClusters still shows them). */
    public Collection<Cluster> clusters() {
        return clusters.values();
    }

    public Optional<Cluster> findCluster(String nameOrArn) {
        return Optional.ofNullable(clusters.get(EcsArns.lastSegment(nameOrArn)));
    }

    /** The ACTIVE cluster a call names, or "default" when it names none. */
    public Cluster cluster(Optional<String> nameOrArn) {
        return findCluster(nameOrArn.orElse(DEFAULT_CLUSTER)).filter(Cluster::isActive).orElseThrow(EcsErrors::clusterNotFound);
    }

    public Cluster deleteCluster(String nameOrArn) {
        Cluster cluster = cluster(Optional.of(nameOrArn));
        if (tasksOf(cluster).stream().anyMatch(t -> t.lastStatus() != TaskLifecycle.STOPPED)) {
            throw DomainException.conflict("ClusterContainsTasksException", "The Cluster cannot be deleted while Tasks are active.");
        }
        if (services.activeCount(cluster) > 0) {
            throw DomainException.conflict("ClusterContainsServicesException", "The Cluster cannot be deleted while Services are active.");
        }
        if (containerInstances.of(cluster).stream().anyMatch(ci -> ci.status() != ContainerInstance.Status.INACTIVE)) {
            throw DomainException.conflict("ClusterContainsContainerInstancesException",
                    "The Cluster cannot be deleted while Container Instances are active.");
        }
        cluster.deactivate();
        return cluster;
    }

    public int runningTasksCount(Cluster cluster) {
        return (int) tasksOf(cluster).stream().filter(t -> t.lastStatus() == TaskLifecycle.RUNNING).count();
    }

    public int pendingTasksCount(Cluster cluster) {
        return (int) tasksOf(cluster).stream().filter(t -> t.lastStatus().isPending()).count();
    }

    // ---- tasks ------------------------------------------------------------------------------------------------

    /** All tasks of the cluster, stopped ones included, in launch order. */
    public Collection<Task> tasksOf(Cluster cluster) {
        if (!cluster.isActive()) {
            return List.of();
        }
        return tasks.getOrDefault(cluster.name(), Map.of()).values();
    }

    /** A task of the cluster by id or ARN. */
    public Optional<Task> findTask(Cluster cluster, String idOrArn) {
        return Optional.ofNullable(tasks.getOrDefault(cluster.name(), Map.of()).get(EcsArns.lastSegment(idOrArn)));
    }

    public List<Task> runTask(TaskLaunch request) {
        return launch(request, Ec2Options.NONE).tasks();
    }

    /** RunTask with its failures; {@code ec2} carries the placement constraints and strategies (EC2 only). */
    public LaunchResult launch(TaskLaunch request, Ec2Options ec2) {
        Cluster cluster = cluster(request.cluster());
        TaskDefinition td = taskDefinitions.find(request.taskDefinition()).orElseThrow(() -> client("TaskDefinition not found."));
        if (!td.isActive()) {
            throw client("TaskDefinition is inactive");
        }
        if (request.count() < 1 || request.count() > 10) {
            // AWS's wording is not known; the 1..10 limit is
            throw invalidParameter("count must be between 1 and 10.");
        }
        String[] launch = launchTypeAndProvider(cluster, td, request);
        String launchType = launch[0];
        boolean awsvpc = td.networkMode().equals("awsvpc");
        if (awsvpc && request.networkConfiguration().isEmpty()) {
            throw invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }
        if (!awsvpc && request.networkConfiguration().isPresent()) {
            throw invalidParameter("Network Configuration is not valid for the given networkMode of this task definition.");
        }
        if (request.startedBy().filter(s -> s.length() > 128).isPresent()) {
            throw invalidParameter("startedBy must be at most 128 characters.");
        }
        if (launchType.equals("EC2")) {
            return keep(cluster, ec2Launcher.run(cluster, td, request, ec2, new ArrayList<>()));
        }
        if (!launchType.equals("FARGATE")) {
            // EXTERNAL and MANAGED_INSTANCES capacity is not modelled, so such a cluster never has any
            throw invalidParameter("No Container Instances were found in your cluster.");
        }
        if (!td.isFargateCompatible()) {
            throw invalidParameter("Task definition does not support launch_type FARGATE.");
        }
        TaskPlacement.Checked network = placement.check(request.networkConfiguration().orElseThrow());

        List<Task> started = new ArrayList<>();
        for (Subnet subnet : placement.place(network, request.count())) {
            Task task = newTask(cluster, td, request, launchType, launch[1], subnet, network);
            tasks.computeIfAbsent(cluster.name(), c -> new LinkedHashMap<>()).put(task.id(), task);
            lifecycle.launched(task);
            started.add(task);
        }
        return new LaunchResult(started, List.of());
    }

    /** StartTask: one task on each named container instance (EC2 launch type). */
    public LaunchResult startTask(TaskLaunch request, List<String> containerInstanceRefs) {
        Cluster cluster = cluster(request.cluster());
        TaskDefinition td = taskDefinitions.find(request.taskDefinition()).orElseThrow(() -> client("TaskDefinition not found."));
        if (!td.isActive()) {
            throw client("TaskDefinition is inactive");
        }
        boolean awsvpc = td.networkMode().equals("awsvpc");
        if (awsvpc && request.networkConfiguration().isEmpty()) {
            throw invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }
        if (!awsvpc && request.networkConfiguration().isPresent()) {
            throw invalidParameter("Network Configuration is not valid for the given networkMode of this task definition.");
        }
        return keep(cluster, ec2Launcher.start(cluster, td, request, containerInstanceRefs, new ArrayList<>()));
    }

    private LaunchResult keep(Cluster cluster, LaunchResult result) {
        Map<String, Task> byId = tasks.computeIfAbsent(cluster.name(), c -> new LinkedHashMap<>());
        result.tasks().forEach(t -> byId.put(t.id(), t));
        return result;
    }

    /** Deregisters a container instance: refused while it runs tasks unless forced; forced, its tasks keep running. */
    public ContainerInstance deregisterContainerInstance(Optional<String> clusterRef, String ref, boolean force) {
        Cluster cluster = cluster(clusterRef);
        ContainerInstance ci = containerInstances.find(cluster, ref)
                .orElseThrow(() -> invalidParameter("The referenced container instance " + ref + " was not found."));
        if (ci.status() == ContainerInstance.Status.INACTIVE) {
            return ci;
        }
        if (!force && !ci.reservations().isEmpty()) {
            // AWS's exact wording is not known; the rule (force needed while tasks run) is documented
            throw invalidParameter("Found running tasks on the instance.");
        }
        containerInstances.deactivate(ci);
        return ci;
    }

    /** The instance behind a container instance is terminating: its tasks stop and it is deregistered. */
    void hostTerminating(ContainerInstance ci, String reason) {
        for (Task t : tasksOf(ci.cluster())) {
            if (t.ec2().map(p -> p.containerInstance() == ci).orElse(false) && !t.isStopRequested()) {
                t.requestStop("TerminationNotice", reason, clock.now());
                lifecycle.stopRequested(t);
            }
        }
        containerInstances.deactivate(ci);
    }

    /** {launchType, capacityProviderName}: the request's launch type, else a capacity provider strategy, else the definition's needs. */
    private static String[] launchTypeAndProvider(Cluster cluster, TaskDefinition td, TaskLaunch request) {
        if (request.launchType().isPresent() && !request.capacityProviderStrategy().isEmpty()) {
            throw invalidParameter("Specifying both a launch type and capacity provider strategy is not supported. "
                    + "Remove one and try again.");
        }
        if (request.launchType().isPresent()) {
            String lt = request.launchType().get();
            if (!List.of("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES").contains(lt)) {
                throw invalidParameter("launchType must be one of EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES.");
            }
            return new String[]{lt, lt.equals("FARGATE") ? "FARGATE" : null};
        }
        List<CapacityProviderStrategyItem> strategy = request.capacityProviderStrategy().isEmpty()
                ? cluster.defaultCapacityProviderStrategy() : request.capacityProviderStrategy();
        if (!strategy.isEmpty()) {
            for (CapacityProviderStrategyItem item : strategy) {
                if (!CapacityProviderStrategyItem.FARGATE_PROVIDERS.contains(item.capacityProvider())) {
                    throw notAssociated();
                }
            }
            // the provider with a base goes first; otherwise the heaviest weight (first one on a tie)
            CapacityProviderStrategyItem pick = strategy.stream().filter(i -> i.base() > 0).findFirst()
                    .orElseGet(() -> strategy.stream().reduce((a, b) -> b.weight() > a.weight() ? b : a).orElseThrow());
            return new String[]{"FARGATE", pick.capacityProvider()};
        }
        return td.requiresFargate() ? new String[]{"FARGATE", "FARGATE"} : new String[]{"EC2", null};
    }

    private Task newTask(Cluster cluster, TaskDefinition td, TaskLaunch request, String launchType, String provider,
                         Subnet subnet, TaskPlacement.Checked network) {
        String id = ids.hex(32);
        Task.Spec spec = new Task.Spec(id, arns.task(cluster.name(), id), cluster, td, launchType, provider, subnet.id(),
                subnet.zone().name(), network.securityGroupIds(), network.assignPublicIp(),
                request.group().orElse("family:" + td.family()), request.startedBy(), request.overrides(), request.tags(),
                request.enableExecuteCommand(), clock.now());
        List<TaskContainer> containers = new ArrayList<>();
        for (ContainerDefinition c : td.containers()) {
            containers.add(new TaskContainer(arns.container(cluster.name(), id, ids.uuid()), c));
        }
        return new Task(spec, containers, new TaskAttachment(ids.uuid(), subnet.id()));
    }

    /** StopTask: asking again for a task already stopping (or stopped) changes nothing and returns it. */
    public Task stopTask(Optional<String> clusterRef, String taskRef, Optional<String> reason) {
        Cluster cluster = cluster(clusterRef);
        Task task = findTask(cluster, taskRef).orElseThrow(() -> invalidParameter("The referenced task was not found"));
        if (task.isStopRequested()) {
            return task;
        }
        task.requestStop("UserInitiated", reason.filter(r -> !r.isEmpty()).orElse("Task stopped by user"), clock.now());
        lifecycle.stopRequested(task);
        return task;
    }
}
