package dev.ecsnet.api.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.net.NetworkAcl;
import dev.ecsnet.domain.net.NetworkAcls;
import dev.ecsnet.protocol.AwsError;

import java.util.List;
import java.util.Locale;

/** Network ACLs: the default ACL every VPC has, custom ACLs, their entries and subnet associations. */
final class Ec2NetworkAclOps {
    private Ec2NetworkAclOps() {
    }

    static void register(OperationTable t) {
        t.register("DescribeNetworkAcls", Ec2NetworkAclOps::describe);
        t.register("CreateNetworkAcl", Ec2NetworkAclOps::create);
        t.register("DeleteNetworkAcl", c -> ok(() -> acls(c).delete(c.params().required("NetworkAclId"))));
        t.register("CreateNetworkAclEntry", c -> ok(() -> acls(c).createEntry(c.params().required("NetworkAclId"), entry(c.params()))));
        t.register("ReplaceNetworkAclEntry", c -> ok(() -> acls(c).replaceEntry(c.params().required("NetworkAclId"), entry(c.params()))));
        t.register("DeleteNetworkAclEntry", c -> ok(() -> acls(c).deleteEntry(c.params().required("NetworkAclId"),
                c.params().integer("RuleNumber").orElseThrow(() -> AwsError.badRequest("MissingParameter", "The request must contain the parameter ruleNumber")),
                c.params().bool("Egress").orElse(false))));
        t.register("ReplaceNetworkAclAssociation", c -> Ec2Shapes.object().put("newAssociationId",
                acls(c).replaceAssociation(c.params().required("AssociationId"), c.params().required("NetworkAclId"))));
    }

    private static NetworkAcls acls(Call c) {
        return c.state().network().acls();
    }

    private static ObjectNode ok(Runnable action) {
        action.run();
        return Ec2Shapes.object().put("return", true);
    }

    /** ACL protocols travel as numbers; names are accepted as the CLI's users type them. */
    static String protocolNumber(String protocol) {
        return switch (protocol.toLowerCase(Locale.ROOT)) {
            case "all", "-1" -> "-1";
            case "tcp" -> "6";
            case "udp" -> "17";
            case "icmp" -> "1";
            default -> {
                if (!protocol.matches("\\d{1,3}")) {
                    throw AwsError.badRequest("InvalidParameterValue", "Invalid value '" + protocol + "' for IP protocol. Unknown protocol.");
                }
                yield protocol;
            }
        };
    }

    private static NetworkAcl.Entry entry(Params p) {
        Params ports = p.child("PortRange");
        Params icmp = p.child("Icmp");
        return new NetworkAcl.Entry(
                p.integer("RuleNumber").orElseThrow(() -> AwsError.badRequest("MissingParameter", "The request must contain the parameter ruleNumber")),
                p.bool("Egress").orElse(false), protocolNumber(p.required("Protocol")),
                p.required("RuleAction").toLowerCase(Locale.ROOT), p.string("CidrBlock").orElse(null),
                p.string("Ipv6CidrBlock").orElse(null), ports.integer("From").orElse(null), ports.integer("To").orElse(null),
                icmp.integer("Type").orElse(null), icmp.integer("Code").orElse(null));
    }

    private static final Ec2Filters<NetworkAcl> FILTERS = Ec2Filters.<NetworkAcl>taggable()
            .field("network-acl-id", NetworkAcl::id)
            .field("vpc-id", NetworkAcl::vpcId)
            .field("default", NetworkAcl::isDefault)
            .field("owner-id", NetworkAcl::ownerId)
            .multi("association.subnet-id", a -> a.associations().stream().map(NetworkAcl.Association::subnetId).toList())
            .multi("association.association-id", a -> a.associations().stream().map(NetworkAcl.Association::id).toList())
            .multi("association.network-acl-id", a -> a.associations().stream().map(NetworkAcl.Association::networkAclId).toList())
            .multi("entry.rule-number", a -> a.entries().stream().map(e -> String.valueOf(e.ruleNumber())).toList())
            .multi("entry.rule-action", a -> a.entries().stream().map(NetworkAcl.Entry::ruleAction).toList())
            .multi("entry.cidr", a -> a.entries().stream().map(NetworkAcl.Entry::cidrBlock).filter(java.util.Objects::nonNull).toList())
            .multi("entry.ipv6-cidr", a -> a.entries().stream().map(NetworkAcl.Entry::ipv6CidrBlock).filter(java.util.Objects::nonNull).toList())
            .multi("entry.egress", a -> a.entries().stream().map(e -> String.valueOf(e.egress())).toList())
            .multi("entry.protocol", a -> a.entries().stream().map(NetworkAcl.Entry::protocol).toList());

    static ObjectNode render(NetworkAcl a) {
        ObjectNode o = Ec2Shapes.object().put("networkAclId", a.id()).put("vpcId", a.vpcId()).put("default", a.isDefault());
        ArrayNode entries = o.putArray("entrySet");
        for (NetworkAcl.Entry e : a.entries()) {
            ObjectNode x = entries.addObject().put("ruleNumber", e.ruleNumber()).put("protocol", e.protocol())
                    .put("ruleAction", e.ruleAction()).put("egress", e.egress());
            if (e.isIpv6()) {
                x.put("ipv6CidrBlock", e.ipv6CidrBlock());
            } else {
                x.put("cidrBlock", e.cidrBlock());
            }
            if (e.fromPort() != null && (e.protocol().equals("6") || e.protocol().equals("17"))) {
                x.putObject("portRange").put("from", e.fromPort()).put("to", e.toPort());
            }
            if (e.icmpType() != null && (e.protocol().equals("1") || e.protocol().equals("58"))) {
                x.putObject("icmpTypeCode").put("type", e.icmpType()).put("code", e.icmpCode() == null ? -1 : e.icmpCode());
            }
        }
        ArrayNode assoc = o.putArray("associationSet");
        a.associations().forEach(x -> assoc.addObject().put("networkAclAssociationId", x.id()).put("networkAclId", x.networkAclId())
                .put("subnetId", x.subnetId()));
        o.set("tagSet", Ec2Shapes.tagSet(a.tags()));
        o.put("ownerId", a.ownerId());
        return o;
    }

    static ObjectNode create(Call call) {
        NetworkAcl a = acls(call).create(call.params().required("VpcId"), Ec2Shapes.tagsFor(call.params(), "network-acl"));
        ObjectNode out = Ec2Shapes.object();
        out.set("networkAcl", render(a));
        return out;
    }

    static ObjectNode describe(Call call) {
        List<String> ids = call.params().strings("NetworkAclId");
        List<NetworkAcl> all = ids.isEmpty() ? List.copyOf(acls(call).all()) : ids.stream().distinct().map(acls(call)::get).toList();
        var page = Ec2Pages.page(FILTERS.apply(all, Ec2Filters.read(call.params(), "Filter")), call.params(), 5, 1000);
        ArrayNode set = Ec2Shapes.array();
        page.items().forEach(a -> set.add(render(a)));
        ObjectNode out = Ec2Shapes.object();
        out.set("networkAclSet", set);
        page.putToken(out);
        return out;
    }
}
