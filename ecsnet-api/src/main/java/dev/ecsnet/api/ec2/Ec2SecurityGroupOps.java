package dev.ecsnet.api.ec2;

import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.net.IpPermission;
import dev.ecsnet.domain.net.IpPermission.Peer;
import dev.ecsnet.domain.net.IpPermission.PeerKind;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.SecurityGroup;
import dev.ecsnet.domain.net.SecurityGroupRule;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.Ec2XmlShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Security groups and their rules: create, describe, delete, authorize and revoke ingress/egress, rules listing. */
final class Ec2SecurityGroupOps {
    private Ec2SecurityGroupOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateSecurityGroup", Ec2SecurityGroupOps::createSecurityGroup);
        t.registerRead("DescribeSecurityGroups", Ec2SecurityGroupOps::describeSecurityGroups);
        t.register("DeleteSecurityGroup", Ec2SecurityGroupOps::deleteSecurityGroup);
        t.register("AuthorizeSecurityGroupIngress", c -> authorize(c, false));
        t.register("AuthorizeSecurityGroupEgress", c -> authorize(c, true));
        t.register("RevokeSecurityGroupIngress", c -> revoke(c, false));
        t.register("RevokeSecurityGroupEgress", c -> revoke(c, true));
        t.register("UpdateSecurityGroupRuleDescriptionsIngress", c -> updateDescriptions(c, false));
        t.register("UpdateSecurityGroupRuleDescriptionsEgress", c -> updateDescriptions(c, true));
        t.registerRead("DescribeSecurityGroupRules", Ec2SecurityGroupOps::describeSecurityGroupRules);
        t.register("ModifySecurityGroupRules", Ec2SecurityGroupOps::modifySecurityGroupRules);
    }

    private static final Ec2Filters<SecurityGroup> GROUP_FILTERS = Ec2Filters.<SecurityGroup>taggable()
            .field("group-id", SecurityGroup::id)
            .field("group-name", SecurityGroup::name)
            .field("description", SecurityGroup::description)
            .field("vpc-id", SecurityGroup::vpcId)
            .field("owner-id", SecurityGroup::ownerId)
            .multi("ip-permission.protocol", g -> ruleValues(g.ingress(), SecurityGroupRule::protocol))
            .multi("ip-permission.from-port", g -> ruleValues(g.ingress(), r -> String.valueOf(r.fromPort())))
            .multi("ip-permission.to-port", g -> ruleValues(g.ingress(), r -> String.valueOf(r.toPort())))
            .multi("ip-permission.cidr", g -> ruleValues(g.ingress(), SecurityGroupRule::cidrIpv4))
            .multi("ip-permission.group-id", g -> ruleValues(g.ingress(), SecurityGroupRule::referencedGroupId))
            .multi("ip-permission.ipv6-cidr", g -> ruleValues(g.ingress(), SecurityGroupRule::cidrIpv6))
            .multi("egress.ip-permission.ipv6-cidr", g -> ruleValues(g.egress(), SecurityGroupRule::cidrIpv6))
            .multi("egress.ip-permission.protocol", g -> ruleValues(g.egress(), SecurityGroupRule::protocol))
            .multi("egress.ip-permission.cidr", g -> ruleValues(g.egress(), SecurityGroupRule::cidrIpv4))
            .multi("egress.ip-permission.group-id", g -> ruleValues(g.egress(), SecurityGroupRule::referencedGroupId));

    private static final Ec2Filters<SecurityGroupRule> RULE_FILTERS = Ec2Filters.<SecurityGroupRule>taggable()
            .field("group-id", SecurityGroupRule::groupId)
            .field("security-group-rule-id", SecurityGroupRule::ruleId);

    private static List<String> ruleValues(List<SecurityGroupRule> rules, java.util.function.Function<SecurityGroupRule, String> f) {
        return rules.stream().map(f).filter(Objects::nonNull).toList();
    }

    static String arn(Call call, SecurityGroup g) {
        return "arn:aws:ec2:" + call.region() + ":" + g.ownerId() + ":security-group/" + g.id();
    }

    static RenderedAnswer createSecurityGroup(Call call) {
        Params p = call.params();
        SecurityGroup g = call.state().network().createSecurityGroup(p.string("VpcId").orElse(null), p.required("GroupName"),
                p.required("GroupDescription"), Ec2Shapes.tagsFor(p, "security-group"));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        out.value("return", true).value("groupId", g.id()).value("securityGroupArn", arn(call, g));
        if (!g.tags().isEmpty()) {
            Ec2Shapes.tagSet(out, g.tags());
        }
        return out.answer();
    }

    static RenderedAnswer describeSecurityGroups(Call call) {
        Network net = call.state().network();
        List<String> ids = call.params().strings("GroupId");
        List<String> names = call.params().strings("GroupName");
        List<SecurityGroup> groups = new ArrayList<>();
        if (ids.isEmpty() && names.isEmpty()) {
            groups.addAll(net.securityGroups());
        } else {
            ids.stream().distinct().map(net::securityGroup).forEach(groups::add);
            names.stream().distinct().map(n -> net.securityGroupByName(null, n)).forEach(groups::add);
        }
        var page = Ec2Pages.page(GROUP_FILTERS.apply(groups, Ec2Filters.read(call.params(), "Filter"), Map.of(),
                ids.isEmpty() && names.isEmpty() ? Ec2Filters.TagLookups.of(net.indexes().groupTags()) : null), call.params(), 5, 1000);
        return page.answer("securityGroupInfo", (o, g) -> {
            o.value("ownerId", g.ownerId())
                    .value("groupId", g.id())
                    .value("groupName", g.name())
                    .value("groupDescription", g.description())
                    .value("vpcId", g.vpcId())
                    .value("securityGroupArn", arn(call, g));
            permissions(o, net, "ipPermissions", g.ingress());
            permissions(o, net, "ipPermissionsEgress", g.egress());
            Ec2Shapes.tagSet(o, g.tags());
        });
    }

    /**
     * EC2 groups rules with the same protocol and ports into one permission with several peers: the four peer
     * lists, always written and in this order, each holding its peers in rule order; -1 (all) has no ports. A group
     * of a peered VPC also names its VPC, the peering connection and the peering's status (the UserIdGroupPair
     * members botocore gives "if applicable", as the AWS CLI's describe-stale-security-groups example shows them).
     */
    static void permissions(ShapeWriter out, Network net, String name, Collection<SecurityGroupRule> rules) {
        Map<String, List<SecurityGroupRule>> byKey = new LinkedHashMap<>();
        for (SecurityGroupRule r : rules) {
            byKey.computeIfAbsent(r.protocol() + "/" + r.fromPort() + "/" + r.toPort(), k -> new ArrayList<>()).add(r);
        }
        out.list(name);
        for (List<SecurityGroupRule> group : byKey.values()) {
            SecurityGroupRule first = group.get(0);
            out.item().value("ipProtocol", first.protocol());
            if (!first.protocol().equals("-1")) {
                out.value("fromPort", first.fromPort()).value("toPort", first.toPort());
            }
            for (PeerKind kind : new PeerKind[] {PeerKind.GROUP, PeerKind.CIDR_IPV4, PeerKind.CIDR_IPV6, PeerKind.PREFIX_LIST}) {
                out.list(peerList(kind));
                for (SecurityGroupRule r : group) {
                    if (peerKind(r) != kind) {
                        continue;
                    }
                    out.item();
                    if (kind == PeerKind.GROUP) {
                        out.value("userId", r.groupOwnerId());
                    }
                    out.value(peerMember(kind), r.peer()).value("description", r.description());
                    if (kind == PeerKind.GROUP) {
                        peered(net, r).ifPresent(p -> out.value("vpcId", p.peerOf(groupVpc(net, r)))
                                .value("vpcPeeringConnectionId", p.id()).value("peeringStatus", p.status().wireName()));
                    }
                    out.end();
                }
                out.end();
            }
            out.end();
        }
        out.end();
    }

    /** The kind of a rule's one peer: an IPv4 CIDR, else an IPv6 CIDR, else a prefix list, else a group. */
    private static PeerKind peerKind(SecurityGroupRule r) {
        if (r.cidrIpv4() != null) {
            return PeerKind.CIDR_IPV4;
        }
        if (r.cidrIpv6() != null) {
            return PeerKind.CIDR_IPV6;
        }
        return r.prefixListId() != null ? PeerKind.PREFIX_LIST : PeerKind.GROUP;
    }

    /** The member of an IpPermission that lists peers of {@code kind}. */
    private static String peerList(PeerKind kind) {
        return switch (kind) {
            case CIDR_IPV4 -> "ipRanges";
            case CIDR_IPV6 -> "ipv6Ranges";
            case PREFIX_LIST -> "prefixListIds";
            case GROUP -> "groups";
        };
    }

    /** The member of a peer of {@code kind} that names it. */
    private static String peerMember(PeerKind kind) {
        return switch (kind) {
            case CIDR_IPV4 -> "cidrIp";
            case CIDR_IPV6 -> "cidrIpv6";
            case PREFIX_LIST -> "prefixListId";
            case GROUP -> "groupId";
        };
    }

    static RenderedAnswer deleteSecurityGroup(Call call) {
        Network net = call.state().network();
        String id = call.params().string("GroupId")
                .orElseGet(() -> net.securityGroupByName(null, call.params().required("GroupName")).id());
        net.deleteSecurityGroup(id);
        return ShapeWriter.ec2Xml().value("return", true).value("groupId", id).answer();
    }

    private static String groupId(Call call) {
        Network net = call.state().network();
        return call.params().string("GroupId")
                .orElseGet(() -> net.securityGroupByName(null, call.params().required("GroupName")).id());
    }

    static RenderedAnswer authorize(Call call, boolean egress) {
        String groupId = groupId(call);
        List<IpPermission> permissions = readPermissions(call, groupId);
        List<SecurityGroupRule> added = call.state().network().authorize(groupId, egress, permissions,
                Ec2Shapes.tagsFor(call.params(), "security-group-rule"));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        out.value("return", true).list("securityGroupRuleSet");
        added.forEach(r -> renderRule(out.item(), call, r).end());
        return out.end().answer();
    }

    static RenderedAnswer revoke(Call call, boolean egress) {
        String groupId = groupId(call);
        List<IpPermission> permissions = readPermissions(call, groupId);
        List<String> ruleIds = call.params().strings("SecurityGroupRuleId");
        if (permissions.isEmpty() && ruleIds.isEmpty()) {
            throw AwsError.badRequest("MissingParameter", "The request must contain the parameter ipPermissions or securityGroupRuleIds");
        }
        // only a group of the default VPC answers unmatched permissions instead of refusing the call
        List<IpPermission> unknown = call.state().network().revoke(groupId, egress, permissions, ruleIds);
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        out.value("return", true);
        if (!unknown.isEmpty()) {
            out.list("unknownIpPermissionSet");
            for (IpPermission u : unknown) {
                out.item().value("ipProtocol", u.protocol());
                if (u.fromPort() != null) {
                    out.value("fromPort", u.fromPort());
                }
                if (u.toPort() != null) {
                    out.value("toPort", u.toPort());
                }
                // one list per peer kind present, in the order the kinds first appear, each peer with its value only
                Map<PeerKind, List<Peer>> byKind = new LinkedHashMap<>();
                u.peers().forEach(peer -> byKind.computeIfAbsent(peer.kind(), k -> new ArrayList<>()).add(peer));
                byKind.forEach((kind, peers) -> {
                    out.list(peerList(kind));
                    peers.forEach(peer -> out.item().value(peerMember(kind), peer.value()).end());
                    out.end();
                });
                out.end();
            }
            out.end();
        }
        return out.answer();
    }

    static RenderedAnswer updateDescriptions(Call call, boolean egress) {
        String groupId = groupId(call);
        call.state().network().updateRuleDescriptions(groupId, egress, readPermissions(call, groupId));
        return ShapeWriter.ec2Xml().value("return", true).answer();
    }

    /** Each named rule becomes the one permission its SecurityGroupRule member describes; the rule keeps its id. */
    static RenderedAnswer modifySecurityGroupRules(Call call) {
        String groupId = call.params().required("GroupId");
        Map<String, IpPermission> replacements = new LinkedHashMap<>();
        for (Params update : call.params().list("SecurityGroupRule")) {
            String ruleId = update.required("SecurityGroupRuleId");
            Params r = update.child("SecurityGroupRule");
            String description = r.string("Description").orElse(null);
            List<Peer> peers = new ArrayList<>();
            r.string("CidrIpv4").ifPresent(v -> peers.add(new Peer(PeerKind.CIDR_IPV4, v, description)));
            r.string("CidrIpv6").ifPresent(v -> peers.add(new Peer(PeerKind.CIDR_IPV6, v, description)));
            r.string("PrefixListId").ifPresent(v -> peers.add(new Peer(PeerKind.PREFIX_LIST, v, description)));
            r.string("ReferencedGroupId").ifPresent(v -> peers.add(new Peer(PeerKind.GROUP, v, description)));
            if (replacements.put(ruleId, new IpPermission(r.string("IpProtocol").orElse(null), r.integer("FromPort").orElse(null),
                    r.integer("ToPort").orElse(null), peers)) != null) {
                throw AwsError.badRequest("InvalidParameterValue", "The security group rule ID '" + ruleId + "' is specified more than once.");
            }
        }
        if (replacements.isEmpty()) {
            throw AwsError.badRequest("MissingParameter", "The request must contain the parameter SecurityGroupRules");
        }
        call.state().network().groups().modifyRules(groupId, replacements);
        return ShapeWriter.ec2Xml().value("return", true).answer();
    }

    static RenderedAnswer describeSecurityGroupRules(Call call) {
        Network net = call.state().network();
        List<String> ruleIds = call.params().strings("SecurityGroupRuleId");
        List<SecurityGroupRule> rules = new ArrayList<>();
        net.securityGroups().forEach(g -> rules.addAll(g.rules()));
        List<SecurityGroupRule> selected = ruleIds.isEmpty() ? rules
                : rules.stream().filter(r -> ruleIds.contains(r.ruleId())).toList();
        for (String id : ruleIds) {
            if (selected.stream().noneMatch(r -> r.ruleId().equals(id))) {
                throw AwsError.badRequest("InvalidSecurityGroupRuleId.NotFound", "The security group rule ID '" + id + "' does not exist");
            }
        }
        var page = Ec2Pages.page(RULE_FILTERS.apply(selected, Ec2Filters.read(call.params(), "Filter")), call.params(), 5, 1000);
        return page.answer("securityGroupRuleSet", (o, r) -> renderRule(o, call, r));
    }

    /** A SecurityGroupRule: ports always (-1 when the protocol has none), then its one peer. */
    static ShapeWriter renderRule(ShapeWriter o, Call call, SecurityGroupRule r) {
        o.value("securityGroupRuleId", r.ruleId())
                .value("groupId", r.groupId())
                .value("groupOwnerId", r.groupOwnerId())
                .value("isEgress", r.egress())
                .value("ipProtocol", r.protocol())
                .value("fromPort", r.fromPort())
                .value("toPort", r.toPort())
                .value("cidrIpv4", r.cidrIpv4())
                .value("cidrIpv6", r.cidrIpv6())
                .value("prefixListId", r.prefixListId());
        if (r.referencedGroupId() != null) {
            o.object("referencedGroupInfo").value("groupId", r.referencedGroupId()).value("userId", r.groupOwnerId());
            peered(call.state().network(), r).ifPresent(p -> o.value("vpcId", p.peerOf(groupVpc(call.state().network(), r)))
                    .value("vpcPeeringConnectionId", p.id()));
            o.end();
        }
        o.value("description", r.description())
                .value("securityGroupRuleArn", "arn:aws:ec2:" + call.region() + ":" + r.groupOwnerId() + ":security-group-rule/" + r.ruleId());
        Ec2Shapes.tagSet(o, r.tags());
        return o;
    }

    private static String groupVpc(Network net, SecurityGroupRule r) {
        return net.findSecurityGroup(r.groupId()).map(SecurityGroup::vpcId).orElse("");
    }

    /** The peering connection through which a rule references a group of another VPC, if it does. */
    static java.util.Optional<dev.ecsnet.domain.net.VpcPeeringConnection> peered(Network net, SecurityGroupRule r) {
        String own = groupVpc(net, r);
        return net.findSecurityGroup(r.referencedGroupId()).map(SecurityGroup::vpcId).filter(v -> !v.equals(own))
                .flatMap(v -> net.peerings().activeBetween(own, v));
    }

    /** IpPermissions.N, or the legacy top-level IpProtocol/FromPort/ToPort/CidrIp/SourceSecurityGroupName form. */
    static List<IpPermission> readPermissions(Call call, String groupId) {
        Params p = call.params();
        List<IpPermission> out = new ArrayList<>();
        for (Params perm : p.list("IpPermissions")) {
            List<Peer> peers = new ArrayList<>();
            for (Params r : perm.list("IpRanges")) {
                peers.add(new Peer(PeerKind.CIDR_IPV4, r.required("CidrIp"), r.string("Description").orElse(null)));
            }
            for (Params r : perm.list("Ipv6Ranges")) {
                peers.add(new Peer(PeerKind.CIDR_IPV6, r.required("CidrIpv6"), r.string("Description").orElse(null)));
            }
            for (Params r : perm.list("PrefixListIds")) {
                peers.add(new Peer(PeerKind.PREFIX_LIST, r.required("PrefixListId"), r.string("Description").orElse(null)));
            }
            for (Params r : perm.list("Groups")) {
                String ref = r.string("GroupId").orElseGet(() -> {
                    String vpc = call.state().network().securityGroup(groupId).vpcId();
                    return call.state().network().securityGroupByName(vpc, r.required("GroupName")).id();
                });
                peers.add(new Peer(PeerKind.GROUP, ref, r.string("Description").orElse(null)));
            }
            out.add(new IpPermission(perm.string("IpProtocol").orElse(null), perm.integer("FromPort").orElse(null),
                    perm.integer("ToPort").orElse(null), peers));
        }
        if (p.has("IpProtocol") || p.has("CidrIp") || p.has("SourceSecurityGroupName")) {
            List<Peer> peers = new ArrayList<>();
            p.string("CidrIp").ifPresent(c -> peers.add(new Peer(PeerKind.CIDR_IPV4, c, null)));
            p.string("SourceSecurityGroupName").ifPresent(n -> {
                String vpc = call.state().network().securityGroup(groupId).vpcId();
                peers.add(new Peer(PeerKind.GROUP, call.state().network().securityGroupByName(vpc, n).id(), null));
            });
            String protocol = p.string("IpProtocol").orElse(p.has("SourceSecurityGroupName") ? "-1" : null);
            out.add(new IpPermission(protocol, p.integer("FromPort").orElse(null), p.integer("ToPort").orElse(null), peers));
        }
        return out;
    }
}
