package dev.ecsnet.app.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.domain.ec2.Instance;
import dev.ecsnet.domain.ecs.Cluster;
import dev.ecsnet.domain.ecs.Service;
import dev.ecsnet.domain.ecs.Task;
import dev.ecsnet.domain.ecs.TaskDefinition;
import dev.ecsnet.domain.ecs.TaskLifecycle;
import dev.ecsnet.domain.elb.LoadBalancer;
import dev.ecsnet.domain.elb.TargetGroup;
import dev.ecsnet.domain.elb.TargetHealthDescription;
import dev.ecsnet.domain.state.RegionState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ecsnet.app.server.AdminJson.JSON;

/**
 * The workloads of the topology view: live tasks (status, service, task definition revision, ENI), the most recently
 * stopped ones, services with their running/desired counts, load balancers with their target groups' target health
 * as DescribeTargetHealth would answer now, and EC2 instances.
 */
final class WorkloadView {
    /** How many stopped tasks the page lists (newest first); all of them stay in DescribeTasks. */
    static final int STOPPED_SHOWN = 50;

    private WorkloadView() {
    }

    static void render(RegionState state, ObjectNode out) {
        ArrayNode tasks = out.putArray("tasks");
        List<Task> stopped = new ArrayList<>();
        Map<String, int[]> countsByService = new HashMap<>();
        for (Cluster c : state.ecs().clusters()) {
            for (Task t : state.ecs().tasksOf(c)) {
                if (t.lastStatus() == TaskLifecycle.STOPPED) {
                    stopped.add(t);
                    continue;
                }
                tasks.add(task(t));
                serviceName(t).ifPresent(s -> {
                    int[] n = countsByService.computeIfAbsent(c.name() + "/" + s, k -> new int[2]);
                    n[t.lastStatus() == TaskLifecycle.RUNNING ? 0 : 1]++;
                });
            }
        }
        ArrayNode stoppedOut = out.put("stoppedCount", stopped.size()).putArray("stoppedTasks");
        stopped.stream().sorted(Comparator.comparing((Task t) -> t.stoppedAt().orElse(Instant.EPOCH)).reversed()).limit(STOPPED_SHOWN)
                .forEach(t -> stoppedOut.add(task(t)));
        ArrayNode services = out.putArray("services");
        for (Cluster c : state.ecs().clusters()) {
            for (Service s : state.ecs().services().of(c)) {
                int[] n = countsByService.getOrDefault(c.name() + "/" + s.name(), new int[2]);
                services.addObject().put("arn", s.arn()).put("name", s.name()).put("cluster", c.name()).put("status", s.status())
                        .put("desired", s.config().desiredCount()).put("running", n[0]).put("pending", n[1])
                        .put("taskDefinition", state.ecs().taskDefinitions().find(s.config().taskDefinitionArn())
                                .map(WorkloadView::revision).orElse(s.config().taskDefinitionArn()));
            }
        }
        loadBalancers(state, out);
        ArrayNode instances = out.putArray("instances");
        for (Instance i : state.instances().all()) {
            instances.addObject().put("id", i.id()).put("type", i.type().name()).put("state", i.state().wireName())
                    .put("subnetId", i.subnetId()).put("privateIp", i.privateIpAddress()).put("primaryEniId", i.primaryEniId());
        }
    }

    private static ObjectNode task(Task t) {
        Task.Spec s = t.spec();
        ObjectNode o = JSON.createObjectNode().put("id", t.id()).put("arn", t.arn()).put("cluster", s.cluster().name())
                .put("lastStatus", t.lastStatus().name()).put("desiredStatus", t.desiredStatus())
                .put("taskDefinition", revision(s.taskDefinition())).put("launchType", s.launchType())
                .put("subnetId", s.subnetId()).put("zone", s.availabilityZone());
        serviceName(t).ifPresent(v -> o.put("service", v));
        t.networkInterfaceId().ifPresent(v -> o.put("eniId", v));
        t.privateIpv4Address().ifPresent(v -> o.put("ip", v));
        TopologyView.strings(o.putArray("groups"), s.securityGroupIds());
        t.stopCode().ifPresent(v -> o.put("stopCode", v));
        t.stoppedReason().ifPresent(v -> o.put("stoppedReason", v));
        return o;
    }

    /** The service a task belongs to, from its group ({@code service:NAME}, as ECS sets it). */
    static Optional<String> serviceName(Task t) {
        String group = t.spec().group();
        return group != null && group.startsWith("service:") ? Optional.of(group.substring("service:".length())) : Optional.empty();
    }

    static String revision(TaskDefinition td) {
        return td.family() + ":" + td.revision();
    }

    private static void loadBalancers(RegionState state, ObjectNode out) {
        Map<String, List<TargetGroup>> groupsByLb = new HashMap<>();
        ArrayNode unattached = out.putArray("targetGroups");
        for (TargetGroup g : state.elb().targetGroups().all()) {
            List<String> lbs = state.elb().targetGroups().loadBalancerArns(g);
            lbs.forEach(arn -> groupsByLb.computeIfAbsent(arn, k -> new ArrayList<>()).add(g));
            if (lbs.isEmpty()) {
                unattached.add(targetGroup(state, g));
            }
        }
        ArrayNode lbs = out.putArray("loadBalancers");
        Instant now = state.elb().now();
        for (LoadBalancer lb : state.elb().loadBalancers()) {
            ObjectNode o = lbs.addObject().put("arn", lb.arn()).put("name", lb.name()).put("type", lb.type()).put("scheme", lb.scheme())
                    .put("state", lb.state(now)).put("vpcId", lb.vpcId()).put("dnsName", lb.dnsName());
            TopologyView.strings(o.putArray("groups"), lb.securityGroups());
            ArrayNode nodes = o.putArray("nodes");
            lb.nodes().forEach(n -> nodes.addObject().put("subnetId", n.subnetId()).put("zone", n.zoneName())
                    .put("eniId", n.networkInterfaceId()).put("ip", n.privateIpv4Address()));
            ArrayNode listeners = o.putArray("listeners");
            state.elb().listeners().ofLoadBalancer(lb.arn()).forEach(l -> listeners.addObject().put("protocol", l.protocol()).put("port", l.port()));
            ArrayNode groups = o.putArray("targetGroups");
            groupsByLb.getOrDefault(lb.arn(), List.of()).forEach(g -> groups.add(targetGroup(state, g)));
        }
    }

    private static ObjectNode targetGroup(RegionState state, TargetGroup g) {
        ObjectNode o = JSON.createObjectNode().put("arn", g.arn()).put("name", g.name()).put("targetType", g.targetType());
        g.protocol().ifPresent(v -> o.put("protocol", v));
        g.port().ifPresent(v -> o.put("port", v));
        ArrayNode targets = o.putArray("targets");
        for (TargetHealthDescription d : state.elb().targetGroups().health(g.arn())) {
            ObjectNode t = targets.addObject().put("id", d.id()).put("port", d.port()).put("state", d.health().state());
            if (d.health().reason() != null) {
                t.put("reason", d.health().reason()).put("description", d.health().description());
            }
        }
        return o;
    }
}
