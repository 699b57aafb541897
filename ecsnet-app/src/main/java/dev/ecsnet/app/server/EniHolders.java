package dev.ecsnet.app.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.domain.ec2.Instance;
import dev.ecsnet.domain.ecs.Cluster;
import dev.ecsnet.domain.ecs.Task;
import dev.ecsnet.domain.ecs.TaskLifecycle;
import dev.ecsnet.domain.elb.LoadBalancer;
import dev.ecsnet.domain.net.NatGateway;
import dev.ecsnet.domain.net.NetworkInterface;
import dev.ecsnet.domain.net.VpcEndpoint;
import dev.ecsnet.domain.state.RegionState;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static dev.ecsnet.app.server.AdminJson.JSON;

/**
 * What holds each network interface of a region, from the holders' side (a task names its ENI, a NAT gateway its
 * ENI, a load balancer its nodes' ENIs...), so that the UI never guesses from descriptions. Built once per view in
 * one pass over each kind of holder.
 */
final class EniHolders {
    private final Map<String, ObjectNode> byEni = new HashMap<>();

    EniHolders(RegionState state) {
        for (Cluster c : state.ecs().clusters()) {
            for (Task t : state.ecs().tasksOf(c)) {
                if (t.lastStatus() != TaskLifecycle.STOPPED) {
                    t.networkInterfaceId().ifPresent(eni -> byEni.put(eni, JSON.createObjectNode().put("kind", "task").put("id", t.id())));
                }
            }
        }
        for (NatGateway n : state.network().gateways().natGateways()) {
            if (!n.isGone()) {
                byEni.put(n.networkInterfaceId(), JSON.createObjectNode().put("kind", "nat-gateway").put("id", n.id()));
            }
        }
        for (VpcEndpoint e : state.network().endpoints().all()) {
            e.networkInterfaceIds().forEach(eni -> byEni.put(eni, JSON.createObjectNode().put("kind", "vpc-endpoint").put("id", e.id())
                    .put("service", e.service().shortName())));
        }
        for (LoadBalancer lb : state.elb().loadBalancers()) {
            lb.nodes().forEach(n -> byEni.put(n.networkInterfaceId(), JSON.createObjectNode().put("kind", "load-balancer").put("id", lb.arn())
                    .put("name", lb.name())));
        }
        for (Instance i : state.instances().all()) {
            byEni.put(i.primaryEniId(), JSON.createObjectNode().put("kind", "instance").put("id", i.id()).put("role", "primary"));
        }
    }

    /** The holder of {@code eni}: one found above, else its instance attachment (a trunk ENI), else nothing. */
    Optional<ObjectNode> of(NetworkInterface eni) {
        ObjectNode holder = byEni.get(eni.id());
        if (holder != null) {
            return Optional.of(holder);
        }
        return eni.attachment().filter(a -> a.instanceId() != null && a.instanceId().startsWith("i-"))
                .map(a -> JSON.createObjectNode().put("kind", "instance").put("id", a.instanceId()).put("role", eni.interfaceType()));
    }
}
