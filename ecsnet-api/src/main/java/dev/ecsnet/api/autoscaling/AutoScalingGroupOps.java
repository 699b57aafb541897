package dev.ecsnet.api.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.autoscaling.AutoScalingGroup;
import dev.ecsnet.domain.autoscaling.GroupInstance;
import dev.ecsnet.domain.autoscaling.GroupRequest;
import dev.ecsnet.domain.autoscaling.GroupSettings;
import dev.ecsnet.domain.autoscaling.GroupTag;
import dev.ecsnet.domain.autoscaling.LaunchTemplateSpec;
import dev.ecsnet.domain.autoscaling.LifecycleHookSpec;
import dev.ecsnet.protocol.AwsError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CreateAutoScalingGroup, UpdateAutoScalingGroup, DeleteAutoScalingGroup, DescribeAutoScalingGroups. */
final class AutoScalingGroupOps {
    /** Members AWS stores and answers that ecsnet keeps as given (see {@link GroupSettings#extras()}). */
    private static final List<String> EXTRAS = List.of("Context", "DesiredCapacityType", "MaxInstanceLifetime", "InstanceMaintenancePolicy",
            "DeletionProtection", "AvailabilityZoneDistribution", "AvailabilityZoneImpairmentPolicy", "CapacityReservationSpecification",
            "InstanceLifecyclePolicy");

    private AutoScalingGroupOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateAutoScalingGroup", AutoScalingGroupOps::createAutoScalingGroup);
        t.register("UpdateAutoScalingGroup", AutoScalingGroupOps::updateAutoScalingGroup);
        t.register("DeleteAutoScalingGroup", AutoScalingGroupOps::deleteAutoScalingGroup);
        t.register("DescribeAutoScalingGroups", AutoScalingGroupOps::describeAutoScalingGroups);
    }

    private static ObjectNode createAutoScalingGroup(Call call) {
        AutoScalingHandler.autoScaling(call).createGroup(request(call.params(), true));
        return Call.object();
    }

    private static ObjectNode updateAutoScalingGroup(Call call) {
        AutoScalingHandler.autoScaling(call).updateGroup(request(call.params(), false));
        return Call.object();
    }

    private static ObjectNode deleteAutoScalingGroup(Call call) {
        Params p = call.params();
        AutoScalingHandler.autoScaling(call).deleteGroup(p.required("AutoScalingGroupName"), p.bool("ForceDelete").orElse(false));
        return Call.object();
    }

    /** What ecsnet does not model is refused whole, with the reason, rather than stored without effect. */
    private static void refuseUnmodelled(Params p, boolean create) {
        if (p.string("LaunchConfigurationName").filter(s -> !s.isEmpty()).isPresent()) {
            String name = p.string("LaunchConfigurationName").get();
            throw AwsError.badRequest("ValidationError", "Launch configuration name not found - Launch configuration " + name + " not found");
        }
        refuse(p.has("MixedInstancesPolicy"), "ecsnet does not model MixedInstancesPolicy: give the group a LaunchTemplate");
        refuse(create && p.has("InstanceId"), "ecsnet does not create Auto Scaling groups from an instance (InstanceId): give the group a LaunchTemplate");
        refuse(!AutoScalingHandler.strings(p, "LoadBalancerNames").isEmpty() || !AutoScalingHandler.strings(p, "TargetGroupARNs").isEmpty()
                        || !p.list("TrafficSources").isEmpty(),
                "ecsnet does not register Auto Scaling instances with load balancers (LoadBalancerNames, TargetGroupARNs, TrafficSources)");
        refuse(p.string("PlacementGroup").filter(s -> !s.isEmpty()).isPresent(), "ecsnet does not model placement groups (PlacementGroup)");
        refuse(p.string("DesiredCapacityType").filter(t -> !t.isEmpty() && !"units".equals(t)).isPresent(),
                "DesiredCapacityType other than units needs a MixedInstancesPolicy with instance requirements, which ecsnet does not model");
    }

    private static void refuse(boolean condition, String message) {
        if (condition) {
            throw AwsError.badRequest("ValidationError", message);
        }
    }

    private static GroupRequest request(Params p, boolean create) {
        refuseUnmodelled(p, create);
        String name = p.required("AutoScalingGroupName");
        LaunchTemplateSpec template = null;
        if (p.has("LaunchTemplate")) {
            Params lt = p.child("LaunchTemplate");
            template = new LaunchTemplateSpec(lt.string("LaunchTemplateId").orElse(null), lt.string("LaunchTemplateName").orElse(null),
                    lt.string("Version").orElse(null));
        }
        List<String> zones = AutoScalingHandler.strings(p, "AvailabilityZones");
        List<String> zoneIds = AutoScalingHandler.strings(p, "AvailabilityZoneIds");
        List<LifecycleHookSpec> hooks = null;
        if (p.has("LifecycleHookSpecificationList")) {
            hooks = new ArrayList<>();
            for (Params h : p.list("LifecycleHookSpecificationList")) {
                hooks.add(new LifecycleHookSpec(h.required("LifecycleHookName"), h.required("LifecycleTransition"),
                        h.string("NotificationMetadata").orElse(null), h.integer("HeartbeatTimeout").orElse(3600),
                        h.string("DefaultResult").orElse("ABANDON"), h.string("NotificationTargetARN").orElse(null), h.string("RoleARN").orElse(null)));
            }
        }
        List<GroupTag> tags = null;
        if (p.has("Tags")) {
            tags = new ArrayList<>();
            for (Params t : p.list("Tags")) {
                String resource = t.string("ResourceId").orElse(name);
                if (!resource.equals(name) || !t.string("ResourceType").orElse("auto-scaling-group").equals("auto-scaling-group")) {
                    throw AwsError.badRequest("ValidationError", "The tags of a new group must name the group (" + name + ") and resource "
                            + "type auto-scaling-group.");
                }
                tags.add(new GroupTag(t.string("Key").orElse(""), t.string("Value").orElse(""), t.bool("PropagateAtLaunch").orElse(false)));
            }
        }
        Map<String, Object> extras = new LinkedHashMap<>();
        for (String member : EXTRAS) {
            if (p.node().hasNonNull(member)) {
                extras.put(member, member.equals("MaxInstanceLifetime") ? maxInstanceLifetime(p) : document(p.node().get(member)));
            }
        }
        return new GroupRequest(name, p.integer("MinSize").orElse(null), p.integer("MaxSize").orElse(null),
                p.integer("DesiredCapacity").orElse(null), template, p.string("VPCZoneIdentifier").orElse(null), zones.isEmpty() ? null : zones,
                zoneIds.isEmpty() ? null : zoneIds, p.string("HealthCheckType").orElse(null), p.integer("HealthCheckGracePeriod").orElse(null),
                p.integer("DefaultCooldown").orElse(null), p.integer("DefaultInstanceWarmup").orElse(null),
                p.bool("NewInstancesProtectedFromScaleIn").orElse(null), p.bool("CapacityRebalance").orElse(null),
                p.has("TerminationPolicies") ? AutoScalingHandler.strings(p, "TerminationPolicies") : null, hooks, tags,
                p.string("ServiceLinkedRoleARN").filter(s -> !s.isEmpty()).orElse(null), extras);
    }

    private static Integer maxInstanceLifetime(Params p) {
        int v = p.integer("MaxInstanceLifetime").orElseThrow();
        if (v != 0 && (v < 86_400 || v > 31_536_000)) {
            throw AwsError.badRequest("ValidationError", "The maximum instance lifetime must be 0 or between 86400 and 31536000 seconds.");
        }
        return v;
    }

    /** A request subtree as plain maps, lists and text, for members kept as given. */
    static Object document(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> out.put(e.getKey(), document(e.getValue())));
            return out;
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            n.forEach(x -> out.add(document(x)));
            return out;
        }
        return n.asText();
    }

    private static JsonNode tree(Object v) {
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = Call.object();
            m.forEach((k, x) -> o.set(k.toString(), tree(x)));
            return o;
        }
        if (v instanceof List<?> l) {
            ArrayNode a = Call.object().arrayNode();
            l.forEach(x -> a.add(tree(x)));
            return a;
        }
        return Call.object().textNode(String.valueOf(v));
    }

    private static ObjectNode describeAutoScalingGroups(Call call) {
        Params p = call.params();
        List<String> names = AutoScalingHandler.strings(p, "AutoScalingGroupNames");
        List<AutoScalingGroup> groups = new ArrayList<>();
        for (AutoScalingGroup g : AutoScalingHandler.autoScaling(call).groups()) {
            if ((names.isEmpty() || names.contains(g.name())) && AutoScalingTagOps.matchesGroupFilters(p, g)) {
                groups.add(g);
            }
        }
        boolean withInstances = p.bool("IncludeInstances").orElse(true);
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("AutoScalingGroups");
        AutoScalingHandler.page(p, groups, 50, 100, out).forEach(g -> list.add(group(g, withInstances)));
        return out;
    }

    private static ObjectNode launchTemplate(LaunchTemplateSpec t) {
        return Call.object().put("LaunchTemplateId", t.id()).put("LaunchTemplateName", t.name()).put("Version", t.version());
    }

    static ObjectNode group(AutoScalingGroup g, boolean withInstances) {
        GroupSettings s = g.settings();
        ObjectNode o = Call.object().put("AutoScalingGroupName", g.name()).put("AutoScalingGroupARN", g.arn());
        o.set("LaunchTemplate", launchTemplate(s.launchTemplate()));
        o.put("MinSize", g.minSize()).put("MaxSize", g.maxSize()).put("DesiredCapacity", g.desiredCapacity())
                .put("DefaultCooldown", s.defaultCooldown());
        AutoScalingHandler.putStrings(o, "AvailabilityZones", s.availabilityZones());
        o.putArray("LoadBalancerNames");
        o.putArray("TargetGroupARNs");
        o.put("HealthCheckType", s.healthCheckType()).put("HealthCheckGracePeriod", s.healthCheckGracePeriod());
        if (withInstances) {
            ArrayNode instances = o.putArray("Instances");
            g.instances().forEach(i -> instances.add(instance(i, false)));
        }
        o.put("CreatedTime", AutoScalingHandler.time(g.createdTime()));
        ArrayNode suspended = o.putArray("SuspendedProcesses");
        g.suspendedProcesses().forEach((process, reason) -> suspended.addObject().put("ProcessName", process).put("SuspensionReason", reason));
        s.vpcZoneIdentifier().ifPresent(v -> o.put("VPCZoneIdentifier", v));
        o.putArray("EnabledMetrics");
        g.status().ifPresent(st -> o.put("Status", st));
        ArrayNode tags = o.putArray("Tags");
        g.tags().forEach(t -> tags.add(AutoScalingTagOps.tag(g.name(), t)));
        AutoScalingHandler.putStrings(o, "TerminationPolicies", s.terminationPolicies());
        o.put("NewInstancesProtectedFromScaleIn", s.newInstancesProtectedFromScaleIn()).put("ServiceLinkedRoleARN", s.serviceLinkedRoleArn())
                .put("CapacityRebalance", s.capacityRebalance());
        s.instanceWarmup().ifPresent(w -> o.put("DefaultInstanceWarmup", w));
        o.putArray("TrafficSources");
        s.extras().forEach((k, v) -> o.set(k, tree(v)));
        return o;
    }

    /** An instance in a group ({@code Healthy}) or in DescribeAutoScalingInstances ({@code HEALTHY}), as AWS spells each. */
    static ObjectNode instance(GroupInstance i, boolean upperCaseHealth) {
        String health = i.healthy() ? "Healthy" : "Unhealthy";
        ObjectNode o = Call.object().put("InstanceId", i.instanceId()).put("InstanceType", i.instanceType())
                .put("AvailabilityZone", i.availabilityZone()).put("AvailabilityZoneId", i.availabilityZoneId())
                .put("LifecycleState", i.lifecycle().wireName())
                .put("HealthStatus", upperCaseHealth ? health.toUpperCase(java.util.Locale.ROOT) : health);
        o.set("LaunchTemplate", launchTemplate(i.launchTemplate()));
        o.put("ImageId", i.imageId()).put("ProtectedFromScaleIn", i.protectedFromScaleIn());
        return o;
    }
}
