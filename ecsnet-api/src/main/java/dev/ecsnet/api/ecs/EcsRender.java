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
        Task.Spec s = t.spec();
        ObjectNode o = Call.object();
        ArrayNode attachments = o.putArray("attachments");
        TaskAttachment a = t.attachment();
        if (t.hasNetworkInterface()) {
            ObjectNode att = attachments.addObject().put("id", a.id()).put("type", TaskAttachment.TYPE).put("status", a.status().name());
            ArrayNode details = att.putArray("details");
            a.details().forEach((k, v) -> details.addObject().put("name", k).put("value", v));
        }
        o.putArray("attributes").addObject().put("name", "ecs.cpu-architecture")
                .put("value", t.ec2().map(e -> e.containerInstance().instanceType().architecture()).orElse("x86_64"));
        o.put("availabilityZone", s.availabilityZone());
        if (s.capacityProviderName() != null) {
            o.put("capacityProviderName", s.capacityProviderName());
        }
        o.put("clusterArn", s.cluster().arn());
        t.ec2().ifPresent(e -> o.put("containerInstanceArn", e.containerInstance().arn()));
        t.connectivity().ifPresent(c -> o.put("connectivity", c));
        time(o, "connectivityAt", t.connectivityAt());
        ArrayNode containers = o.putArray("containers");
        for (TaskContainer c : t.containers()) {
            containers.add(container(t, c));
        }
        s.taskDefinition().cpu().ifPresent(v -> o.put("cpu", v));
        time(o, "createdAt", s.createdAt());
        o.put("desiredStatus", t.desiredStatus());
        o.put("enableExecuteCommand", s.enableExecuteCommand());
        time(o, "executionStoppedAt", t.executionStoppedAt());
        o.put("group", s.group());
        o.put("healthStatus", "UNKNOWN");
        o.put("lastStatus", t.lastStatus().name());
        o.put("launchType", s.launchType());
        s.taskDefinition().memory().ifPresent(v -> o.put("memory", v));
        o.set("overrides", overrides(t));
        if (t.ec2().isEmpty()) {
            o.put("platformVersion", "1.4.0");
            o.put("platformFamily", "Linux");
        }
        time(o, "pullStartedAt", t.pullStartedAt());
        time(o, "pullStoppedAt", t.pullStoppedAt());
        time(o, "startedAt", t.startedAt());
        s.startedBy().ifPresent(v -> o.put("startedBy", v));
        t.stopCode().ifPresent(v -> o.put("stopCode", v));
        time(o, "stoppedAt", t.stoppedAt());
        t.stoppedReason().ifPresent(v -> o.put("stoppedReason", v));
        time(o, "stoppingAt", t.stoppingAt());
        if (withTags) {
            o.set("tags", tags(t.tags()));
        }
        o.put("taskArn", t.arn());
        o.put("taskDefinitionArn", s.taskDefinition().arn());
        o.put("version", t.version());
        o.putObject("ephemeralStorage").put("sizeInGiB", 20);
        if (t.ec2().isEmpty()) {
            o.putObject("fargateEphemeralStorage").put("sizeInGiB", 20);
        }
        return o;
    }

    private static ObjectNode container(Task t, TaskContainer c) {
        ObjectNode o = Call.object().put("containerArn", c.arn()).put("taskArn", t.arn()).put("name", c.definition().name())
                .put("image", c.definition().image());
        c.runtimeId().ifPresent(v -> o.put("runtimeId", v));
        o.put("lastStatus", c.lastStatus());
        c.exitCode().ifPresent(v -> o.put("exitCode", v));
        ArrayNode bindings = o.putArray("networkBindings");
        t.ec2().ifPresent(e -> e.bindings().stream().filter(b -> b.containerName().equals(c.definition().name()))
                .forEach(b -> bindings.addObject().put("bindIP", "0.0.0.0").put("containerPort", b.containerPort())
                        .put("hostPort", b.hostPort()).put("protocol", b.protocol())));
        ArrayNode nis = o.putArray("networkInterfaces");
        t.privateIpv4Address().ifPresent(ip -> {
            ObjectNode ni = nis.addObject().put("attachmentId", t.attachment().id()).put("privateIpv4Address", ip);
            Optional.ofNullable(t.attachment().details().get("ipv6Address")).ifPresent(v6 -> ni.put("ipv6Address", v6));
        });
        o.put("healthStatus", "UNKNOWN");
        o.put("cpu", Integer.toString(c.definition().cpu().orElse(0)));
        c.definition().memory().ifPresent(v -> o.put("memory", Integer.toString(v)));
        c.definition().memoryReservation().ifPresent(v -> o.put("memoryReservation", Integer.toString(v)));
        return o;
    }

    /** The overrides as sent; without any, ECS shows one empty override per container. */
    private static ObjectNode overrides(Task t) {
        ObjectNode o = MAPPER.valueToTree(t.spec().overrides());
        if (!o.has("containerOverrides")) {
            ArrayNode co = o.putArray("containerOverrides");
            t.containers().forEach(c -> co.addObject().put("name", c.definition().name()));
        }
        if (!o.has("inferenceAcceleratorOverrides")) {
            o.putArray("inferenceAcceleratorOverrides");
        }
        return o;
    }
}
