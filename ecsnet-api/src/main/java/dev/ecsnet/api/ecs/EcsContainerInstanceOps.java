package dev.ecsnet.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.ec2.Instance;
import dev.ecsnet.domain.ecs.Cluster;
import dev.ecsnet.domain.ecs.ContainerInstance;
import dev.ecsnet.domain.ecs.ContainerInstances;
import dev.ecsnet.domain.ecs.Ecs;
import dev.ecsnet.domain.ecs.LaunchResult;
import dev.ecsnet.domain.ecs.Task;
import dev.ecsnet.domain.ecs.TaskLaunch;
import dev.ecsnet.domain.ecs.placement.Expression;
import dev.ecsnet.protocol.AwsError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RegisterContainerInstance, DeregisterContainerInstance, DescribeContainerInstances, ListContainerInstances,
 * UpdateContainerInstancesState, PutAttributes, DeleteAttributes, ListAttributes, StartTask, DiscoverPollEndpoint.
 */
final class EcsContainerInstanceOps {
    private EcsContainerInstanceOps() {
    }

    static void register(OperationTable t) {
        t.register("RegisterContainerInstance", EcsContainerInstanceOps::registerContainerInstance);
        t.register("DeregisterContainerInstance", EcsContainerInstanceOps::deregisterContainerInstance);
        t.registerRead("DescribeContainerInstances", EcsContainerInstanceOps::describeContainerInstances);
        t.registerRead("ListContainerInstances", EcsContainerInstanceOps::listContainerInstances);
        t.register("UpdateContainerInstancesState", EcsContainerInstanceOps::updateContainerInstancesState);
        t.register("PutAttributes", EcsContainerInstanceOps::putAttributes);
        t.register("DeleteAttributes", EcsContainerInstanceOps::deleteAttributes);
        t.register("ListAttributes", EcsContainerInstanceOps::listAttributes);
        t.register("StartTask", EcsContainerInstanceOps::startTask);
        t.register("DiscoverPollEndpoint", EcsContainerInstanceOps::discoverPollEndpoint);
    }


    /**
     * The agent's first call: where to poll for work, send telemetry and fetch Service Connect configuration in the
     * caller's region (the shard number ECS picks is fixed at 1 here). A named cluster must exist.
     */
    private static ObjectNode discoverPollEndpoint(Call call) {
        Params p = call.params();
        EcsRender.cluster(p).ifPresent(c -> call.state().ecs().cluster(Optional.of(c)));
        String region = call.region();
        String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return Call.object().put("endpoint", "https://ecs-a-1." + region + "." + domain + "/")
                .put("telemetryEndpoint", "https://ecs-t-1." + region + "." + domain + "/")
                .put("serviceConnectEndpoint", "https://ecs-sc." + region + ".api.aws");
    }

    private static ContainerInstance find(Ecs ecs, Cluster cluster, String ref) {
        return ecs.containerInstances().find(cluster, ref).orElseThrow(() -> AwsError.badRequest("InvalidParameterException",
                "The referenced container instance " + ref + " was not found."));
    }

    /** The agent's call; the instance identity document names an instance ecsnet launched. */
    private static ObjectNode registerContainerInstance(Call call) {
        Params p = call.params();
        Ecs ecs = call.state().ecs();
        Cluster cluster = ecs.cluster(EcsRender.cluster(p));
        String doc = p.string("instanceIdentityDocument").orElseThrow(() -> AwsError.badRequest("InvalidParameterException",
                "instanceIdentityDocument can not be null or empty."));
        String instanceId;
        try {
            JsonNode node = EcsRender.MAPPER.readTree(doc);
            instanceId = node.path("instanceId").asText("");
        } catch (java.io.IOException e) {
            instanceId = "";
        }
        String id = instanceId;
        Instance instance = call.state().instances().find(id).orElseThrow(() -> AwsError.badRequest("InvalidParameterException",
                "Instance identity document is invalid: instance '" + id + "' was not found."));
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Params a : p.list("attributes")) {
            attributes.put(a.required("name"), a.string("value").orElse(null));
        }
        ContainerInstance ci = ecs.containerInstances().register(cluster, instance, true, attributes);
        ci.tags().putAll(p.keyValues("tags", "key", "value"));
        return Call.object().set("containerInstance", render(ecs, ci, true));
    }

    private static ObjectNode deregisterContainerInstance(Call call) {
        Params p = call.params();
        Ecs ecs = call.state().ecs();
        ContainerInstance ci = ecs.deregisterContainerInstance(EcsRender.cluster(p), p.required("containerInstance"), p.bool("force").orElse(false));
        return Call.object().set("containerInstance", render(ecs, ci, true));
    }

    private static ObjectNode describeContainerInstances(Call call) {
        Params p = call.params();
        Ecs ecs = call.state().ecs();
        Cluster cluster = ecs.cluster(EcsRender.cluster(p));
        List<String> refs = p.strings("containerInstances");
        if (refs.isEmpty()) {
            throw AwsError.badRequest("InvalidParameterException", "containerInstances can not be null or empty.");
        }
        if (refs.size() > 100) {
            throw AwsError.badRequest("InvalidParameterException", "containerInstances can have at most 100 items.");
        }
        boolean withTags = p.strings("include").contains("TAGS");
        ObjectNode out = Call.object();
        ArrayNode found = out.putArray("containerInstances");
        ArrayNode failures = out.putArray("failures");
        for (String ref : refs) {
            Optional<ContainerInstance> ci = ecs.containerInstances().find(cluster, ref);
            if (ci.isPresent()) {
                found.add(render(ecs, ci.get(), withTags));
            } else {
                failures.add(EcsRender.failure(ref.startsWith("arn:") ? ref : ecs.arns().containerInstance(cluster.name(), ref), "MISSING"));
            }
        }
        return out;
    }

    private static ObjectNode listContainerInstances(Call call) {
        Params p = call.params();
        Ecs ecs = call.state().ecs();
        Cluster cluster = ecs.cluster(EcsRender.cluster(p));
        Optional<String> status = p.string("status").filter(s -> !s.isEmpty());
        Optional<Expression> filter = p.string("filter").filter(s -> !s.isBlank()).map(Expression::parse);
        List<String> arns = new ArrayList<>();
        for (ContainerInstance ci : ecs.containerInstances().of(cluster)) {
            boolean statusOk = status.map(s -> s.equals(ci.status().name()))
                    .orElse(ci.status() != ContainerInstance.Status.INACTIVE);
            if (statusOk && filter.map(f -> f.matches(ci.host())).orElse(true)) {
                arns.add(ci.arn());
            }
        }
        ObjectNode out = Call.object();
        EcsPages.page(arns, p, 100, out, "containerInstanceArns");
        return out;
    }

    private static ObjectNode updateContainerInstancesState(Call call) {
        Params p = call.params();
        Ecs ecs = call.state().ecs();
        Cluster cluster = ecs.cluster(EcsRender.cluster(p));
        String status = p.required("status");
        ObjectNode out = Call.object();
        ArrayNode updated = out.putArray("containerInstances");
        ArrayNode failures = out.putArray("failures");
        for (String ref : p.strings("containerInstances")) {
            Optional<ContainerInstance> ci = ecs.containerInstances().find(cluster, ref);
            if (ci.isEmpty()) {
                failures.add(EcsRender.failure(ref.startsWith("arn:") ? ref : ecs.arns().containerInstance(cluster.name(), ref), "MISSING"));
                continue;
            }
            ecs.containerInstances().updateState(ci.get(), status);
            updated.add(render(ecs, ci.get(), false));
        }
        return out;
    }

    private static ContainerInstance target(Ecs ecs, Cluster cluster, Params attribute) {
        String type = attribute.string("targetType").orElse("container-instance");
        if (!type.equals("container-instance")) {
            throw AwsError.badRequest("InvalidParameterException", "targetType must be container-instance.");
        }
        String id = attribute.string("targetId").orElseThrow(() -> AwsError.badRequest("InvalidParameterException",
                "targetId can not be null or empty."));
        return ecs.containerInstances().find(cluster, id).orElseThrow(() -> AwsError.badRequest("TargetNotFoundException",
                "Could not find " + id + "."));
    }

    private static ObjectNode attribute(ContainerInstance ci, String name, String value) {
        ObjectNode a = Call.object().put("name", name);
        if (value != null) {
            a.put("value", value);
        }
        return a.put("targetType", "container-instance").put("targetId", ci.arn());
    }

    private static ObjectNode putAttributes(Call call) {
        Params p = call.params();
        Ecs ecs = call.state().ecs();
        Cluster cluster = ecs.cluster(EcsRender.cluster(p));
        List<Params> attrs = p.list("attributes");
        List<ContainerInstance> targets = attrs.stream().map(a -> target(ecs, cluster, a)).toList();
        ObjectNode out = Call.object();
        ArrayNode set = out.putArray("attributes");
        for (int i = 0; i < attrs.size(); i++) {
            String name = attrs.get(i).required("name");
            String value = attrs.get(i).string("value").orElse(null);
            ecs.containerInstances().putAttribute(targets.get(i), name, value);
            set.add(attribute(targets.get(i), name, value));
        }
        return out;
    }

    private static ObjectNode deleteAttributes(Call call) {
        Params p = call.params();
        Ecs ecs = call.state().ecs();
        Cluster cluster = ecs.cluster(EcsRender.cluster(p));
        ObjectNode out = Call.object();
        ArrayNode set = out.putArray("attributes");
        for (Params a : p.list("attributes")) {
            ContainerInstance ci = target(ecs, cluster, a);
            String name = a.required("name");
            String value = ci.attributes().get(name);
            ecs.containerInstances().deleteAttribute(ci, name);
            set.add(attribute(ci, name, value));
        }
        return out;
    }

    private static ObjectNode listAttributes(Call call) {
        Params p = call.params();
        Ecs ecs = call.state().ecs();
        Cluster cluster = ecs.cluster(EcsRender.cluster(p));
        if (!p.required("targetType").equals("container-instance")) {
            throw AwsError.badRequest("InvalidParameterException", "targetType must be container-instance.");
        }
        Optional<String> name = p.string("attributeName").filter(s -> !s.isEmpty());
        Optional<String> value = p.string("attributeValue").filter(s -> !s.isEmpty());
        if (value.isPresent() && name.isEmpty()) {
            throw AwsError.badRequest("InvalidParameterException", "attributeName must be specified when attributeValue is specified.");
        }
        List<ObjectNode> all = new ArrayList<>();
        for (ContainerInstance ci : ecs.containerInstances().of(cluster)) {
            if (ci.status() == ContainerInstance.Status.INACTIVE) {
                continue;
            }
            ci.attributes().forEach((k, v) -> {
                if (name.map(k::equals).orElse(true) && value.map(x -> x.equals(v)).orElse(true)) {
                    all.add(attribute(ci, k, v));
                }
            });
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            keys.add(Integer.toString(i));
        }
        ObjectNode scratch = Call.object();
        List<String> page = EcsPages.page(keys, p, 100, scratch, "x");
        ObjectNode out = Call.object();
        ArrayNode set = out.putArray("attributes");
        page.forEach(k -> set.add(all.get(Integer.parseInt(k))));
        if (scratch.has("nextToken")) {
            out.set("nextToken", scratch.get("nextToken"));
        }
        return out;
    }

    private static ObjectNode startTask(Call call) {
        Params p = call.params();
        TaskLaunch launch = EcsTaskOps.launchOf(p, 1);
        LaunchResult result = call.state().ecs().startTask(launch, p.strings("containerInstances"));
        return EcsTaskOps.launchOutput(call, result);
    }

    static ObjectNode render(Ecs ecs, ContainerInstance ci, boolean withTags) {
        ObjectNode o = Call.object().put("containerInstanceArn", ci.arn()).put("ec2InstanceId", ci.ec2InstanceId())
                .put("version", ci.version());
        o.putObject("versionInfo").put("agentVersion", ContainerInstance.AGENT_VERSION).put("agentHash", "a1d5e4c7")
                .put("dockerVersion", "DockerVersion: 25.0.8");
        ArrayNode remaining = o.putArray("remainingResources");
        remaining.add(intResource("CPU", ci.remainingCpu()));
        remaining.add(intResource("MEMORY", ci.remainingMemory()));
        remaining.add(ports("PORTS", ci.usedTcpPorts()));
        remaining.add(ports("PORTS_UDP", ci.usedUdpPorts()));
        ArrayNode registered = o.putArray("registeredResources");
        registered.add(intResource("CPU", ci.registeredCpu()));
        registered.add(intResource("MEMORY", ci.registeredMemory()));
        registered.add(ports("PORTS", new java.util.TreeSet<>(ContainerInstance.RESERVED_PORTS)));
        registered.add(ports("PORTS_UDP", java.util.Set.of()));
        o.put("status", ci.status().name());
        ci.statusReason().ifPresent(r -> o.put("statusReason", r));
        o.put("agentConnected", ci.status() != ContainerInstance.Status.INACTIVE);
        int running = 0;
        int pending = 0;
        for (Task t : ecs.tasksOf(ci.cluster())) {
            if (t.ec2().map(e -> e.containerInstance() == ci).orElse(false)) {
                if (t.lastStatus() == dev.ecsnet.domain.ecs.TaskLifecycle.RUNNING) {
                    running++;
                } else if (t.lastStatus().isPending()) {
                    pending++;
                }
            }
        }
        o.put("runningTasksCount", running).put("pendingTasksCount", pending);
        ArrayNode attrs = o.putArray("attributes");
        ci.attributes().forEach((k, v) -> {
            ObjectNode a = attrs.addObject().put("name", k);
            if (v != null) {
                a.put("value", v);
            }
        });
        EcsRender.time(o, "registeredAt", ci.registeredAt());
        ArrayNode attachments = o.putArray("attachments");
        ci.trunk().ifPresent(t -> {
            ObjectNode a = attachments.addObject().put("id", t.attachmentId()).put("type", "ElasticNetworkInterface")
                    .put("status", ci.status() == ContainerInstance.Status.INACTIVE ? "DELETED" : "ATTACHED");
            ArrayNode d = a.putArray("details");
            d.addObject().put("name", "subnetId").put("value", t.subnetId());
            d.addObject().put("name", "networkInterfaceId").put("value", t.networkInterfaceId());
            d.addObject().put("name", "macAddress").put("value", t.macAddress());
            d.addObject().put("name", "privateIPv4Address").put("value", t.privateIpAddress());
        });
        if (withTags) {
            o.set("tags", EcsRender.tags(ci.tags()));
        }
        return o;
    }

    private static ObjectNode intResource(String name, int value) {
        return Call.object().put("name", name).put("type", "INTEGER").put("doubleValue", 0.0).put("longValue", 0L).put("integerValue", value);
    }

    private static ObjectNode ports(String name, java.util.Set<Integer> ports) {
        ObjectNode o = Call.object().put("name", name).put("type", "STRINGSET").put("doubleValue", 0.0).put("longValue", 0L)
                .put("integerValue", 0);
        ArrayNode set = o.putArray("stringSetValue");
        ports.forEach(p -> set.add(Integer.toString(p)));
        return o;
    }

    static ContainerInstances instances(Call call) {
        return call.state().ecs().containerInstances();
    }
}
