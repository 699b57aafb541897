package dev.ecsnet.api.ec2;

import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.net.NetworkAcl;
import dev.ecsnet.domain.net.NetworkAcls;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.Ec2XmlShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

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
        t.register("ReplaceNetworkAclAssociation", c -> ShapeWriter.ec2Xml().value("newAssociationId",
                acls(c).replaceAssociation(c.params().required("AssociationId"), c.params().required("NetworkAclId"))).answer());
    }

    private static NetworkAcls acls(Call c) {
        return c.state().network().acls();
    }

    private static RenderedAnswer ok(Runnable action) {
        action.run();
        return ShapeWriter.ec2Xml().value("return", true).answer();
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

    /**
     * A NetworkAcl: its entries (an IPv4 or IPv6 CIDR; ports for tcp and udp only, an ICMP type and code, -1 when
     * not given, for icmp and icmpv6 only), its subnet associations, tags and owner.
     */
    static ShapeWriter render(ShapeWriter o, NetworkAcl a) {
        o.value("networkAclId", a.id()).value("vpcId", a.vpcId()).value("default", a.isDefault());
        o.list("entrySet");
        for (NetworkAcl.Entry e : a.entries()) {
            o.item().value("ruleNumber", e.ruleNumber()).value("protocol", e.protocol())
                    .value("ruleAction", e.ruleAction()).value("egress", e.egress());
            if (e.isIpv6()) {
                o.value("ipv6CidrBlock", e.ipv6CidrBlock());
            } else {
                o.value("cidrBlock", e.cidrBlock());
            }
            if (e.fromPort() != null && (e.protocol().equals("6") || e.protocol().equals("17"))) {
                o.object("portRange").value("from", e.fromPort()).value("to", e.toPort()).end();
            }
            if (e.icmpType() != null && (e.protocol().equals("1") || e.protocol().equals("58"))) {
                o.object("icmpTypeCode").value("type", e.icmpType()).value("code", e.icmpCode() == null ? -1 : e.icmpCode()).end();
            }
            o.end();
        }
        o.end();
        o.list("associationSet");
        a.associations().forEach(x -> o.item().value("networkAclAssociationId", x.id()).value("networkAclId", x.networkAclId())
                .value("subnetId", x.subnetId()).end());
        o.end();
        Ec2Shapes.tagSet(o, a.tags());
        o.value("ownerId", a.ownerId());
        return o;
    }

    static RenderedAnswer create(Call call) {
        NetworkAcl a = acls(call).create(call.params().required("VpcId"), Ec2Shapes.tagsFor(call.params(), "network-acl"));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        render(out.object("networkAcl"), a).end();
        return out.answer();
    }

    static RenderedAnswer describe(Call call) {
        List<String> ids = call.params().strings("NetworkAclId");
        List<NetworkAcl> all = ids.isEmpty() ? List.copyOf(acls(call).all()) : ids.stream().distinct().map(acls(call)::get).toList();
        var page = Ec2Pages.page(FILTERS.apply(all, Ec2Filters.read(call.params(), "Filter")), call.params(), 5, 1000);
        return page.answer("networkAclSet", Ec2NetworkAclOps::render);
    }
}
