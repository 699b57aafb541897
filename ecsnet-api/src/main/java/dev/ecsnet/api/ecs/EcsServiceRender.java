package dev.ecsnet.api.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.domain.ecs.CapacityProviderStrategyItem;
import dev.ecsnet.domain.ecs.Deployment;
import dev.ecsnet.domain.ecs.Service;
import dev.ecsnet.domain.ecs.ServiceConfig;
import dev.ecsnet.domain.ecs.ServiceEvent;
import dev.ecsnet.domain.ecs.Services;
import dev.ecsnet.domain.ecs.TaskLaunch;
import dev.ecsnet.domain.ecs.TaskSet;
import dev.ecsnet.domain.ecs.placement.PlacementRequest;

import java.util.List;
import java.util.Optional;

/** Services → the ECS {@code Service} output shape (member names as in the API model). */
final class EcsServiceRender {
    private EcsServiceRender() {
    }

    static ObjectNode service(Services services, Service s, boolean withTags) {
        ServiceConfig c = s.config();
        ObjectNode o = Call.object().put("serviceArn", s.arn()).put("serviceName", s.name()).put("clusterArn", s.cluster().arn());
        o.set("loadBalancers", loadBalancers(c.loadBalancers()));
        o.set("serviceRegistries", registries(c.serviceRegistries()));
        o.put("status", s.status());
        int[] live = services.liveCounts(s);
        o.put("desiredCount", services.desiredCount(s)).put("runningCount", live[1]).put("pendingCount", live[0]);
        launch(o, c.launchType(), c.capacityProviderStrategy(), c.platformVersion(), c.isFargate());
        if (!c.taskDefinitionArn().isEmpty()) {
            o.put("taskDefinition", c.taskDefinitionArn());
        }
        ObjectNode dc = o.putObject("deploymentConfiguration");
        dc.putObject("deploymentCircuitBreaker").put("enable", c.deployment().circuitBreakerEnable())
                .put("rollback", c.deployment().circuitBreakerRollback());
        dc.put("maximumPercent", c.deployment().maximumPercent()).put("minimumHealthyPercent", c.deployment().minimumHealthyPercent());
        if (c.isExternal()) {
            ArrayNode taskSets = o.putArray("taskSets");
            s.taskSets().forEach(ts -> taskSets.add(taskSet(services, s, ts, false)));
        }
        ArrayNode deployments = o.putArray("deployments");
        for (Deployment d : s.deployments()) {
            deployments.add(deployment(services, s, d));
        }
        c.roleArn().ifPresent(r -> o.put("roleArn", r));
        ArrayNode events = o.putArray("events");
        for (ServiceEvent e : s.events()) {
            ObjectNode eo = events.addObject().put("id", e.id());
            EcsRender.time(eo, "createdAt", e.createdAt());
            eo.put("message", e.message());
        }
        EcsRender.time(o, "createdAt", s.createdAt());
        o.set("placementConstraints", constraints(c.placementConstraints()));
        o.set("placementStrategy", strategies(c.placementStrategy()));
        c.network().ifPresent(n -> o.set("networkConfiguration", network(n)));
        c.healthCheckGracePeriodSeconds().ifPresent(g -> o.put("healthCheckGracePeriodSeconds", g));
        o.put("schedulingStrategy", s.schedulingStrategy());
        o.putObject("deploymentController").put("type", c.deploymentController());
        if (withTags) {
            o.set("tags", EcsRender.tags(s.tags()));
        }
        o.put("createdBy", s.createdBy());
        o.put("enableECSManagedTags", c.enableEcsManagedTags()).put("propagateTags", c.propagateTags())
                .put("enableExecuteCommand", c.enableExecuteCommand()).put("availabilityZoneRebalancing", c.availabilityZoneRebalancing());
        return o;
    }

    /** The launch type, or the capacity provider strategy (each only when set), and the Fargate platform. */
    private static void launch(ObjectNode o, Optional<String> launchType, List<CapacityProviderStrategyItem> strategy,
                               Optional<String> platformVersion, boolean fargate) {
        launchType.ifPresent(l -> o.put("launchType", l));
        if (!strategy.isEmpty()) {
            o.set("capacityProviderStrategy", EcsRender.strategy(strategy));
        }
        if (fargate) {
            o.put("platformVersion", platformVersion.orElse("LATEST")).put("platformFamily", "Linux");
        }
    }

    private static ObjectNode deployment(Services services, Service s, Deployment d) {
        ServiceConfig c = d.config();
        int[] n = services.counts(s, d);
        ObjectNode o = Call.object().put("id", d.id()).put("status", d.status()).put("taskDefinition", c.taskDefinitionArn())
                .put("desiredCount", n[0]).put("pendingCount", n[1]).put("runningCount", n[2]).put("failedTasks", n[3]);
        EcsRender.time(o, "createdAt", d.createdAt());
        EcsRender.time(o, "updatedAt", d.updatedAt());
        launch(o, c.launchType(), c.capacityProviderStrategy(), c.platformVersion(), c.isFargate());
        c.network().ifPresent(net -> o.set("networkConfiguration", network(net)));
        o.put("rolloutState", d.rolloutState());
        d.rolloutStateReason().ifPresent(r -> o.put("rolloutStateReason", r));
        c.serviceConnect().ifPresent(sc -> o.set("serviceConnectConfiguration", EcsRender.MAPPER.valueToTree(sc.document())));
        if (!d.serviceConnectResources().isEmpty()) {
            ArrayNode resources = o.putArray("serviceConnectResources");
            d.serviceConnectResources().forEach(r -> resources.addObject().put("discoveryName", r.discoveryName())
                    .put("discoveryArn", r.discoveryArn()));
        }
        ArrayNode lattice = o.putArray("vpcLatticeConfigurations");
        c.vpcLatticeConfigurations().forEach(m -> lattice.add(EcsRender.MAPPER.valueToTree(m)));
        return o;
    }

    /** A task set (EXTERNAL deployment controller); tags only when asked for. */
    static ObjectNode taskSet(Services services, Service s, TaskSet ts, boolean withTags) {
        TaskSet.Spec spec = ts.spec();
        int[] live = services.liveCounts(s, ts.id());
        ObjectNode o = Call.object().put("id", ts.id()).put("taskSetArn", ts.arn()).put("serviceArn", s.arn())
                .put("clusterArn", s.cluster().arn());
        spec.externalId().ifPresent(x -> o.put("externalId", x));
        o.put("status", ts.status()).put("taskDefinition", spec.taskDefinitionArn())
                .put("computedDesiredCount", ts.computedDesiredCount(s.config().desiredCount()))
                .put("pendingCount", live[0]).put("runningCount", live[1]);
        EcsRender.time(o, "createdAt", ts.createdAt());
        EcsRender.time(o, "updatedAt", ts.updatedAt());
        launch(o, spec.launchType(), spec.capacityProviderStrategy(), spec.platformVersion(), spec.isFargate());
        spec.network().ifPresent(net -> o.set("networkConfiguration", network(net)));
        o.set("loadBalancers", loadBalancers(spec.loadBalancers()));
        o.set("serviceRegistries", registries(spec.serviceRegistries()));
        o.putObject("scale").put("value", ts.scale()).put("unit", "PERCENT");
        o.put("stabilityStatus", ts.stabilityStatus());
        EcsRender.time(o, "stabilityStatusAt", ts.stabilityStatusAt());
        if (withTags) {
            o.set("tags", EcsRender.tags(ts.tags()));
        }
        return o;
    }

    static ObjectNode network(TaskLaunch.AwsvpcConfiguration n) {
        ObjectNode o = Call.object();
        ObjectNode a = o.putObject("awsvpcConfiguration");
        ArrayNode subnets = a.putArray("subnets");
        n.subnets().forEach(subnets::add);
        ArrayNode groups = a.putArray("securityGroups");
        n.securityGroups().forEach(groups::add);
        a.put("assignPublicIp", n.assignPublicIp().orElse("DISABLED"));
        return o;
    }

    private static ArrayNode loadBalancers(List<ServiceConfig.LoadBalancerRef> lbs) {
        ArrayNode a = EcsRender.MAPPER.createArrayNode();
        for (ServiceConfig.LoadBalancerRef lb : lbs) {
            ObjectNode o = a.addObject();
            lb.targetGroupArn().ifPresent(t -> o.put("targetGroupArn", t));
            lb.loadBalancerName().ifPresent(t -> o.put("loadBalancerName", t));
            o.put("containerName", lb.containerName()).put("containerPort", lb.containerPort());
        }
        return a;
    }

    private static ArrayNode registries(List<ServiceConfig.RegistryRef> rs) {
        ArrayNode a = EcsRender.MAPPER.createArrayNode();
        for (ServiceConfig.RegistryRef r : rs) {
            ObjectNode o = a.addObject().put("registryArn", r.registryArn());
            r.port().ifPresent(p -> o.put("port", p));
            r.containerName().ifPresent(p -> o.put("containerName", p));
            r.containerPort().ifPresent(p -> o.put("containerPort", p));
        }
        return a;
    }

    private static ArrayNode constraints(List<PlacementRequest.Constraint> cs) {
        ArrayNode a = EcsRender.MAPPER.createArrayNode();
        for (PlacementRequest.Constraint c : cs) {
            ObjectNode o = a.addObject().put("type", c.type());
            c.expression().ifPresent(e -> o.put("expression", e));
        }
        return a;
    }

    private static ArrayNode strategies(List<PlacementRequest.Strategy> ss) {
        ArrayNode a = EcsRender.MAPPER.createArrayNode();
        for (PlacementRequest.Strategy s : ss) {
            ObjectNode o = a.addObject().put("type", s.type());
            s.field().ifPresent(f -> o.put("field", f));
        }
        return a;
    }

}
