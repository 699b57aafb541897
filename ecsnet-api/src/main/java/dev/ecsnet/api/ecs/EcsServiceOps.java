package dev.ecsnet.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.ecs.Cluster;
import dev.ecsnet.domain.ecs.Ecs;
import dev.ecsnet.domain.ecs.Service;
import dev.ecsnet.domain.ecs.ServiceConfig;
import dev.ecsnet.domain.ecs.ServiceConnectConfiguration;
import dev.ecsnet.domain.ecs.Services;
import dev.ecsnet.domain.ecs.TaskLaunch;
import dev.ecsnet.domain.ecs.placement.PlacementRequest;
import dev.ecsnet.protocol.AwsError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CreateService, UpdateService, DeleteService, DescribeServices, ListServices. */
final class EcsServiceOps {

    private EcsServiceOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateService", EcsServiceOps::createService);
        t.register("UpdateService", EcsServiceOps::updateService);
        t.register("DeleteService", EcsServiceOps::deleteService);
        t.registerRead("DescribeServices", EcsServiceOps::describeServices);
        t.registerRead("ListServices", EcsServiceOps::listServices);
    }


    private static Optional<String> text(Params p, String name) {
        return p.string(name).filter(s -> !s.isEmpty());
    }

    private static final ServiceConfig.DeploymentConfiguration DAEMON_DEPLOYMENT = new ServiceConfig.DeploymentConfiguration(100, 0, false, false);

    private static ObjectNode createService(Call call) {
        Params p = call.params();
        String name = p.required("serviceName");
        String controller = p.child("deploymentController").string("type").filter(s -> !s.isEmpty()).orElse("ECS");
        String scheduling = text(p, "schedulingStrategy").orElse("REPLICA");
        // an EXTERNAL service takes its task definition from its task sets
        String taskDefinition = controller.equals("EXTERNAL") ? text(p, "taskDefinition").orElse("") : p.required("taskDefinition");
        ServiceConfig.DeploymentConfiguration defaults = scheduling.equals("DAEMON") ? DAEMON_DEPLOYMENT
                : ServiceConfig.DeploymentConfiguration.DEFAULT;
        ServiceConfig config = new ServiceConfig(taskDefinition, p.integer("desiredCount").orElse(0),
                text(p, "launchType"), EcsClusterOps.strategy(p, "capacityProviderStrategy"), text(p, "platformVersion"),
                network(p), deployment(p, defaults), loadBalancers(p), registries(p),
                p.integer("healthCheckGracePeriodSeconds"), constraints(p), strategies(p),
                p.bool("enableECSManagedTags").orElse(false), text(p, "propagateTags").orElse("NONE"),
                p.bool("enableExecuteCommand").orElse(false), text(p, "availabilityZoneRebalancing").orElse("DISABLED"),
                lattice(p), controller, text(p, "role"), serviceConnect(p));
        Services services = call.state().ecs().services();
        Service s = services.createService(new Services.CreateRequest(EcsRender.cluster(p), name, config, scheduling,
                p.has("desiredCount"), p.keyValues("tags", "key", "value"), text(p, "clientToken")));
        return Call.object().set("service", EcsServiceRender.service(services, s, true));
    }

    private static ObjectNode updateService(Call call) {
        Params p = call.params();
        String ref = p.required("service");
        Services services = call.state().ecs().services();
        Service s = services.updateService(EcsRender.cluster(p), ref, c -> merge(p, c), p.has("desiredCount"),
                p.bool("forceNewDeployment").orElse(false));
        return Call.object().set("service", EcsServiceRender.service(services, s, true));
    }

    /** The current configuration with every member the UpdateService request names replaced. */
    private static ServiceConfig merge(Params p, ServiceConfig c) {
        return new ServiceConfig(text(p, "taskDefinition").orElse(c.taskDefinitionArn()), p.integer("desiredCount").orElse(c.desiredCount()),
                c.launchType(), p.has("capacityProviderStrategy") ? EcsClusterOps.strategy(p, "capacityProviderStrategy") : c.capacityProviderStrategy(),
                p.has("platformVersion") ? text(p, "platformVersion") : c.platformVersion(),
                p.has("networkConfiguration") ? network(p) : c.network(),
                p.has("deploymentConfiguration") ? deployment(p, c.deployment()) : c.deployment(),
                p.has("loadBalancers") ? loadBalancers(p) : c.loadBalancers(),
                p.has("serviceRegistries") ? registries(p) : c.serviceRegistries(),
                p.has("healthCheckGracePeriodSeconds") ? p.integer("healthCheckGracePeriodSeconds") : c.healthCheckGracePeriodSeconds(),
                p.has("placementConstraints") ? constraints(p) : c.placementConstraints(),
                p.has("placementStrategy") ? strategies(p) : c.placementStrategy(),
                p.bool("enableECSManagedTags").orElse(c.enableEcsManagedTags()), text(p, "propagateTags").orElse(c.propagateTags()),
                p.bool("enableExecuteCommand").orElse(c.enableExecuteCommand()),
                text(p, "availabilityZoneRebalancing").orElse(c.availabilityZoneRebalancing()),
                p.has("vpcLatticeConfigurations") ? lattice(p) : c.vpcLatticeConfigurations(),
                p.child("deploymentController").string("type").filter(t -> !t.isEmpty()).orElse(c.deploymentController()), c.roleArn(),
                p.has("serviceConnectConfiguration") ? serviceConnect(p) : c.serviceConnect());
    }

    private static ObjectNode deleteService(Call call) {
        Params p = call.params();
        Services services = call.state().ecs().services();
        Service s = services.deleteService(EcsRender.cluster(p), p.required("service"), p.bool("force").orElse(false));
        return Call.object().set("service", EcsServiceRender.service(services, s, true));
    }

    /** Unknown services are MISSING failures; at most 10 per call. */
    private static ObjectNode describeServices(Call call) {
        Params p = call.params();
        List<String> refs = p.strings("services");
        if (refs.isEmpty()) {
            throw AwsError.badRequest("InvalidParameterException", "Services cannot be empty.");
        }
        if (refs.size() > 10) {
            throw AwsError.badRequest("InvalidParameterException", "services can have at most 10 items.");
        }
        Ecs ecs = call.state().ecs();
        Cluster cluster = ecs.cluster(EcsRender.cluster(p));
        boolean withTags = p.strings("include").contains("TAGS");
        ObjectNode out = Call.object();
        ArrayNode services = out.putArray("services");
        ArrayNode failures = out.putArray("failures");
        for (String ref : refs) {
            Optional<Service> s = ecs.services().find(cluster, ref);
            if (s.isPresent()) {
                services.add(EcsServiceRender.service(ecs.services(), s.get(), withTags));
            } else {
                String arn = ref.startsWith("arn:") ? ref : ecs.arns().service(cluster.name(), ref);
                failures.add(EcsRender.failure(arn, "MISSING"));
            }
        }
        return out;
    }

    private static ObjectNode listServices(Call call) {
        Params p = call.params();
        Ecs ecs = call.state().ecs();
        Cluster cluster = ecs.cluster(EcsRender.cluster(p));
        Optional<String> launchType = text(p, "launchType");
        Optional<String> strategy = text(p, "schedulingStrategy");
        List<String> arns = ecs.services().of(cluster).stream().filter(s -> !s.status().equals(Service.INACTIVE))
                .filter(s -> launchType.isEmpty() || launchType.get().equals(s.config().isFargate() ? "FARGATE" : "EC2"))
                .filter(s -> strategy.isEmpty() || strategy.get().equals(s.schedulingStrategy()))
                .map(Service::arn).toList();
        ObjectNode out = Call.object();
        EcsPages.page(arns, p, 100, out, "serviceArns");
        return out;
    }

    // ---- request members --------------------------------------------------------------------------------------

    private static Optional<ServiceConnectConfiguration> serviceConnect(Params p) {
        if (!p.has("serviceConnectConfiguration")) {
            return Optional.empty();
        }
        return Optional.of(ServiceConnectConfiguration.of(EcsRender.document(p.child("serviceConnectConfiguration").node())));
    }

    static Optional<TaskLaunch.AwsvpcConfiguration> network(Params p) {
        if (!p.has("networkConfiguration")) {
            return Optional.empty();
        }
        Params a = p.child("networkConfiguration").child("awsvpcConfiguration");
        return Optional.of(new TaskLaunch.AwsvpcConfiguration(a.strings("subnets"), a.strings("securityGroups"),
                a.string("assignPublicIp").filter(s -> !s.isEmpty())));
    }

    private static ServiceConfig.DeploymentConfiguration deployment(Params p, ServiceConfig.DeploymentConfiguration base) {
        Params d = p.child("deploymentConfiguration");
        Params cb = d.child("deploymentCircuitBreaker");
        return new ServiceConfig.DeploymentConfiguration(d.integer("maximumPercent").orElse(base.maximumPercent()),
                d.integer("minimumHealthyPercent").orElse(base.minimumHealthyPercent()),
                cb.bool("enable").orElse(base.circuitBreakerEnable()), cb.bool("rollback").orElse(base.circuitBreakerRollback()));
    }

    static List<ServiceConfig.LoadBalancerRef> loadBalancers(Params p) {
        List<ServiceConfig.LoadBalancerRef> out = new ArrayList<>();
        for (Params lb : p.list("loadBalancers")) {
            out.add(new ServiceConfig.LoadBalancerRef(text(lb, "targetGroupArn"), text(lb, "loadBalancerName"),
                    lb.required("containerName"), lb.integer("containerPort").orElseThrow(() ->
                    AwsError.badRequest("InvalidParameterException", "containerPort can not be null or empty."))));
        }
        return out;
    }

    static List<ServiceConfig.RegistryRef> registries(Params p) {
        List<ServiceConfig.RegistryRef> out = new ArrayList<>();
        for (Params r : p.list("serviceRegistries")) {
            out.add(new ServiceConfig.RegistryRef(r.required("registryArn"), r.integer("port"), text(r, "containerName"),
                    r.integer("containerPort")));
        }
        return out;
    }

    private static List<PlacementRequest.Constraint> constraints(Params p) {
        List<PlacementRequest.Constraint> out = new ArrayList<>();
        for (Params c : p.list("placementConstraints")) {
            String type = c.string("type").orElse("");
            if (!type.equals("distinctInstance") && !type.equals("memberOf")) {
                throw AwsError.badRequest("InvalidParameterException", "Invalid placement constraint type: " + type + ".");
            }
            out.add(new PlacementRequest.Constraint(type, text(c, "expression")));
        }
        return out;
    }

    private static List<PlacementRequest.Strategy> strategies(Params p) {
        List<PlacementRequest.Strategy> out = new ArrayList<>();
        for (Params s : p.list("placementStrategy")) {
            String type = s.string("type").orElse("");
            if (!List.of("random", "spread", "binpack").contains(type)) {
                throw AwsError.badRequest("InvalidParameterException", "Invalid placement strategy type: " + type + ".");
            }
            out.add(new PlacementRequest.Strategy(type, text(s, "field")));
        }
        return out;
    }

    private static List<Map<String, Object>> lattice(Params p) {
        List<Map<String, Object>> out = new ArrayList<>();
        JsonNode n = p.node().get("vpcLatticeConfigurations");
        if (n != null && n.isArray()) {
            for (JsonNode item : n) {
                if (item instanceof ObjectNode o) {
                    out.add(EcsRender.document(o));
                }
            }
        }
        return out;
    }
}
