package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.DomainException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import static dev.ecsnet.domain.ecs.EcsErrors.invalidParameter;

/**
 * TagResource, UntagResource and ListTagsForResource: an ECS ARN of this account and region names a cluster,
 * service, task, task definition, container instance, task set or capacity provider, and its tags change in
 * place. Services and tasks need the long ARN format (with the cluster name), as AWS requires for tagging.
 */
public final class EcsTags {
    static final int MAX_TAGS = 50;

    /** One taggable resource: its tags, and how to change them. */
    private record Target(Map<String, String> tags, Consumer<Map<String, String>> replace) {
    }

    private final Ecs ecs;

    EcsTags(Ecs ecs) {
        this.ecs = ecs;
    }

    public Map<String, String> listTagsForResource(String arn) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(target(arn, false).tags()));
    }

    /** Adds or overwrites tags; the others stay. */
    public void tagResource(String arn, Map<String, String> tags) {
        Target t = target(arn, true);
        check(tags);
        Map<String, String> next = new LinkedHashMap<>(t.tags());
        next.putAll(tags);
        if (next.keySet().stream().filter(k -> !isReserved(k)).count() > MAX_TAGS) {
            throw DomainException.invalid("LimitExceededException", "A resource can have at most " + MAX_TAGS + " tags.");
        }
        t.replace().accept(next);
    }

    /** Removes the keys; keys the resource does not have are ignored. */
    public void untagResource(String arn, List<String> keys) {
        Target t = target(arn, true);
        keys.forEach(EcsTags::checkKey);
        Map<String, String> next = new LinkedHashMap<>(t.tags());
        keys.forEach(next::remove);
        t.replace().accept(next);
    }

    /** The keys and values of tags a resource is created with or given. */
    static void check(Map<String, String> tags) {
        for (Map.Entry<String, String> e : tags.entrySet()) {
            checkKey(e.getKey());
            if (e.getValue().length() > 256) {
                throw invalidParameter("Tag values can have at most 256 characters.");
            }
        }
        if (tags.keySet().stream().filter(k -> !isReserved(k)).count() > MAX_TAGS) {
            throw DomainException.invalid("LimitExceededException", "A resource can have at most " + MAX_TAGS + " tags.");
        }
    }

    private static void checkKey(String key) {
        if (key.isEmpty() || key.length() > 128) {
            throw invalidParameter("Tag keys must have between 1 and 128 characters.");
        }
        if (isReserved(key)) {
            throw invalidParameter("Tag keys starting with 'aws:' are reserved for internal use.");
        }
    }

    private static boolean isReserved(String key) {
        return key.toLowerCase(Locale.ROOT).startsWith("aws:");
    }

    private static void replaceInto(Map<String, String> map, Map<String, String> next) {
        map.clear();
        map.putAll(next);
    }

    // ---- resolving an ARN -------------------------------------------------------------------------------------

    private Target target(String arn, boolean changing) {
        String prefix = ecs.arns().prefix();
        if (arn == null || !arn.startsWith(prefix) || arn.indexOf('/') < 0) {
            throw invalidArn();
        }
        String resource = arn.substring(prefix.length());
        String type = resource.substring(0, resource.indexOf('/'));
        String[] parts = resource.substring(type.length() + 1).split("/", -1);
        return switch (type) {
            case "cluster" -> {
                Cluster c = cluster(one(parts));
                yield new Target(c.tags(), next -> replaceInto(c.mutableTags(), next));
            }
            case "service" -> {
                Service s = ecs.services().find(cluster(longArn(parts, 2)[0]), parts[1]).filter(x -> !x.status().equals(Service.INACTIVE))
                        .orElseThrow(EcsTags::notFound);
                yield new Target(s.tags(), next -> replaceInto(s.mutableTags(), next));
            }
            case "task" -> {
                Task t = ecs.findTask(cluster(longArn(parts, 2)[0]), parts[1]).orElseThrow(EcsTags::notFound);
                yield new Target(t.tags(), next -> replaceInto(t.mutableTags(), next));
            }
            case "container-instance" -> {
                ContainerInstance ci = ecs.containerInstances().find(cluster(longArn(parts, 2)[0]), parts[1])
                        .filter(x -> x.status() != ContainerInstance.Status.INACTIVE).orElseThrow(EcsTags::notFound);
                yield new Target(ci.tags(), next -> replaceInto(ci.tags(), next));
            }
            case "task-definition" -> {
                TaskDefinition td = ecs.taskDefinitions().find(one(parts)).filter(x -> one(parts).contains(":"))
                        .orElseThrow(EcsTags::notFound);
                yield new Target(td.tags(), next -> ecs.taskDefinitions().retag(td, next));
            }
            case "task-set" -> {
                String[] p = longArn(parts, 4);
                Service s = ecs.services().find(cluster(p[0]), p[1]).orElseThrow(EcsTags::notFound);
                TaskSet ts = s.taskSet(p[2] + "/" + p[3]).orElseThrow(EcsTags::notFound);
                yield new Target(ts.tags(), next -> replaceInto(ts.mutableTags(), next));
            }
            case "capacity-provider" -> {
                CapacityProviders.CapacityProvider cp = ecs.capacityProviders().find(arn).orElseThrow(EcsTags::notFound);
                if (cp.asg().isPresent()) {
                    AsgCapacityProvider asg = cp.asg().get();
                    yield new Target(asg.tags(), next -> replaceInto(asg.mutableTags(), next));
                }
                if (changing) {
                    // the Fargate providers belong to AWS; the wording is ecsnet's
                    throw invalidParameter("The capacity provider " + one(parts) + " is managed by AWS: its tags cannot be changed.");
                }
                yield new Target(Map.of(), next -> {
                });
            }
            default -> throw invalidArn();
        };
    }

    private Cluster cluster(String name) {
        return ecs.findCluster(name).filter(Cluster::isActive).orElseThrow(EcsErrors::clusterNotFound);
    }

    private static String one(String[] parts) {
        if (parts.length != 1 || parts[0].isEmpty()) {
            throw invalidArn();
        }
        return parts[0];
    }

    /** The parts of a long ARN ({@code cluster/name...}); a short one is refused as AWS refuses it for tagging. */
    private static String[] longArn(String[] parts, int expected) {
        if (parts.length == 1 && !parts[0].isEmpty()) {
            throw invalidParameter("Long arn format must be used for tagging operations");
        }
        if (parts.length != expected || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
            throw invalidArn();
        }
        return parts;
    }

    private static DomainException invalidArn() {
        return invalidParameter("The ARN provided is invalid.");
    }

    private static DomainException notFound() {
        return DomainException.notFound("ResourceNotFoundException", "The specified resource could not be found.");
    }
}
