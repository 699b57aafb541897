package dev.ecsnet.api.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.domain.ecs.AsgCapacityProvider;
import dev.ecsnet.domain.ecs.CapacityProviders;
import dev.ecsnet.domain.ecs.Cluster;
import dev.ecsnet.domain.ecs.ContainerInstance;
import dev.ecsnet.domain.ecs.Ecs;
import dev.ecsnet.domain.ecs.Service;
import dev.ecsnet.domain.ecs.Task;
import dev.ecsnet.domain.ecs.TaskLifecycle;

import java.util.List;

/** Clusters and capacity providers → the ECS {@code Cluster} and {@code CapacityProvider} output shapes. */
final class EcsClusterRender {
    private EcsClusterRender() {
    }

    /**
     * Which optional parts of a cluster to show: DescribeClusters' {@code include}; the calls that create or change
     * a cluster show all but the statistics.
     */
    record ClusterParts(boolean settings, boolean tags, boolean statistics, boolean configurations, boolean attachments) {
        static final ClusterParts ALL = new ClusterParts(true, true, false, true, true);

        static ClusterParts of(List<String> include) {
            return new ClusterParts(include.contains("SETTINGS"), include.contains("TAGS"), include.contains("STATISTICS"),
                    include.contains("CONFIGURATIONS"), include.contains("ATTACHMENTS"));
        }
    }

    static ObjectNode cluster(Ecs ecs, Cluster c, ClusterParts parts) {
        ObjectNode o = Call.object().put("clusterArn", c.arn()).put("clusterName", c.name()).put("status", c.status())
                .put("registeredContainerInstancesCount", (int) ecs.containerInstances().of(c).stream()
                        .filter(ci -> ci.status() != ContainerInstance.Status.INACTIVE).count())
                .put("runningTasksCount", ecs.runningTasksCount(c))
                .put("pendingTasksCount", ecs.pendingTasksCount(c)).put("activeServicesCount", ecs.services().activeCount(c));
        ArrayNode stats = o.putArray("statistics");
        if (parts.statistics()) {
            statistics(ecs, c, stats);
        }
        if (parts.tags()) {
            o.set("tags", EcsRender.tags(c.tags()));
        }
        if (parts.settings()) {
            ArrayNode settings = o.putArray("settings");
            c.settings().forEach((k, v) -> settings.addObject().put("name", k).put("value", v));
        }
        if (parts.configurations()) {
            c.configuration().ifPresent(doc -> o.set("configuration", EcsRender.MAPPER.valueToTree(doc)));
        }
        ArrayNode providers = o.putArray("capacityProviders");
        c.capacityProviders().forEach(providers::add);
        o.set("defaultCapacityProviderStrategy", EcsRender.strategy(c.defaultCapacityProviderStrategy()));
        if (parts.attachments()) {
            ArrayNode attachments = o.putArray("attachments");
            c.attachments().forEach(a -> attachments.addObject().put("id", a.id()).put("type", a.type()).put("status", a.status())
                    .putArray("details"));
        }
        c.attachmentsStatus().ifPresent(s -> o.put("attachmentsStatus", s));
        c.serviceConnectNamespaceArn().ifPresent(ns -> o.putObject("serviceConnectDefaults").put("namespace", ns));
        return o;
    }

    /** Task and service counts by launch type, as {@code include=STATISTICS} shows them. */
    private static void statistics(Ecs ecs, Cluster c, ArrayNode stats) {
        int[] fargate = new int[2];
        int[] ec2 = new int[2];
        for (Task t : ecs.tasksOf(c)) {
            int[] counts = t.spec().launchType().equals("FARGATE") ? fargate : ec2;
            if (t.lastStatus() == TaskLifecycle.RUNNING) {
                counts[0]++;
            } else if (t.lastStatus().isPending()) {
                counts[1]++;
            }
        }
        int[] fargateServices = new int[2];
        int[] ec2Services = new int[2];
        for (Service s : ecs.services().of(c)) {
            int[] counts = s.config().isFargate() ? fargateServices : ec2Services;
            if (s.status().equals(Service.ACTIVE)) {
                counts[0]++;
            } else if (s.status().equals(Service.DRAINING)) {
                counts[1]++;
            }
        }
        stat(stats, "runningFargateTasksCount", fargate[0]);
        stat(stats, "pendingFargateTasksCount", fargate[1]);
        stat(stats, "runningEC2TasksCount", ec2[0]);
        stat(stats, "pendingEC2TasksCount", ec2[1]);
        stat(stats, "activeFargateServiceCount", fargateServices[0]);
        stat(stats, "activeEC2ServiceCount", ec2Services[0]);
        stat(stats, "drainingFargateServiceCount", fargateServices[1]);
        stat(stats, "drainingEC2ServiceCount", ec2Services[1]);
    }

    private static void stat(ArrayNode stats, String name, int value) {
        stats.addObject().put("name", name).put("value", Integer.toString(value));
    }

    /** A capacity provider; tags only when asked for ({@code include=TAGS}); the Fargate ones have none. */
    static ObjectNode capacityProvider(CapacityProviders.CapacityProvider p, boolean withTags) {
        ObjectNode o = Call.object().put("capacityProviderArn", p.arn()).put("name", p.name()).put("status", p.status())
                .put("type", p.type());
        p.asg().ifPresent(asg -> {
            AsgCapacityProvider.Settings s = asg.settings();
            AsgCapacityProvider.Scaling m = s.managedScaling();
            ObjectNode g = o.putObject("autoScalingGroupProvider").put("autoScalingGroupArn", s.autoScalingGroupArn());
            g.putObject("managedScaling").put("status", m.status()).put("targetCapacity", m.targetCapacity())
                    .put("minimumScalingStepSize", m.minimumScalingStepSize()).put("maximumScalingStepSize", m.maximumScalingStepSize())
                    .put("instanceWarmupPeriod", m.instanceWarmupPeriod());
            g.put("managedTerminationProtection", s.managedTerminationProtection()).put("managedDraining", s.managedDraining());
            asg.updateStatus().ifPresent(u -> o.put("updateStatus", u));
            asg.updateStatusReason().ifPresent(r -> o.put("updateStatusReason", r));
        });
        if (withTags) {
            o.set("tags", EcsRender.tags(p.asg().map(AsgCapacityProvider::tags).orElse(java.util.Map.of())));
        }
        return o;
    }
}
