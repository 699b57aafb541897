package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.logs.Logs;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Timers;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.ec2.Instances;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.Subnet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
    private final CapacityProviders capacityProviders;
    private final ServiceConnect serviceConnect;
    private final ClusterUpdates clusterUpdates;
    private final EcsTags tags;
    private final TaskSets taskSets;
    private final Instances instances;
    private final Network network;
    private final Map<String, Cluster> clusters = new LinkedHashMap<>();
    /** cluster name → its tasks. Stopped tasks are kept so they stay describable. */
    private final Map<String, ClusterTasks> tasks = new LinkedHashMap<>();

    /** ECS with a log store of its own and egress not enforced; for tests of the ECS model alone. */
    public Ecs(AccountRegion key, IdSource ids, Clock clock, Timers timers, TimingProfile timing, Network network) {
        this(key, ids, clock, timers, timing, network, new Logs(key, clock), EgressPolicy.IGNORE);
    }

    /** An ECS with its own (empty) set of EC2 instances. */
    public Ecs(AccountRegion key, IdSource ids, Clock clock, Timers timers, TimingProfile timing, Network network,
               Logs logs, EgressPolicy egressPolicy) {
        this(key, ids, clock, timers, timing, network, logs, egressPolicy, new Instances(network, ids, clock, timers, timing));
    }

    /** An ECS whose agent registers the region's EC2 instances (the ECS-optimized AMI's job) when they run. */
    public Ecs(AccountRegion key, IdSource ids, Clock clock, Timers timers, TimingProfile timing, Network network,
               Logs logs, EgressPolicy egressPolicy, Instances instances) {
        this.arns = new EcsArns(key);
        this.ids = ids;
        this.instances = instances;
        this.network = network;
        this.clock = clock;
        this.taskDefinitions = new TaskDefinitions(arns, clock);
        this.accountSettings = new AccountSettings(arns.rootPrincipal());
        this.placement = new TaskPlacement(network);
        this.capacityProviders = new CapacityProviders(this, arns, timers, timing);
        this.serviceConnect = new ServiceConnect(key);
        this.clusterUpdates = new ClusterUpdates(this, ids, capacityProviders, serviceConnect);
        this.tags = new EcsTags(this);
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
        this.lifecycle = new TaskLifecycleDriver(arns, ids, clock, timers, timing, network, egress, accountSettings,
                this::taskByArn);
        this.diagnoser = new Diagnoser(this, network, egress);
        this.containerInstances = new ContainerInstances(arns, ids, clock, timers, timing, network, accountSettings);
        this.ec2Launcher = new Ec2TaskLauncher(arns, ids, clock, placement, containerInstances, lifecycle);
        instances.addListener(new EcsAgent(this, instances));
        ServiceController controller = new ServiceController(this, key, ids, clock, timers, timing, placement, lifecycle,
                serviceConnect);
        this.services = new Services(this, clock, placement, controller, serviceConnect);
        this.taskSets = new TaskSets(this, clock, controller, services.rules());
        containerInstances.onChange(capacityProviders.scaling()::instancesChanged);
        lifecycle.onChange(capacityProviders.scaling()::taskChanged);
        taskDefinitions.useInUse(this::taskDefinitionInUse);
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

    /** The FARGATE and FARGATE_SPOT capacity providers, and clusters' providers and strategies. */
    public CapacityProviders capacityProviders() {
        return capacityProviders;
    }

    /** Service Connect over Cloud Map (the region connects it). */
    public ServiceConnect serviceConnect() {
        return serviceConnect;
    }

    /** UpdateCluster and UpdateClusterSettings. */
    public ClusterUpdates clusterUpdates() {
        return clusterUpdates;
    }

    /** Task sets of services with the EXTERNAL deployment controller. */
    public TaskSets taskSets() {
        return taskSets;
    }

    /** TagResource, UntagResource and ListTagsForResource over every taggable ECS resource. */
    public EcsTags tags() {
        return tags;
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

    /** What CreateCluster asks for; absent members are empty. */
    public record ClusterRequest(Optional<String> name, Map<String, String> tags, Map<String, String> settings,
                                 List<String> capacityProviders, List<CapacityProviderStrategyItem> defaultStrategy,
                                 Optional<Map<String, Object>> configuration, Optional<String> serviceConnectNamespace) {
        public ClusterRequest {
            tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
            settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
            capacityProviders = List.copyOf(capacityProviders);
            defaultStrategy = List.copyOf(defaultStrategy);
        }
    }

    /** A cluster with only a name (as the ECS agent creates {@code default}). */
    public Cluster createCluster(Optional<String> name) {
        return createCluster(new ClusterRequest(name, Map.of(), Map.of(), List.of(), List.of(), Optional.empty(), Optional.empty()));
    }

    /** CreateCluster is idempotent: an ACTIVE cluster of that name is returned unchanged. */
    public Cluster createCluster(ClusterRequest r) {
        String clusterName = r.name().orElse(DEFAULT_CLUSTER);
        if (!CLUSTER_NAME.matcher(clusterName).matches()) {
            throw invalidParameter("Cluster name can only contain alphanumeric characters, hyphens and underscores, "
                    + "and must be 1 to 255 characters long.");
        }
        ClusterUpdates.checkSettings(r.settings());
        r.configuration().ifPresent(ClusterUpdates::checkConfiguration);
        capacityProviders.checkClusterProviders(r.capacityProviders(), r.defaultStrategy());
        Optional<ServiceConnect.ClusterDefault> scDefault = r.serviceConnectNamespace().map(serviceConnect::checkClusterDefault);
        Cluster existing = clusters.get(clusterName);
        if (existing != null && existing.isActive()) {
            return existing;
        }
        Map<String, String> effectiveSettings = new LinkedHashMap<>();
        effectiveSettings.put("containerInsights", accountSettings.effective(arns.rootPrincipal(), "containerInsights"));
        effectiveSettings.putAll(r.settings());
        Cluster cluster = new Cluster(clusterName, arns.cluster(clusterName), r.tags(), effectiveSettings);
        r.configuration().ifPresent(cluster::configuration);
        if (!r.capacityProviders().isEmpty()) {
            cluster.capacityProviders(r.capacityProviders(), r.defaultStrategy());
            capacityProviders.attachmentsChanged(cluster);
        }
        scDefault.ifPresent(d -> clusterUpdates.setServiceConnectDefault(cluster, d));
        clusters.put(clusterName, cluster);
        return cluster;
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
        return count(cluster, TaskLifecycle.RUNNING);
    }

    public int pendingTasksCount(Cluster cluster) {
        return count(cluster, TaskLifecycle.PROVISIONING) + count(cluster, TaskLifecycle.PENDING) + count(cluster, TaskLifecycle.ACTIVATING);
    }

    private int count(Cluster cluster, TaskLifecycle status) {
        ClusterTasks of = tasks.get(cluster.name());
        return !cluster.isActive() || of == null ? 0 : of.count(status);
    }

    // ---- tasks ------------------------------------------------------------------------------------------------

    /** All tasks of the cluster, stopped ones included, in launch order. */
    public Collection<Task> tasksOf(Cluster cluster) {
        if (!cluster.isActive()) {
            return List.of();
        }
        ClusterTasks of = tasks.get(cluster.name());
        return of == null ? List.of() : of.all();
    }

    /** As {@link #tasksOf}, as a list in launch order that a page can resume in by position. */
    public List<Task> tasksInLaunchOrder(Cluster cluster) {
        ClusterTasks of = tasks.get(cluster.name());
        return !cluster.isActive() || of == null ? List.of() : of.inLaunchOrder();
    }

    /** A task of any cluster by ARN ({@code ...:task/cluster/id}). */
    private Optional<Task> taskByArn(String arn) {
        String[] parts = arn.split("/");
        ClusterTasks of = parts.length < 3 ? null : tasks.get(parts[parts.length - 2]);
        return of == null ? Optional.empty() : of.find(parts[parts.length - 1]);
    }

    /** A task of the cluster by id or ARN. */
    public Optional<Task> findTask(Cluster cluster, String idOrArn) {
        ClusterTasks of = tasks.get(cluster.name());
        return of == null ? Optional.empty() : of.find(EcsArns.lastSegment(idOrArn));
    }

    public List<Task> runTask(TaskLaunch request) {
        return launch(request, Ec2Options.NONE).tasks();
    }

    /** RunTask with its failures; {@code ec2} carries the placement constraints and strategies (EC2 only). */
    public LaunchResult launch(TaskLaunch request, Ec2Options ec2) {
        TaskDefinition td = taskDefinitions.find(request.taskDefinition()).orElseThrow(() -> client("TaskDefinition not found."));
        if (!td.isActive()) {
            throw client("TaskDefinition is inactive");
        }
        return launch(request, ec2, Map.of());
    }

    /**
     * As {@link #launch(TaskLaunch, Ec2Options)}; {@code placedByProvider} counts the tasks the caller (a service
     * deployment) already has on each capacity provider, so that a strategy's base and weights hold across calls.
     * A service keeps running (and scaling) a revision deregistered since it was deployed, so this does not ask
     * for an ACTIVE one.
     */
    LaunchResult launch(TaskLaunch request, Ec2Options ec2, Map<String, Integer> placedByProvider) {
        Cluster cluster = cluster(request.cluster());
        TaskDefinition td = taskDefinitions.find(request.taskDefinition()).orElseThrow(() -> client("TaskDefinition not found."));
        if (request.count() < 1 || request.count() > 10) {
            // AWS's wording is not known; the 1..10 limit is
            throw invalidParameter("count must be between 1 and 10.");
        }
        Capacity capacity = capacity(cluster, td, request.launchType(), request.capacityProviderStrategy());
        String launchType = capacity.launchType();
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
        if (launchType.equals("EC2") && !capacity.strategy().isEmpty()) {
            return throughProviders(cluster, td, request, ec2, capacity.strategy(), placedByProvider);
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
        Map<String, Integer> placed = new HashMap<>(placedByProvider);
        for (Subnet subnet : placement.place(network, request.count())) {
            String provider = capacity.strategy().isEmpty() ? CapacityProviders.FARGATE : CapacityProviders.pick(capacity.strategy(), placed);
            placed.merge(provider, 1, Integer::sum);
            Task task = newTask(cluster, td, request, launchType, provider, subnet, network);
            tasks.computeIfAbsent(cluster.name(), c -> new ClusterTasks()).add(task);
            lifecycle.launched(task);
            started.add(task);
        }
        return new LaunchResult(started, List.of());
    }

    /** Tasks through Auto Scaling group providers; those that wait for capacity make their provider's scaling look. */
    private LaunchResult throughProviders(Cluster cluster, TaskDefinition td, TaskLaunch request, Ec2Options ec2,
                                          List<CapacityProviderStrategyItem> strategy, Map<String, Integer> placedByProvider) {
        CapacityGroups groups = capacityProviders.groupsPort();
        java.util.function.Function<String, java.util.Set<String>> instancesOf = name -> capacityProviders.groupProvider(name)
                .flatMap(p -> groups.find(p.groupName())).map(ManagedScaling::memberIds).orElse(java.util.Set.of());
        java.util.function.Predicate<String> waits = name -> capacityProviders.groupProvider(name)
                .map(p -> p.settings().managedScaling().enabled()).orElse(false);
        LaunchResult r = keep(cluster, ec2Launcher.runThroughProviders(cluster, td, request, ec2, strategy, placedByProvider, instancesOf,
                waits, new ArrayList<>()));
        strategy.forEach(i -> capacityProviders.groupProvider(i.capacityProvider()).ifPresent(capacityProviders.scaling()::kick));
        return r;
    }

    /** A task that waited in PROVISIONING for capacity in vain stops (ECS's provisioning timeout). */
    void stopForCapacity(Task task, String reason) {
        task.requestStop("TaskFailedToStart", reason, clock.now());
        lifecycle.stopRequested(task);
    }

    Ec2TaskLauncher ec2Launcher() {
        return ec2Launcher;
    }

    Clock clock() {
        return clock;
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

    /** A DAEMON service's task on its container instance (any revision the service runs, as for {@link #launch}). */
    LaunchResult startOn(TaskLaunch request, String containerInstanceArn) {
        Cluster cluster = cluster(request.cluster());
        TaskDefinition td = taskDefinitions.find(request.taskDefinition()).orElseThrow(() -> client("TaskDefinition not found."));
        return keep(cluster, ec2Launcher.start(cluster, td, request, List.of(containerInstanceArn), new ArrayList<>()));
    }

    /** Whether a task that is not STOPPED, or a service, still uses the revision (a deleted one stays until none does). */
    private boolean taskDefinitionInUse(String arn) {
        for (ClusterTasks of : tasks.values()) {
            for (Task t : of.all()) {
                if (t.lastStatus() != TaskLifecycle.STOPPED && t.spec().taskDefinition().arn().equals(arn)) {
                    return true;
                }
            }
        }
        return services.usesTaskDefinition(arn);
    }

    private LaunchResult keep(Cluster cluster, LaunchResult result) {
        ClusterTasks of = tasks.computeIfAbsent(cluster.name(), c -> new ClusterTasks());
        result.tasks().forEach(of::add);
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

    /** How tasks are placed: a launch type, and the capacity provider strategy that shares them (empty without one). */
    record Capacity(String launchType, List<CapacityProviderStrategyItem> strategy) {
        Capacity {
            strategy = List.copyOf(strategy);
        }
    }

    /**
     * The request's launch type; else its capacity provider strategy, else the cluster's default strategy (both
     * Fargate here); else what the definition requires. A launch type and a strategy exclude each other.
     */
    Capacity capacity(Cluster cluster, TaskDefinition td, Optional<String> launchType, List<CapacityProviderStrategyItem> strategy) {
        if (launchType.isPresent() && !strategy.isEmpty()) {
            throw invalidParameter("Specifying both a launch type and capacity provider strategy is not supported. "
                    + "Remove one and try again.");
        }
        if (launchType.isPresent()) {
            String lt = launchType.get();
            if (!List.of("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES").contains(lt)) {
                throw invalidParameter("launchType must be one of EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES.");
            }
            return new Capacity(lt, List.of());
        }
        boolean clusterDefault = strategy.isEmpty();
        List<CapacityProviderStrategyItem> effective = clusterDefault ? cluster.defaultCapacityProviderStrategy() : strategy;
        if (!effective.isEmpty()) {
            capacityProviders.checkPlacementStrategy(cluster, effective, clusterDefault);
            return new Capacity(capacityProviders.usesGroups(effective) ? "EC2" : "FARGATE", effective);
        }
        return new Capacity(td.requiresFargate() ? "FARGATE" : "EC2", List.of());
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

    /** This aggregate's state as plain records (the service side is {@link EcsServicesState#export}). */
    public EcsRecord export() {
        return EcsSnapshots.export(this);
    }

    /**
     * On a freshly built ECS, the state {@link #export()} gave. The region's network and EC2 instances must be
     * restored first: container instances take their {@code Instance} by id, tasks waiting for capacity their subnets.
     */
    public void restore(EcsRecord record) {
        EcsSnapshots.restore(this, record);
    }

    // ---- for EcsSnapshots ---------------------------------------------------------------------------------------

    /** Cluster name → the cluster the name names now, in creation order of the names. */
    Map<String, Cluster> clusterMap() {
        return clusters;
    }

    /** Cluster name → its tasks, in the order the names first had one. */
    Map<String, ClusterTasks> taskMap() {
        return tasks;
    }

    TaskPlacement fargatePlacement() {
        return placement;
    }

    Network network() {
        return network;
    }

    Instances instances() {
        return instances;
    }
}
