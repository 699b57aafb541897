package dev.ecsnet.api.ecs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.domain.ecs.AccountSettings;
import dev.ecsnet.domain.ecs.Task;
import dev.ecsnet.domain.ecs.TaskAttachment;
import dev.ecsnet.domain.ecs.TaskContainer;
import dev.ecsnet.domain.ecs.TaskDefinition;
import dev.ecsnet.protocol.ShapeWriter;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Domain objects → ECS output shapes (JSON member names exactly as the API model; timestamps as epoch seconds). */
final class EcsRender {
    /** Only converts between trees and plain maps; holds no state. */
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> DOCUMENT = new com.fasterxml.jackson.core.type.TypeReference<>() {
    };

    /** A client-sent JSON object as the plain maps and lists the domain keeps. */
    static Map<String, Object> document(com.fasterxml.jackson.databind.JsonNode node) {
        return MAPPER.convertValue(node, DOCUMENT);
    }

    /** The {@code cluster} parameter; absent or empty means the default cluster. */
    static Optional<String> cluster(dev.ecsnet.api.Params p) {
        return p.string("cluster").filter(s -> !s.isEmpty());
    }

    private EcsRender() {
    }

    static void time(ObjectNode o, String name, Instant at) {
        o.put(name, at.getEpochSecond() + at.getNano() / 1e9);
    }

    static void time(ObjectNode o, String name, Optional<Instant> at) {
        at.ifPresent(t -> time(o, name, t));
    }

    static ArrayNode tags(Map<String, String> tags) {
        ArrayNode a = MAPPER.createArrayNode();
        tags.forEach((k, v) -> a.addObject().put("key", k).put("value", v));
        return a;
    }

    static ObjectNode failure(String arn, String reason) {
        return Call.object().put("arn", arn).put("reason", reason);
    }

    static ArrayNode failures(java.util.List<dev.ecsnet.domain.ecs.LaunchResult.Failure> failures) {
        ArrayNode a = MAPPER.createArrayNode();
        failures.forEach(f -> a.add(failure(f.arn(), f.reason())));
        return a;
    }

    static ArrayNode strategy(java.util.List<dev.ecsnet.domain.ecs.CapacityProviderStrategyItem> items) {
        ArrayNode a = MAPPER.createArrayNode();
        items.forEach(i -> a.addObject().put("capacityProvider", i.capacityProvider()).put("weight", i.weight()).put("base", i.base()));
        return a;
    }

    static ObjectNode setting(AccountSettings.Setting s) {
        return Call.object().put("name", s.name()).put("value", s.value()).put("principalArn", s.principalArn()).put("type", s.type());
    }

    /** The client's document as sent (normalized), plus what ECS adds. */
    static ObjectNode taskDefinition(TaskDefinition td) {
        ObjectNode o = Call.object().put("taskDefinitionArn", td.arn());
        o.setAll((ObjectNode) MAPPER.valueToTree(td.document()));
        o.put("family", td.family()).put("revision", td.revision()).put("status", td.status());
        ArrayNode attrs = o.putArray("requiresAttributes");
        td.requiresAttributes().forEach(a -> attrs.addObject().put("name", a));
        ArrayNode compat = o.putArray("compatibilities");
        td.compatibilities().forEach(compat::add);
        time(o, "registeredAt", td.registeredAt());
        o.put("registeredBy", td.registeredBy());
        time(o, "deregisteredAt", td.deregisteredAt());
        time(o, "deleteRequestedAt", td.deleteRequestedAt());
        return o;
    }

    static ObjectNode task(Task t, boolean withTags) {
        return ShapeWriter.tree(o -> task(o, t, withTags));
    }

    static void time(ShapeWriter o, String name, Instant at) {
        o.value(name, at.getEpochSecond() + at.getNano() / 1e9);
    }

    static void time(ShapeWriter o, String name, Optional<Instant> at) {
        at.ifPresent(t -> time(o, name, t));
    }

    /** A Task's members, written once for DescribeTasks, RunTask, StopTask and the topology page's tree. */
    static ShapeWriter task(ShapeWriter o, Task t, boolean withTags) {
        Task.Spec s = t.spec();
        o.list("attachments");
        TaskAttachment a = t.attachment();
        if (t.hasNetworkInterface()) {
            o.item().value("id", a.id()).value("type", TaskAttachment.TYPE).value("status", a.status().name());
            o.list("details");
            a.details().forEach((k, v) -> o.item().value("name", k).value("value", v).end());
            o.end().end();
        }
        o.end();
        o.list("attributes").item().value("name", "ecs.cpu-architecture")
                .value("value", t.ec2().map(e -> e.containerInstance().instanceType().architecture()).orElse("x86_64")).end().end();
        o.value("availabilityZone", s.availabilityZone());
        o.value("capacityProviderName", s.capacityProviderName());
        o.value("clusterArn", s.cluster().arn());
        t.ec2().ifPresent(e -> o.value("containerInstanceArn", e.containerInstance().arn()));
        t.connectivity().ifPresent(c -> o.value("connectivity", c));
        time(o, "connectivityAt", t.connectivityAt());
        o.list("containers");
        for (TaskContainer c : t.containers()) {
            container(o.item(), t, c).end();
        }
        o.end();
        s.taskDefinition().cpu().ifPresent(v -> o.value("cpu", v));
        time(o, "createdAt", s.createdAt());
        o.value("desiredStatus", t.desiredStatus());
        o.value("enableExecuteCommand", s.enableExecuteCommand());
        time(o, "executionStoppedAt", t.executionStoppedAt());
        o.value("group", s.group());
        o.value("healthStatus", "UNKNOWN");
        o.value("lastStatus", t.lastStatus().name());
        o.value("launchType", s.launchType());
        s.taskDefinition().memory().ifPresent(v -> o.value("memory", v));
        overrides(o, t);
        if (t.ec2().isEmpty()) {
            o.value("platformVersion", "1.4.0");
            o.value("platformFamily", "Linux");
        }
        time(o, "pullStartedAt", t.pullStartedAt());
        time(o, "pullStoppedAt", t.pullStoppedAt());
        time(o, "startedAt", t.startedAt());
        s.startedBy().ifPresent(v -> o.value("startedBy", v));
        t.stopCode().ifPresent(v -> o.value("stopCode", v));
        time(o, "stoppedAt", t.stoppedAt());
        t.stoppedReason().ifPresent(v -> o.value("stoppedReason", v));
        time(o, "stoppingAt", t.stoppingAt());
        if (withTags) {
            tags(o, t.tags());
        }
        o.value("taskArn", t.arn());
        o.value("taskDefinitionArn", s.taskDefinition().arn());
        o.value("version", t.version());
        o.object("ephemeralStorage").value("sizeInGiB", 20).end();
        if (t.ec2().isEmpty()) {
            o.object("fargateEphemeralStorage").value("sizeInGiB", 20).end();
        }
        return o;
    }

    /** The {@code tags} member: one {@code key}/{@code value} object per tag. */
    static void tags(ShapeWriter o, Map<String, String> tags) {
        o.list("tags");
        tags.forEach((k, v) -> o.item().value("key", k).value("value", v).end());
        o.end();
    }

    /** A Failure item of the list being written. */
    static void failure(ShapeWriter o, String arn, String reason) {
        o.item().value("arn", arn).value("reason", reason).end();
    }

    private static ShapeWriter container(ShapeWriter o, Task t, TaskContainer c) {
        o.value("containerArn", c.arn()).value("taskArn", t.arn()).value("name", c.definition().name())
                .value("image", c.definition().image());
        c.runtimeId().ifPresent(v -> o.value("runtimeId", v));
        o.value("lastStatus", c.lastStatus());
        c.exitCode().ifPresent(v -> o.value("exitCode", v));
        o.list("networkBindings");
        t.ec2().ifPresent(e -> e.bindings().stream().filter(b -> b.containerName().equals(c.definition().name()))
                .forEach(b -> o.item().value("bindIP", "0.0.0.0").value("containerPort", b.containerPort())
                        .value("hostPort", b.hostPort()).value("protocol", b.protocol()).end()));
        o.end();
        o.list("networkInterfaces");
        t.privateIpv4Address().ifPresent(ip -> {
            o.item().value("attachmentId", t.attachment().id()).value("privateIpv4Address", ip);
            Optional.ofNullable(t.attachment().details().get("ipv6Address")).ifPresent(v6 -> o.value("ipv6Address", v6));
            o.end();
        });
        o.end();
        o.value("healthStatus", "UNKNOWN");
        o.value("cpu", Integer.toString(c.definition().cpu().orElse(0)));
        c.definition().memory().ifPresent(v -> o.value("memory", Integer.toString(v)));
        c.definition().memoryReservation().ifPresent(v -> o.value("memoryReservation", Integer.toString(v)));
        return o;
    }

    /** The overrides as sent; without any, ECS shows one empty override per container. */
    private static void overrides(ShapeWriter o, Task t) {
        Map<String, Object> sent = t.spec().overrides();
        o.object("overrides");
        sent.forEach(o::document);
        if (!sent.containsKey("containerOverrides")) {
            o.list("containerOverrides");
            t.containers().forEach(c -> o.item().value("name", c.definition().name()).end());
            o.end();
        }
        if (!sent.containsKey("inferenceAcceleratorOverrides")) {
            o.list("inferenceAcceleratorOverrides").end();
        }
        o.end();
    }
}
