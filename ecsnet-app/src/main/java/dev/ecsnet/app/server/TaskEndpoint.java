package dev.ecsnet.app.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.ecs.EcsDescriptions;
import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.ecs.Cluster;
import dev.ecsnet.domain.ecs.Task;
import dev.ecsnet.domain.net.NetworkInterface;
import dev.ecsnet.domain.state.RegionState;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.protocol.WireResponse;

import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /_ecsnet/task?id=TASK[&account=A][&region=R]}: one task for the page's details: the task as
 * DescribeTasks answers it (attachment, stop code and reason), its ENI as EC2 holds it now, its security groups with
 * their rules, and what {@code ecsnet diagnose} says about it.
 */
final class TaskEndpoint {
    private final Engine engine;

    TaskEndpoint(Engine engine) {
        this.engine = engine;
    }

    WireResponse handle(Map<String, String> query) {
        String id = AdminJson.required(query, "id", "a task ARN or id");
        AccountRegion key = AdminJson.scope(query);
        Optional<ObjectNode> out = AdminJson.read(engine, key, state -> find(state, id).map(t -> render(key, state, t)).orElse(null));
        return out.map(o -> AdminJson.json(200, o))
                .orElseGet(() -> AdminJson.error(404, "no task '" + id + "' in " + key.region() + " (account " + key.accountId() + ")"));
    }

    private static Optional<Task> find(RegionState state, String id) {
        for (Cluster c : state.ecs().clusters()) {
            Optional<Task> t = state.ecs().findTask(c, id);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    private static ObjectNode render(AccountRegion key, RegionState state, Task t) {
        ObjectNode o = AdminJson.JSON.createObjectNode().put("account", key.accountId()).put("region", key.region());
        o.set("task", EcsDescriptions.task(t));
        WorkloadView.serviceName(t).ifPresent(s -> o.put("service", s));
        t.networkInterfaceId().flatMap(state.network()::findNetworkInterface).ifPresent(eni -> o.set("networkInterface", eni(eni)));
        ArrayNode groups = o.putArray("securityGroups");
        t.spec().securityGroupIds().forEach(g -> state.network().findSecurityGroup(g).ifPresent(sg -> groups.add(TopologyView.securityGroup(sg))));
        o.set("diagnose", DiagnoseEndpoint.render(key, state.ecs().diagnoser().diagnose(t.arn())));
        return o;
    }

    private static ObjectNode eni(NetworkInterface e) {
        ObjectNode o = AdminJson.JSON.createObjectNode().put("id", e.id()).put("subnetId", e.subnetId()).put("vpcId", e.vpcId())
                .put("privateIp", e.privateIpAddress()).put("macAddress", e.macAddress()).put("privateDnsName", e.privateDnsName())
                .put("interfaceType", e.interfaceType()).put("status", e.status()).put("description", e.description());
        e.publicIp().ifPresent(ip -> o.put("publicIp", ip));
        e.attachment().ifPresent(a -> o.putObject("attachment").put("attachmentId", a.attachmentId()).put("instanceId", a.instanceId())
                .put("deviceIndex", a.deviceIndex()).put("status", a.status()));
        TopologyView.strings(o.putArray("groups"), e.groupIds());
        return o;
    }
}
