package dev.ecsnet.domain.ecs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ecsnet.domain.ecs.EcsErrors.client;
import static dev.ecsnet.domain.ecs.EcsErrors.invalidParameter;

/**
 * The rules a service's configuration obeys on CreateService and UpdateService, with AWS's messages. Each check
 * returns the configuration as ECS keeps it: the task definition as the full ARN of a revision, the launch type or
 * capacity provider strategy the service places tasks with (the cluster's default strategy when the request named
 * neither), the Service Connect namespace it resolved. Checks only; nothing changes here.
 */
final class ServiceRules {
    private final Ecs ecs;
    private final TaskPlacement placement;
    private final ServiceConnect serviceConnect;
    private LoadBalancing loadBalancing = LoadBalancing.NONE;
    private ServiceDiscovery discovery = ServiceDiscovery.NONE;

    ServiceRules(Ecs ecs, TaskPlacement placement, ServiceConnect serviceConnect) {
        this.ecs = ecs;
        this.placement = placement;
        this.serviceConnect = serviceConnect;
    }

    void connect(LoadBalancing lb, ServiceDiscovery sd) {
        this.loadBalancing = lb;
        this.discovery = sd;
    }

    LoadBalancing loadBalancing() {
        return loadBalancing;
    }

    ServiceDiscovery discovery() {
        return discovery;
    }

    // ---- create and update ------------------------------------------------------------------------------------

    ServiceConfig checkCreate(Cluster cluster, ServiceConfig c, boolean daemon, String serviceArn) {
        checkController(c, daemon);
        if (c.isExternal()) {
            checkExternal(c);
            checkCommon(c);
            return c;
        }
        TaskDefinition td = resolve(c.taskDefinitionArn());
        ServiceConfig resolved = capacityOnCreate(cluster, td, c.withTaskDefinition(td.arn()), daemon);
        return checkRest(cluster, td, resolved, daemon, serviceArn);
    }

    ServiceConfig checkUpdate(Cluster cluster, Service s, ServiceConfig next) {
        ServiceConfig prev = s.config();
        if (!next.deploymentController().equals(prev.deploymentController())) {
            throw invalidParameter("Updating the deployment controller of a service from " + prev.deploymentController() + " to "
                    + next.deploymentController() + " is not supported by ecsnet.");
        }
        if (prev.isExternal()) {
            checkExternalUpdate(prev, next);
            checkCommon(next);
            return next;
        }
        // the revision the service runs may be INACTIVE by now; only a new one must be ACTIVE
        TaskDefinition td = next.taskDefinitionArn().equals(prev.taskDefinitionArn())
                ? ecs.taskDefinitions().find(prev.taskDefinitionArn()).orElseThrow(() -> client("TaskDefinition not found."))
                : resolve(next.taskDefinitionArn());
        ServiceConfig resolved = capacityOnUpdate(cluster, td, prev, next.withTaskDefinition(td.arn()), s.isDaemon());
        return checkRest(cluster, td, resolved, s.isDaemon(), s.arn());
    }

    /** A task definition the service is to run: family (latest ACTIVE), family:revision or ARN, and ACTIVE. */
    TaskDefinition resolve(String reference) {
        TaskDefinition td = ecs.taskDefinitions().find(reference).orElseThrow(() -> client("TaskDefinition not found."));
        if (!td.isActive()) {
            throw client("TaskDefinition is inactive");
        }
        return td;
    }

    private static void checkController(ServiceConfig c, boolean daemon) {
        switch (c.deploymentController()) {
            case "ECS", "EXTERNAL" -> {
            }
            case "CODE_DEPLOY" -> throw invalidParameter("The CODE_DEPLOY deployment controller is not supported by ecsnet; use ECS or EXTERNAL.");
            default -> throw invalidParameter("deploymentController.type must be one of ECS, CODE_DEPLOY, EXTERNAL.");
        }
        if (daemon && c.isExternal()) {
            throw invalidParameter("The daemon scheduling strategy does not support the EXTERNAL deployment controller.");
        }
    }

    private ServiceConfig checkRest(Cluster cluster, TaskDefinition td, ServiceConfig c, boolean daemon, String serviceArn) {
        if (daemon) {
            checkDaemon(c);
        }
        checkCommon(c);
        checkTaskNetwork(td, c.network(), c.isFargate(), c.loadBalancers(), c.serviceRegistries());
        if (c.serviceConnect().isPresent()) {
            return c.withServiceConnect(Optional.of(serviceConnect.check(cluster, td, c.serviceConnect().get(), serviceArn)));
        }
        return c;
    }

    /** What every service's configuration obeys, whatever its controller. */
    private static void checkCommon(ServiceConfig c) {
        if (c.desiredCount() < 0) {
            throw invalidParameter("desiredCount must be greater than or equal to 0.");
        }
        ServiceConfig.DeploymentConfiguration dc = c.deployment();
        if (dc.minimumHealthyPercent() < 0 || dc.minimumHealthyPercent() > 100) {
            throw invalidParameter("minimumHealthyPercent must be between 0 and 100.");
        }
        if (dc.maximumPercent() < 100 && dc.minimumHealthyPercent() == 100 || dc.maximumPercent() <= 0) {
            throw invalidParameter("maximumPercent must be greater than minimumHealthyPercent.");
        }
        if (!List.of("NONE", "SERVICE", "TASK_DEFINITION").contains(c.propagateTags())) {
            throw invalidParameter("propagateTags must be one of NONE, SERVICE, TASK_DEFINITION.");
        }
    }

    private static void checkDaemon(ServiceConfig c) {
        if (!c.placementStrategy().isEmpty()) {
            throw invalidParameter("The daemon scheduling strategy does not support placement strategies. Remove the placement strategy and try again");
        }
        if (c.deployment().maximumPercent() > 100) {
            throw invalidParameter("The daemon scheduling strategy does not support values above 100 for maximumPercent on a "
                    + "deployment configuration. Change the maximumPercent value to 100, and try again");
        }
        if (c.isFargate()) {
            throw invalidParameter("The daemon scheduling strategy does not support the FARGATE launch type.");
        }
    }

    // ---- capacity ---------------------------------------------------------------------------------------------

    /**
     * The request's launch type or capacity provider strategy; with neither, the cluster's default strategy (which
     * then reads back as the service's), else the launch type the definition needs.
     */
    private ServiceConfig capacityOnCreate(Cluster cluster, TaskDefinition td, ServiceConfig c, boolean daemon) {
        if (c.launchType().isPresent() && !c.capacityProviderStrategy().isEmpty()) {
            throw invalidParameter("Specifying both a launch type and capacity provider strategy is not supported. "
                    + "Remove one and try again.");
        }
        ServiceConfig resolved;
        if (!c.capacityProviderStrategy().isEmpty()) {
            ecs.capacityProviders().checkPlacementStrategy(cluster, c.capacityProviderStrategy(), false);
            resolved = c;
        } else if (c.launchType().isPresent()) {
            resolved = c;
        } else if (!cluster.defaultCapacityProviderStrategy().isEmpty()) {
            ecs.capacityProviders().checkPlacementStrategy(cluster, cluster.defaultCapacityProviderStrategy(), true);
            resolved = c.withCapacity(Optional.empty(), cluster.defaultCapacityProviderStrategy());
        } else {
            resolved = c.withCapacity(Optional.of(td.requiresFargate() ? "FARGATE" : "EC2"), List.of());
        }
        return checkCapacity(td, resolved, daemon);
    }

    /**
     * UpdateService changes the strategy (the launch type goes), or with an empty strategy returns a service that
     * had one to the launch type its providers gave (FARGATE or EC2).
     */
    private ServiceConfig capacityOnUpdate(Cluster cluster, TaskDefinition td, ServiceConfig prev, ServiceConfig next, boolean daemon) {
        ServiceConfig resolved = next;
        if (!next.capacityProviderStrategy().equals(prev.capacityProviderStrategy())) {
            if (next.capacityProviderStrategy().isEmpty()) {
                resolved = next.withCapacity(Optional.of(CapacityProviders.isFargateStrategy(prev.capacityProviderStrategy()) ? "FARGATE" : "EC2"), List.of());
            } else {
                ecs.capacityProviders().checkPlacementStrategy(cluster, next.capacityProviderStrategy(), false);
                resolved = next.withCapacity(Optional.empty(), next.capacityProviderStrategy());
            }
        }
        return checkCapacity(td, resolved, daemon);
    }

    private static ServiceConfig checkCapacity(TaskDefinition td, ServiceConfig c, boolean daemon) {
        if (daemon && !c.capacityProviderStrategy().isEmpty()) {
            throw invalidParameter("Specifying a capacity provider strategy is not supported when you create a service using the "
                    + "DAEMON scheduling strategy.");
        }
        if (c.launchType().isPresent() && !List.of("EC2", "FARGATE").contains(c.launchType().get())) {
            throw invalidParameter("launchType must be one of EC2, FARGATE.");
        }
        if (c.isFargate() && !td.isFargateCompatible()) {
            throw invalidParameter("Task definition does not support launch_type FARGATE.");
        }
        return c;
    }

    // ---- the EXTERNAL controller ------------------------------------------------------------------------------

    /** An EXTERNAL service has no task definition, launch type or network of its own: its task sets do. */
    private static void checkExternal(ServiceConfig c) {
        if (!c.taskDefinitionArn().isEmpty()) {
            throw invalidParameter("TaskDefinition must be blank.");
        }
        List<String> set = new ArrayList<>();
        c.launchType().ifPresent(x -> set.add("launchType"));
        if (!c.capacityProviderStrategy().isEmpty()) {
            set.add("capacityProviderStrategy");
        }
        c.platformVersion().ifPresent(x -> set.add("platformVersion"));
        c.network().ifPresent(x -> set.add("networkConfiguration"));
        if (!c.loadBalancers().isEmpty()) {
            set.add("loadBalancers");
        }
        if (!c.serviceRegistries().isEmpty()) {
            set.add("serviceRegistries");
        }
        c.serviceConnect().ifPresent(x -> set.add("serviceConnectConfiguration"));
        if (!set.isEmpty()) {
            throw invalidParameter(set.get(0) + " must be blank: a service using the EXTERNAL deployment controller takes it from "
                    + "its task sets (CreateTaskSet).");
        }
    }

    /** UpdateService on an EXTERNAL service changes only what is not set on its task sets. */
    private static void checkExternalUpdate(ServiceConfig prev, ServiceConfig next) {
        if (!next.taskSetLevel().equals(prev.taskSetLevel())) {
            throw invalidParameter("For a service using the EXTERNAL deployment controller, only the desired count, deployment "
                    + "configuration, placement, health check grace period and tag options can be updated; create a new task set "
                    + "to change the rest.");
        }
    }

    // ---- network, load balancers and registries ---------------------------------------------------------------

    /**
     * The network configuration, load balancers and Cloud Map registries tasks of the definition are launched with
     * (a service's, or a task set's): awsvpc needs a network configuration and nothing else takes one.
     */
    void checkTaskNetwork(TaskDefinition td, Optional<TaskLaunch.AwsvpcConfiguration> network, boolean fargate,
                          List<ServiceConfig.LoadBalancerRef> loadBalancers, List<ServiceConfig.RegistryRef> registries) {
        boolean awsvpc = td.networkMode().equals("awsvpc");
        if (awsvpc && network.isEmpty()) {
            throw invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }
        if (!awsvpc && network.isPresent()) {
            throw invalidParameter("Network Configuration is not valid for the given networkMode of this task definition.");
        }
        if (network.isPresent()) {
            if (!fargate && network.get().assignPublicIp().filter("ENABLED"::equals).isPresent()) {
                throw invalidParameter("Assign public IP is not supported for this launch type.");
            }
            placement.check(network.get());
        }
        for (ServiceConfig.LoadBalancerRef lb : loadBalancers) {
            checkLoadBalancer(td, awsvpc, lb);
        }
        for (ServiceConfig.RegistryRef r : registries) {
            checkRegistry(td, awsvpc, r);
        }
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
