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
import dev.ecsnet.domain.ecs.placement.PlacementRequest;

import java.util.List;

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
        int running = 0;
        int pending = 0;
        for (Deployment d : s.deployments()) {
            int[] n = services.counts(s, d);
            pending += n[1];
            running += n[2];
        }
        o.put("desiredCount", c.desiredCount()).put("runningCount", running).put("pendingCount", pending);
        launch(o, c);
        o.put("taskDefinition", c.taskDefinitionArn());
        ObjectNode dc = o.putObject("deploymentConfiguration");
        dc.putObject("deploymentCircuitBreaker").put("enable", c.deployment().circuitBreakerEnable())
                .put("rollback", c.deployment().circuitBreakerRollback());
        dc.put("maximumPercent", c.deployment().maximumPercent()).put("minimumHealthyPercent", c.deployment().minimumHealthyPercent());
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
        o.put("schedulingStrategy", "REPLICA");
        o.putObject("deploymentController").put("type", c.deploymentController());
        if (withTags) {
            o.set("tags", EcsRender.tags(s.tags()));
        }
        o.put("createdBy", s.createdBy());
        o.put("enableECSManagedTags", c.enableEcsManagedTags()).put("propagateTags", c.propagateTags())
                .put("enableExecuteCommand", c.enableExecuteCommand()).put("availabilityZoneRebalancing", c.availabilityZoneRebalancing());
        return o;
    }

    private static void launch(ObjectNode o, ServiceConfig c) {
        c.launchType().ifPresent(l -> o.put("launchType", l));
        if (!c.capacityProviderStrategy().isEmpty()) {
            ArrayNode a = o.putArray("capacityProviderStrategy");
            for (CapacityProviderStrategyItem i : c.capacityProviderStrategy()) {
                a.addObject().put("capacityProvider", i.capacityProvider()).put("weight", i.weight()).put("base", i.base());
            }
        }
        if (c.isFargate()) {
            o.put("platformVersion", c.platformVersion().orElse("LATEST")).put("platformFamily", "Linux");
        }
    }

    private static ObjectNode deployment(Services services, Service s, Deployment d) {
        ServiceConfig c = d.config();
        int[] n = services.counts(s, d);
        ObjectNode o = Call.object().put("id", d.id()).put("status", d.status()).put("taskDefinition", c.taskDefinitionArn())
                .put("desiredCount", n[0]).put("pendingCount", n[1]).put("runningCount", n[2]).put("failedTasks", n[3]);
        EcsRender.time(o, "createdAt", d.createdAt());
        EcsRender.time(o, "updatedAt", d.updatedAt());
        launch(o, c);
        c.network().ifPresent(net -> o.set("networkConfiguration", network(net)));
        o.put("rolloutState", d.rolloutState());
        d.rolloutStateReason().ifPresent(r -> o.put("rolloutStateReason", r));
        ArrayNode lattice = o.putArray("vpcLatticeConfigurations");
        c.vpcLatticeConfigurations().forEach(m -> lattice.add(EcsRender.MAPPER.valueToTree(m)));
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
