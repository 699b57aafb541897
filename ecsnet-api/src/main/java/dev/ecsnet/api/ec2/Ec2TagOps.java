package dev.ecsnet.api.ec2;

import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.common.Taggable;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CreateTags, DeleteTags, DescribeTags over every taggable EC2 resource. */
final class Ec2TagOps {
    private Ec2TagOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateTags", Ec2TagOps::createTags);
        t.register("DeleteTags", Ec2TagOps::deleteTags);
        t.registerRead("DescribeTags", Ec2TagOps::describeTags);
    }

    /** The EC2 resource type name for an id, from its prefix. */
    static String resourceType(String id) {
        String prefix = id.substring(0, Math.max(0, id.lastIndexOf('-')));
        return switch (prefix) {
            case "vpc" -> "vpc";
            case "subnet" -> "subnet";
            case "sg" -> "security-group";
            case "sgr" -> "security-group-rule";
            case "eni" -> "network-interface";
            case "igw" -> "internet-gateway";
            case "eipalloc" -> "elastic-ip";
            case "nat" -> "natgateway";
            case "rtb" -> "route-table";
            case "vpce" -> "vpc-endpoint";
            case "acl" -> "network-acl";
            case "pl" -> "prefix-list";
            case "dopt" -> "dhcp-options";
            case "pcx" -> "vpc-peering-connection";
            case "i" -> "instance";
            case "lt" -> "launch-template";
            case "eigw" -> "egress-only-internet-gateway";
            default -> prefix;
        };
    }

    record TagRow(String resourceId, String resourceType, String key, String value) {
    }

    private static final Ec2Filters<TagRow> FILTERS = Ec2Filters.<TagRow>untagged()
            .field("resource-id", TagRow::resourceId)
            .field("resource-type", TagRow::resourceType)
            .field("key", TagRow::key)
            .field("value", TagRow::value);

    static RenderedAnswer createTags(Call call) {
        List<String> resources = call.params().strings("ResourceId");
        if (resources.isEmpty()) {
            throw AwsError.badRequest("MissingParameter", "The request must contain the parameter resourceIdSet");
        }
        Map<String, String> tags = Ec2Shapes.tags(call.params().list("Tag"));
        call.state().network().tags().create(resources, tags);
        return ShapeWriter.ec2Xml().value("return", true).answer();
    }

    static RenderedAnswer deleteTags(Call call) {
        List<String> resources = call.params().strings("ResourceId");
        if (resources.isEmpty()) {
            throw AwsError.badRequest("MissingParameter", "The request must contain the parameter resourceIdSet");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Params t : call.params().list("Tag")) {
            tags.put(t.required("Key"), t.string("Value").orElse(null));
        }
        call.state().network().tags().delete(resources, tags);
        return ShapeWriter.ec2Xml().value("return", true).answer();
    }

    static RenderedAnswer describeTags(Call call) {
        List<TagRow> rows = new ArrayList<>();
        for (Taggable t : call.state().network().tags().all()) {
            t.tags().forEach((k, v) -> rows.add(new TagRow(t.id(), resourceType(t.id()), k, v)));
        }
        var page = Ec2Pages.page(FILTERS.apply(rows, Ec2Filters.read(call.params(), "Filter")), call.params(), 5, 1000);
        return page.answer("tagSet", (o, r) -> o.value("resourceId", r.resourceId()).value("resourceType", r.resourceType())
                .value("key", r.key()).value("value", r.value()));
    }
}
