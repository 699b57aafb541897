package dev.ecsnet.api.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Params;
import dev.ecsnet.protocol.ShapeWriter;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pieces shared by EC2 answers and requests: tag sets, TagSpecifications, timestamps. */
final class Ec2Shapes {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Ec2Shapes() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    /** The {@code tagSet} member: one item per tag, {@code key} and {@code value}. */
    static void tagSet(ShapeWriter out, Map<String, String> tags) {
        out.list("tagSet");
        tags.forEach((k, v) -> out.item().value("key", k).value("value", v).end());
        out.end();
    }

    /** The {@code groupSet} of security groups: each id with its group's name ("" once the group is gone). */
    static void groupSet(ShapeWriter out, dev.ecsnet.domain.net.Network net, java.util.List<String> groupIds) {
        out.list("groupSet");
        groupIds.forEach(g -> out.item().value("groupId", g).value("groupName", net.findSecurityGroup(g).map(x -> x.name()).orElse("")).end());
        out.end();
    }

    /**
     * Tags of the TagSpecifications for {@code resourceType}. A specification for a type the operation does not
     * create is refused as EC2 refuses it; {@code alsoCreated} names other types the operation does create (their
     * tags are accepted, and kept only where ecsnet models the resource).
     */
    static Map<String, String> tagsFor(Params params, String resourceType, String... alsoCreated) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Params spec : params.list("TagSpecification")) {
            String type = spec.string("ResourceType").orElse(resourceType);
            if (type.equals(resourceType)) {
                tags.putAll(tags(spec.list("Tag")));
            } else if (!java.util.Arrays.asList(alsoCreated).contains(type)) {
                throw dev.ecsnet.protocol.AwsError.badRequest("InvalidParameterValue",
                        "'" + type + "' is not a valid taggable resource type for this operation.");
            }
        }
        return tags;
    }

    static Map<String, String> tags(List<Params> tagList) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Params t : tagList) {
            String key = t.string("Key").orElse("");
            if (key.isEmpty()) {
                throw dev.ecsnet.protocol.AwsError.badRequest("InvalidParameterValue",
                        "Value ( '' ) for parameter Tag key is invalid. Tag key cannot be null or empty.");
            }
            tags.put(key, t.string("Value").orElse(""));
        }
        return tags;
    }
}
