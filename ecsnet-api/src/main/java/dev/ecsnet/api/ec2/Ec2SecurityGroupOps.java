package dev.ecsnet.api.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        t.register("DescribeSecurityGroups", Ec2SecurityGroupOps::describeSecurityGroups);
        t.register("DeleteSecurityGroup", Ec2SecurityGroupOps::deleteSecurityGroup);
        t.register("AuthorizeSecurityGroupIngress", c -> authorize(c, false));
        t.register("AuthorizeSecurityGroupEgress", c -> authorize(c, true));
        t.register("RevokeSecurityGroupIngress", c -> revoke(c, false));
        t.register("RevokeSecurityGroupEgress", c -> revoke(c, true));
        t.register("UpdateSecurityGroupRuleDescriptionsIngress", c -> updateDescriptions(c, false));
        t.register("UpdateSecurityGroupRuleDescriptionsEgress", c -> updateDescriptions(c, true));
        t.register("DescribeSecurityGroupRules", Ec2SecurityGroupOps::describeSecurityGroupRules);
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

    static ObjectNode createSecurityGroup(Call call) {
        Params p = call.params();
        SecurityGroup g = call.state().network().createSecurityGroup(p.string("VpcId").orElse(null), p.required("GroupName"),
                p.required("GroupDescription"), Ec2Shapes.tagsFor(p, "security-group"));
        ObjectNode out = Ec2Shapes.object().put("return", true).put("groupId", g.id()).put("securityGroupArn", arn(call, g));
        if (!g.tags().isEmpty()) {
            out.set("tagSet", Ec2Shapes.tagSet(g.tags()));
        }
        return out;
    }

    static ObjectNode describeSecurityGroups(Call call) {
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
        ArrayNode set = Ec2Shapes.array();
        for (SecurityGroup g : page.items()) {
            ObjectNode o = set.addObject()
                    .put("ownerId", g.ownerId())
                    .put("groupId", g.id())
                    .put("groupName", g.name())
                    .put("groupDescription", g.description())
                    .put("vpcId", g.vpcId())
                    .put("securityGroupArn", arn(call, g));
            o.set("ipPermissions", permissions(g.ingress()));
            o.set("ipPermissionsEgress", permissions(g.egress()));
            o.set("tagSet", Ec2Shapes.tagSet(g.tags()));
        }
        ObjectNode out = Ec2Shapes.object();
        out.set("securityGroupInfo", set);
        page.putToken(out);
        return out;
    }

    /** EC2 groups rules with the same protocol and ports into one permission with several peers. */
    static ArrayNode permissions(Collection<SecurityGroupRule> rules) {
        Map<String, List<SecurityGroupRule>> byKey = new LinkedHashMap<>();
        for (SecurityGroupRule r : rules) {
            byKey.computeIfAbsent(r.protocol() + "/" + r.fromPort() + "/" + r.toPort(), k -> new ArrayList<>()).add(r);
        }
        ArrayNode out = Ec2Shapes.array();
        for (List<SecurityGroupRule> group : byKey.values()) {
            SecurityGroupRule first = group.get(0);
            ObjectNode p = out.addObject().put("ipProtocol", first.protocol());
            if (!first.protocol().equals("-1")) {
                p.put("fromPort", first.fromPort()).put("toPort", first.toPort());
            }
            ArrayNode groups = p.putArray("groups");
            ArrayNode v4 = p.putArray("ipRanges");
            ArrayNode v6 = p.putArray("ipv6Ranges");
            ArrayNode lists = p.putArray("prefixListIds");
            for (SecurityGroupRule r : group) {
                ObjectNode peer;
                if (r.cidrIpv4() != null) {
                    peer = v4.addObject().put("cidrIp", r.cidrIpv4());
                } else if (r.cidrIpv6() != null) {
                    peer = v6.addObject().put("cidrIpv6", r.cidrIpv6());
                } else if (r.prefixListId() != null) {
                    peer = lists.addObject().put("prefixListId", r.prefixListId());
                } else {
                    peer = groups.addObject().put("userId", r.groupOwnerId()).put("groupId", r.referencedGroupId());
                }
                if (r.description() != null) {
                    peer.put("description", r.description());
                }
            }
        }
        return out;
    }

    static ObjectNode deleteSecurityGroup(Call call) {
        Network net = call.state().network();
        String id = call.params().string("GroupId")
                .orElseGet(() -> net.securityGroupByName(null, call.params().required("GroupName")).id());
        net.deleteSecurityGroup(id);
        return Ec2Shapes.object().put("return", true).put("groupId", id);
    }

    private static String groupId(Call call) {
        Network net = call.state().network();
        return call.params().string("GroupId")
                .orElseGet(() -> net.securityGroupByName(null, call.params().required("GroupName")).id());
    }

    static ObjectNode authorize(Call call, boolean egress) {
        String groupId = groupId(call);
        List<IpPermission> permissions = readPermissions(call, groupId);
        List<SecurityGroupRule> added = call.state().network().authorize(groupId, egress, permissions,
                Ec2Shapes.tagsFor(call.params(), "security-group-rule"));
        ObjectNode out = Ec2Shapes.object().put("return", true);
        ArrayNode set = out.putArray("securityGroupRuleSet");
        added.forEach(r -> set.add(renderRule(call, r)));
        return out;
    }

    static ObjectNode revoke(Call call, boolean egress) {
        String groupId = groupId(call);
        List<IpPermission> permissions = readPermissions(call, groupId);
        List<String> ruleIds = call.params().strings("SecurityGroupRuleId");
        if (permissions.isEmpty() && ruleIds.isEmpty()) {
            throw AwsError.badRequest("MissingParameter", "The request must contain the parameter ipPermissions or securityGroupRuleIds");
        }
        List<IpPermission> unknown = call.state().network().revoke(groupId, egress, permissions, ruleIds);
        if (!unknown.isEmpty() && unknown.size() == permissions.size() && ruleIds.isEmpty()
                && unknown.stream().mapToInt(u -> u.peers().size()).sum() == permissions.stream().mapToInt(u -> u.peers().size()).sum()) {
            // nothing matched at all: EC2 refuses the call rather than answering with only unknown permissions
            throw AwsError.badRequest("InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
        }
        ObjectNode out = Ec2Shapes.object().put("return", true);
        if (!unknown.isEmpty()) {
            ArrayNode set = out.putArray("unknownIpPermissionSet");
            for (IpPermission u : unknown) {
                ObjectNode p = set.addObject().put("ipProtocol", u.protocol());
                if (u.fromPort() != null) {
                    p.put("fromPort", u.fromPort());
                }
                if (u.toPort() != null) {
                    p.put("toPort", u.toPort());
                }
                for (Peer peer : u.peers()) {
                    switch (peer.kind()) {
                        case CIDR_IPV4 -> p.withArray("ipRanges").addObject().put("cidrIp", peer.value());
                        case CIDR_IPV6 -> p.withArray("ipv6Ranges").addObject().put("cidrIpv6", peer.value());
                        case PREFIX_LIST -> p.withArray("prefixListIds").addObject().put("prefixListId", peer.value());
                        case GROUP -> p.withArray("groups").addObject().put("groupId", peer.value());
                        default -> throw new IllegalStateException();
                    }
                }
            }
        }
        return out;
    }

    static ObjectNode updateDescriptions(Call call, boolean egress) {
        String groupId = groupId(call);
        call.state().network().updateRuleDescriptions(groupId, egress, readPermissions(call, groupId));
        return Ec2Shapes.object().put("return", true);
    }

    /** Each named rule becomes the one permission its SecurityGroupRule member describes; the rule keeps its id. */
    static ObjectNode modifySecurityGroupRules(Call call) {
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
        return Ec2Shapes.object().put("return", true);
    }

    static ObjectNode describeSecurityGroupRules(Call call) {
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
        ArrayNode set = Ec2Shapes.array();
        page.items().forEach(r -> set.add(renderRule(call, r)));
        ObjectNode out = Ec2Shapes.object();
        out.set("securityGroupRuleSet", set);
        page.putToken(out);
        return out;
    }

    static ObjectNode renderRule(Call call, SecurityGroupRule r) {
        ObjectNode o = Ec2Shapes.object()
                .put("securityGroupRuleId", r.ruleId())
                .put("groupId", r.groupId())
                .put("groupOwnerId", r.groupOwnerId())
                .put("isEgress", r.egress())
                .put("ipProtocol", r.protocol())
                .put("fromPort", r.fromPort())
                .put("toPort", r.toPort());
        if (r.cidrIpv4() != null) {
            o.put("cidrIpv4", r.cidrIpv4());
        }
        if (r.cidrIpv6() != null) {
            o.put("cidrIpv6", r.cidrIpv6());
        }
        if (r.prefixListId() != null) {
            o.put("prefixListId", r.prefixListId());
        }
        if (r.referencedGroupId() != null) {
            ObjectNode ref = o.putObject("referencedGroupInfo").put("groupId", r.referencedGroupId()).put("userId", r.groupOwnerId());
            peered(call.state().network(), r).ifPresent(p -> ref.put("vpcId", p.peerOf(groupVpc(call.state().network(), r)))
                    .put("vpcPeeringConnectionId", p.id()));
        }
        if (r.description() != null) {
            o.put("description", r.description());
        }
        o.put("securityGroupRuleArn", "arn:aws:ec2:" + call.region() + ":" + r.groupOwnerId() + ":security-group-rule/" + r.ruleId());
        o.set("tagSet", Ec2Shapes.tagSet(r.tags()));
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
