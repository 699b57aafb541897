package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static dev.ecsnet.domain.ecs.EcsErrors.invalidParameter;

/**
 * ECS services of one account and region: CreateService, UpdateService, DeleteService and the lookups behind
 * DescribeServices and ListServices. Every operation validates completely (through {@link ServiceRules}) before it
 * changes anything; the {@link ServiceController} then drives each service towards its configuration on the
 * clock. Used only on the engine thread.
 */
public final class Services {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");

    private final Ecs ecs;
    private final Clock clock;
    private final ServiceController controller;
    private final ServiceRules rules;
    private final ServiceConnect serviceConnect;
    /** cluster name → service name → service; INACTIVE services stay until the name is reused. */
    private final Map<String, Map<String, Service>> services = new LinkedHashMap<>();

    Services(Ecs ecs, Clock clock, TaskPlacement placement, ServiceController controller, ServiceConnect serviceConnect) {
        this.ecs = ecs;
        this.clock = clock;
        this.controller = controller;
        this.serviceConnect = serviceConnect;
        this.rules = new ServiceRules(ecs, placement, serviceConnect);
    }

    /** cluster name → its services in creation order, INACTIVE ones too, clusters in the order first looked at (snapshots). */
    Map<String, Map<String, Service>> byCluster() {
        return java.util.Collections.unmodifiableMap(services);
    }

    /** Restoring a snapshot: the cluster name's place in the order, then its services as recorded. */
    void restore(String clusterName, List<Service> inCreationOrder) {
        Map<String, Service> byName = services.computeIfAbsent(clusterName, c -> new LinkedHashMap<>());
        inCreationOrder.forEach(s -> byName.put(s.name(), s));
    }

    ServiceController controller() {
        return controller;
    }

    ServiceRules rules() {
        return rules;
    }

    /** Wires ELBv2 and Cloud Map in (the region does, once both exist). */
    public void connect(LoadBalancing lb, ServiceDiscovery sd) {
        rules.connect(lb, sd);
        controller.connect(lb, sd);
    }

    /**
     * What CreateService asks for. {@code desiredCountGiven} says whether the request had a desiredCount (a DAEMON
     * service refuses one).
     */
    public record CreateRequest(Optional<String> cluster, String serviceName, ServiceConfig config, String schedulingStrategy,
                                boolean desiredCountGiven, Map<String, String> tags, Optional<String> clientToken) {
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
        if (!r.schedulingStrategy().equals(Service.REPLICA) && !r.schedulingStrategy().equals(Service.DAEMON)) {
            throw invalidParameter("schedulingStrategy must be one of REPLICA, DAEMON.");
        }
        Service existing = byName(cluster).get(r.serviceName());
        if (existing != null && !existing.status().equals(Service.INACTIVE)) {
            if (r.clientToken().isPresent() && existing.clientToken().equals(r.clientToken())) {
                return existing;
            }
            throw invalidParameter("Creation of service was not idempotent.");
        }
        String arn = ecs.arns().service(cluster.name(), r.serviceName());
        boolean daemon = r.schedulingStrategy().equals(Service.DAEMON);
        if (daemon && r.desiredCountGiven()) {
            throw invalidParameter("The daemon scheduling strategy does not support a desired count for services. "
                    + "Remove the desired count value and try again");
        }
        ServiceConfig config = rules.checkCreate(cluster, r.config(), daemon, arn);
        Service s = new Service(r.serviceName(), arn, cluster, config, r.schedulingStrategy(), r.tags(), clock.now(),
                ecs.arns().rootPrincipal(), r.clientToken());
        if (!config.isExternal()) {
            s.deploy(deployment(s, config), clock.now());
        }
        services.computeIfAbsent(cluster.name(), c -> new LinkedHashMap<>()).put(s.name(), s);
        controller.added(s);
        return s;
    }

    /** A new PRIMARY deployment of the configuration, with the Service Connect services its tasks will register in. */
    Deployment deployment(Service s, ServiceConfig config) {
        return new Deployment(controller.newDeploymentId(), config, clock.now(), serviceConnect.resources(s.arn(), config.serviceConnect()));
    }

    /** UpdateService: the new configuration (the caller merged the changes), and whether to force a deployment. */
    public Service updateService(Optional<String> clusterRef, String serviceRef, UnaryOperator<ServiceConfig> change,
                                 boolean forceNewDeployment) {
        return updateService(clusterRef, serviceRef, change, false, forceNewDeployment);
    }

    /** As above; {@code desiredCountGiven} says whether the request named a desiredCount (a DAEMON service refuses one). */
    public Service updateService(Optional<String> clusterRef, String serviceRef, UnaryOperator<ServiceConfig> change,
                                 boolean desiredCountGiven, boolean forceNewDeployment) {
        Cluster cluster = ecs.cluster(clusterRef);
        Service s = find(cluster, serviceRef).orElseThrow(Services::serviceNotFound);
        if (!s.status().equals(Service.ACTIVE)) {
            throw DomainException.invalid("ServiceNotActiveException", "Service was not ACTIVE.");
        }
        if (s.isDaemon() && desiredCountGiven) {
            throw invalidParameter("The daemon scheduling strategy does not support a desired count for services. "
                    + "Remove the desired count value and try again");
        }
        ServiceConfig next = rules.checkUpdate(cluster, s, change.apply(s.config()));
        boolean redeploy = !next.isExternal() && (forceNewDeployment || next.needsNewDeployment(s.config()));
        s.configure(next);
        if (redeploy) {
            s.deploy(deployment(s, next), clock.now());
        }
        // a new deployment gets a fresh start: launches are no longer throttled
        controller.updated(s, redeploy);
        return s;
    }

    /**
     * DeleteService: a REPLICA service is refused while scaled above 0 unless forced; the service drains, then
     * becomes INACTIVE.
     */
    public Service deleteService(Optional<String> clusterRef, String serviceRef, boolean force) {
        Cluster cluster = ecs.cluster(clusterRef);
        Service s = find(cluster, serviceRef).orElseThrow(Services::serviceNotFound);
        // deleting again answers the service as it is, as AWS does (aws-sdk-js#4189): a client that retries a
        // DeleteService whose answer it lost finds it done, not missing
        if (s.status().equals(Service.INACTIVE) || s.status().equals(Service.DRAINING)) {
            return s;
        }
        if (!s.isDaemon() && s.config().desiredCount() > 0 && !force) {
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

    /** Whether a service that is not INACTIVE, one of its deployments or task sets, uses the task definition. */
    boolean usesTaskDefinition(String taskDefinitionArn) {
        for (Map<String, Service> byName : services.values()) {
            for (Service s : byName.values()) {
                if (!s.status().equals(Service.INACTIVE) && s.usesTaskDefinition(taskDefinitionArn)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The cluster's services by name, for reading: a read makes no map (reads run side by side, Engine.read). */
    private Map<String, Service> byName(Cluster cluster) {
        return services.getOrDefault(cluster.name(), Map.of());
    }

    /** A deployment's task counts: {desired, pending, running, failed}. */
    public int[] counts(Service s, Deployment d) {
        return controller.counts(s, d);
    }

    /** The desired count DescribeServices shows: the configured one, or for a DAEMON service its instances. */
    public int desiredCount(Service s) {
        return controller.desiredCount(s);
    }

    /** The service's running and pending task counts, over all its deployments or task sets: {pending, running}. */
    public int[] liveCounts(Service s) {
        return controller.liveCounts(s, Optional.empty());
    }

    /** As {@link #liveCounts(Service)}, for the tasks of one task set. */
    public int[] liveCounts(Service s, String taskSetId) {
        return controller.liveCounts(s, Optional.of(taskSetId));
    }

    static List<String> containerNames(TaskDefinition td) {
        return ServiceRules.containerNames(td);
    }
}
