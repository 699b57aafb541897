package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;

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
 * ECS services of one account and region: CreateService, UpdateService, DeleteService and the lookups behind
 * DescribeServices and ListServices. Every operation validates completely before it changes anything; the
 * {@link ServiceController} then drives each service towards its configuration on the clock. Used only on the
 * engine thread.
 */
public final class Services {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");

    private final Ecs ecs;
    private final IdSource ids;
    private final Clock clock;
    private final TaskPlacement placement;
    private final ServiceController controller;
    /** cluster name → service name → service; INACTIVE services stay until the name is reused. */
    private final Map<String, Map<String, Service>> services = new LinkedHashMap<>();
    private LoadBalancing loadBalancing = LoadBalancing.NONE;
    private ServiceDiscovery discovery = ServiceDiscovery.NONE;

    Services(Ecs ecs, IdSource ids, Clock clock, TaskPlacement placement, ServiceController controller) {
        this.ecs = ecs;
        this.ids = ids;
        this.clock = clock;
        this.placement = placement;
        this.controller = controller;
    }

    /** Wires ELBv2 and Cloud Map in (the region does, once both exist). */
    public void connect(LoadBalancing lb, ServiceDiscovery sd) {
        this.loadBalancing = lb;
        this.discovery = sd;
        controller.connect(lb, sd);
    }

    /** What CreateService asks for. */
    public record CreateRequest(Optional<String> cluster, String serviceName, ServiceConfig config, String schedulingStrategy,
                                Map<String, String> tags, Optional<String> clientToken) {
        public CreateRequest {
            tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        }
    }

    public Service createService(CreateRequest r) {
        Cluster cluster = ecs.cluster(r.cluster());
        if (!NAME.matcher(r.serviceName()).matches()) {
            throw invalidParameter("Service name can only contain alphanumeric characters, hyphens and underscores, "
                    + "and must be 1 to 255 characters long.");
        }
        if (!r.schedulingStrategy().equals("REPLICA")) {
            // the DAEMON strategy (one task per container instance) is not modelled
            throw invalidParameter("The " + r.schedulingStrategy() + " scheduling strategy is not supported by ecsnet; use REPLICA.");
        }
        Service existing = byName(cluster).get(r.serviceName());
        if (existing != null && !existing.status().equals(Service.INACTIVE)) {
            if (r.clientToken().isPresent() && existing.clientToken().equals(r.clientToken())) {
                return existing;
            }
            throw invalidParameter("Creation of service was not idempotent.");
        }
        ServiceConfig config = validate(cluster, r.config());
        Service s = new Service(r.serviceName(), ecs.arns().service(cluster.name(), r.serviceName()), cluster, config, r.tags(),
                clock.now(), ecs.arns().rootPrincipal(), r.clientToken());
        s.deploy(new Deployment(deploymentId(), config, clock.now()), clock.now());
        byName(cluster).put(s.name(), s);
        controller.added(s);
        return s;
    }

    /** UpdateService: the new configuration (the caller merged the changes), and whether to force a deployment. */
    public Service updateService(Optional<String> clusterRef, String serviceRef, java.util.function.UnaryOperator<ServiceConfig> change,
                                 boolean forceNewDeployment) {
        Cluster cluster = ecs.cluster(clusterRef);
        Service s = find(cluster, serviceRef).orElseThrow(Services::serviceNotFound);
        if (!s.status().equals(Service.ACTIVE)) {
            throw DomainException.invalid("ServiceNotActiveException", "Service was not ACTIVE.");
        }
        ServiceConfig next = validate(cluster, change.apply(s.config()));
        boolean redeploy = forceNewDeployment || next.needsNewDeployment(s.config());
        s.configure(next);
        if (redeploy) {
            s.deploy(new Deployment(deploymentId(), next, clock.now()), clock.now());
        }
        // a new deployment gets a fresh start: launches are no longer throttled
        controller.updated(s, redeploy);
        return s;
    }

    /** DeleteService: refused while scaled above 0 unless forced; the service drains, then becomes INACTIVE. */
    public Service deleteService(Optional<String> clusterRef, String serviceRef, boolean force) {
        Cluster cluster = ecs.cluster(clusterRef);
        Service s = find(cluster, serviceRef).orElseThrow(Services::serviceNotFound);
        if (s.status().equals(Service.INACTIVE)) {
            throw serviceNotFound();
        }
        if (s.status().equals(Service.DRAINING)) {
            return s;
        }
        if (s.config().desiredCount() > 0 && !force) {
            throw invalidParameter("The service cannot be stopped while it is scaled above 0.");
        }
        s.configure(s.config().withDesiredCount(0));
        s.status(Service.DRAINING);
        controller.updated(s, false);
        return s;
    }

    static DomainException serviceNotFound() {
        return DomainException.notFound("ServiceNotFoundException", "Service not found.");
    }

    /** A service of the cluster by name or ARN, INACTIVE ones included. */
    public Optional<Service> find(Cluster cluster, String nameOrArn) {
        return Optional.ofNullable(byName(cluster).get(EcsArns.lastSegment(nameOrArn)));
    }

    /** A service in any cluster, by ARN, or by name (the first cluster holding one of that name). */
    public Optional<Service> findAnywhere(String nameOrArn) {
        for (Cluster c : ecs.clusters()) {
            if (nameOrArn.startsWith("arn:") && !nameOrArn.contains("/" + c.name() + "/")) {
                continue;
            }
            Optional<Service> s = find(c, nameOrArn);
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }

    /** The cluster's services in creation order, INACTIVE ones included. */
    public Collection<Service> of(Cluster cluster) {
        return byName(cluster).values();
    }

    public long activeCount(Cluster cluster) {
        return of(cluster).stream().filter(s -> !s.status().equals(Service.INACTIVE)).count();
    }

    private Map<String, Service> byName(Cluster cluster) {
        return services.computeIfAbsent(cluster.name(), c -> new LinkedHashMap<>());
    }

    private String deploymentId() {
        return controller.newDeploymentId();
    }

    /** A deployment's task counts: {desired, pending, running, failed}. */
    public int[] counts(Service s, Deployment d) {
        return controller.counts(s, d);
    }

    // ---- validation -------------------------------------------------------------------------------------------

    private ServiceConfig validate(Cluster cluster, ServiceConfig c) {
        TaskDefinition td = ecs.taskDefinitions().find(c.taskDefinitionArn()).orElseThrow(() -> client("TaskDefinition not found."));
        if (!td.isActive()) {
            throw client("TaskDefinition is inactive");
        }
        if (c.desiredCount() < 0) {
            throw invalidParameter("desiredCount must be greater than or equal to 0.");
        }
        if (c.launchType().isPresent() && !c.capacityProviderStrategy().isEmpty()) {
            throw invalidParameter("Specifying both a launch type and capacity provider strategy is not supported. "
                    + "Remove one and try again.");
        }
        for (CapacityProviderStrategyItem item : c.capacityProviderStrategy()) {
            if (!CapacityProviderStrategyItem.FARGATE_PROVIDERS.contains(item.capacityProvider())) {
                throw invalidParameter("The specified capacity provider strategy cannot contain a capacity provider that is not "
                        + "associated with the cluster. Associate the capacity provider with the cluster or specify a valid "
                        + "capacity provider and try again.");
            }
        }
        String launchType = c.launchType().orElse(c.capacityProviderStrategy().isEmpty()
                && cluster.defaultCapacityProviderStrategy().isEmpty() && !td.requiresFargate() ? "EC2" : "FARGATE");
        if (!List.of("EC2", "FARGATE").contains(launchType)) {
            throw invalidParameter("launchType must be one of EC2, FARGATE.");
        }
        if (launchType.equals("FARGATE") && !td.isFargateCompatible()) {
            throw invalidParameter("Task definition does not support launch_type FARGATE.");
        }
        boolean awsvpc = td.networkMode().equals("awsvpc");
        if (awsvpc && c.network().isEmpty()) {
            throw invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }
        if (!awsvpc && c.network().isPresent()) {
            throw invalidParameter("Network Configuration is not valid for the given networkMode of this task definition.");
        }
        if (c.network().isPresent()) {
            if (launchType.equals("EC2") && c.network().get().assignPublicIp().filter("ENABLED"::equals).isPresent()) {
                throw invalidParameter("Assign public IP is not supported for this launch type.");
            }
            placement.check(c.network().get());
        }
        ServiceConfig.DeploymentConfiguration dc = c.deployment();
        if (dc.minimumHealthyPercent() < 0 || dc.minimumHealthyPercent() > 100) {
            throw invalidParameter("minimumHealthyPercent must be between 0 and 100.");
        }
        if (dc.maximumPercent() < 100 && dc.minimumHealthyPercent() == 100 || dc.maximumPercent() <= 0) {
            throw invalidParameter("maximumPercent must be greater than minimumHealthyPercent.");
        }
        for (ServiceConfig.LoadBalancerRef lb : c.loadBalancers()) {
            checkLoadBalancer(td, awsvpc, lb);
        }
        for (ServiceConfig.RegistryRef r : c.serviceRegistries()) {
            checkRegistry(td, awsvpc, r);
        }
        if (!List.of("NONE", "SERVICE", "TASK_DEFINITION").contains(c.propagateTags())) {
            throw invalidParameter("propagateTags must be one of NONE, SERVICE, TASK_DEFINITION.");
        }
        return c;
    }

    private void checkLoadBalancer(TaskDefinition td, boolean awsvpc, ServiceConfig.LoadBalancerRef lb) {
        if (lb.targetGroupArn().isEmpty()) {
            // a classic load balancer cannot front awsvpc tasks, and ecsnet models none
            throw invalidParameter("targetGroupArn must be specified: classic load balancers are not supported with network mode awsvpc.");
        }
        String tg = lb.targetGroupArn().get();
        String type = loadBalancing.targetType(tg).orElseThrow(() -> invalidParameter(
                "Unable to find target group " + tg + "."));
        if (awsvpc && !type.equals("ip")) {
            throw invalidParameter("The provided target group " + tg + " has target type " + type
                    + ", which is incompatible with the awsvpc network mode specified in the task definition.");
        }
        if (!containerPorts(td, lb.containerName()).contains(lb.containerPort())) {
            if (containerNames(td).contains(lb.containerName())) {
                throw invalidParameter("The container " + lb.containerName() + " did not have a container port "
                        + lb.containerPort() + " defined.");
            }
            throw invalidParameter("The container " + lb.containerName() + " does not exist in the task definition.");
        }
    }

    private void checkRegistry(TaskDefinition td, boolean awsvpc, ServiceConfig.RegistryRef r) {
        if (!discovery.exists(r.registryArn())) {
            throw invalidParameter("The service registry " + r.registryArn() + " does not exist.");
        }
        if (r.port().isPresent() && r.containerName().isPresent()) {
            throw invalidParameter("You cannot specify both port and containerName/containerPort in a service registry.");
        }
        if (discovery.recordTypes(r.registryArn()).contains("SRV") && awsvpc && r.port().isEmpty() && r.containerPort().isEmpty()) {
            throw invalidParameter("When specifying 'SRV' DNS record type, you must specify either port or containerName and containerPort.");
        }
        r.containerName().ifPresent(name -> {
            if (!containerNames(td).contains(name)) {
                throw invalidParameter("The container " + name + " does not exist in the task definition.");
            }
        });
    }

    static List<String> containerNames(TaskDefinition td) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> c : ClientDocument.objects(td.document(), "containerDefinitions")) {
            ClientDocument.string(c, "name").ifPresent(out::add);
        }
        return out;
    }

    static List<Integer> containerPorts(TaskDefinition td, String containerName) {
        List<Integer> out = new ArrayList<>();
        for (Map<String, Object> c : ClientDocument.objects(td.document(), "containerDefinitions")) {
            if (ClientDocument.string(c, "name").filter(containerName::equals).isPresent()) {
                for (Map<String, Object> pm : ClientDocument.objects(c, "portMappings")) {
                    ClientDocument.integer(pm, "containerPort").ifPresent(out::add);
                }
            }
        }
        return out;
    }
}
