package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Security groups of a region and their rules: creation with the default allow-all egress rule, authorize and
 * revoke with AWS's duplicate and not-found answers, and the dependency checks that keep groups in use alive.
 */
public final class SecurityGroups {
    private final Network network;
    private final IdSource ids;
    final Map<String, SecurityGroup> groups = new LinkedHashMap<>();

    SecurityGroups(Network network, IdSource ids) {
        this.network = network;
        this.ids = ids;
    }


    public Collection<SecurityGroup> all() {
        return groups.values();
    }

    public SecurityGroup get(String id) {
        SecurityGroup sg = groups.get(id);
        if (sg == null) {
            if (!id.matches("sg-[0-9a-f]{8}([0-9a-f]{9})?")) {
                throw DomainException.invalid("InvalidGroupId.Malformed", "The security group ID '" + id + "' is malformed");
            }
            throw DomainException.notFound("InvalidGroup.NotFound", "The security group '" + id + "' does not exist");
        }
        return sg;
    }

    public Optional<SecurityGroup> find(String id) {
        return Optional.ofNullable(groups.get(id));
    }

    /** Finds a group by name in a VPC (the default VPC when {@code vpcId} is null), as GroupName parameters do. */
    public SecurityGroup byName(String vpcId, String name) {
        String vpc = vpcId != null ? vpcId : network.defaultVpc().map(Vpc::id).orElse("");
        return groups.values().stream().filter(g -> g.vpcId().equals(vpc) && g.name().equals(name)).findFirst()
                .orElseThrow(() -> DomainException.notFound("InvalidGroup.NotFound",
                        "The security group '" + name + "' does not exist in default VPC '" + vpc + "'"));
    }

    public SecurityGroup create(String vpcId, String name, String description, Map<String, String> tags) {
        String vpc = vpcId != null ? network.vpc(vpcId).id() : network.defaultVpc().map(Vpc::id).orElseThrow(() ->
                DomainException.invalid("VPCIdNotSpecified", "No default VPC for this user"));
        if (name == null || name.isEmpty() || name.length() > 255) {
            throw DomainException.invalid("InvalidParameterValue", "Value (" + name + ") for parameter GroupName is invalid. Length must be 1 to 255 characters.");
        }
        if (name.startsWith("sg-")) {
            throw DomainException.invalid("InvalidParameterValue", "Group names may not be in the format sg-*.");
        }
        if (name.equals("default")) {
            throw DomainException.invalid("InvalidGroup.Reserved", "The security group name 'default' is reserved");
        }
        if (description == null || description.isEmpty() || description.length() > 255) {
            throw DomainException.invalid("InvalidParameterValue", "Value (" + description + ") for parameter GroupDescription is invalid. Length must be 1 to 255 characters.");
        }
        if (groups.values().stream().anyMatch(g -> g.vpcId().equals(vpc) && g.name().equals(name))) {
            throw DomainException.conflict("InvalidGroup.Duplicate", "The security group '" + name + "' already exists for VPC '" + vpc + "'");
        }
        network.gate().open();
        SecurityGroup sg = insertSecurityGroup(vpc, name, description);
        sg.rules.add(rule(sg, true, "-1", -1, -1, "0.0.0.0/0", null, null, null, null));
        sg.tags().putAll(tags);
        return sg;
    }

    SecurityGroup insertSecurityGroup(String vpcId, String name, String description) {
        SecurityGroup sg = new SecurityGroup(ids.resourceId("sg"), name, description, vpcId, network.accountId());
        groups.put(sg.id(), sg);
        network.indexes().added(sg);
        if (sg.isDefault()) {
            sg.rules.add(rule(sg, true, "-1", -1, -1, "0.0.0.0/0", null, null, null, null));
        }
        return sg;
    }

    /** The default group of a VPC created with IPv6 also allows all egress to ::/0, as AWS's does. */
    void allowDefaultIpv6Egress(String groupId) {
        SecurityGroup sg = get(groupId);
        SecurityGroupRule r = rule(sg, true, "-1", -1, -1, null, "::/0", null, null, null);
        if (sg.rules.stream().noneMatch(x -> x.sameRuleAs(r))) {
            sg.rules.add(r);
        }
    }

    SecurityGroupRule rule(SecurityGroup sg, boolean egress, String protocol, int from, int to, String v4, String v6,
                                   String prefixList, String group, String description) {
        return new SecurityGroupRule(ids.resourceId("sgr"), sg.id(), network.accountId(), egress, protocol, from, to, v4, v6,
                prefixList, group, description, Map.of());
    }

    public void delete(String id) {
        SecurityGroup sg = get(id);
        if (sg.isDefault()) {
            throw DomainException.invalid("CannotDelete", "the specified group: \"" + id + "\" name: \"default\" cannot be deleted by a user");
        }
        boolean usedByEni = network.networkInterfaces().stream().anyMatch(n -> n.groupIds().contains(id));
        boolean referenced = groups.values().stream().filter(g -> !g.id().equals(id))
                .anyMatch(g -> g.rules.stream().anyMatch(r -> id.equals(r.referencedGroupId())));
        if (usedByEni || referenced) {
            throw DomainException.dependency("DependencyViolation", "resource " + id + " has a dependent object");
        }
        network.gate().open();
        network.indexes().removed(groups.remove(id));
    }

    /**
     * Adds rules, each tagged with {@code tags}; refuses the whole call if one of them exists already or is
     * malformed. Returns the new rules.
     */
    public List<SecurityGroupRule> authorize(String groupId, boolean egress, List<IpPermission> permissions, Map<String, String> tags) {
        SecurityGroup sg = get(groupId);
        List<SecurityGroupRule> added = new ArrayList<>();
        for (IpPermission p : permissions) {
            for (SecurityGroupRule r : expand(sg, egress, p)) {
                boolean exists = sg.rules.stream().anyMatch(x -> x.sameRuleAs(r)) || added.stream().anyMatch(x -> x.sameRuleAs(r));
                if (exists) {
                    throw DomainException.conflict("InvalidPermission.Duplicate",
                            "the specified rule \"peer: " + r.peer() + ", " + ruleLabel(r) + "ALLOW\" already exists");
                }
                added.add(r);
            }
        }
        network.gate().open();
        List<SecurityGroupRule> rules = added.stream().map(r -> r.withRuleId(ids.resourceId("sgr"))).toList();
        rules.forEach(r -> r.tags().putAll(tags));
        sg.rules.addAll(rules);
        return rules;
    }

    /** A rule of a group by id; a rule of another group is not found there, as EC2 answers. */
    private SecurityGroupRule ruleOf(SecurityGroup sg, String ruleId) {
        return sg.rules.stream().filter(x -> x.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> DomainException.notFound("InvalidSecurityGroupRuleId.NotFound",
                        "The security group rule ID '" + ruleId + "' does not exist"));
    }

    /** Any rule of the region by id (for tags). */
    public SecurityGroupRule rule(String ruleId) {
        for (SecurityGroup sg : groups.values()) {
            for (SecurityGroupRule r : sg.rules) {
                if (r.ruleId().equals(ruleId)) {
                    return r;
                }
            }
        }
        throw DomainException.notFound("InvalidSecurityGroupRuleId.NotFound", "The security group rule ID '" + ruleId + "' does not exist");
    }

    public List<SecurityGroupRule> allRules() {
        return groups.values().stream().flatMap(g -> g.rules.stream()).toList();
    }

    /**
     * ModifySecurityGroupRules: replaces each named rule of the group, in place, by one permission with exactly one
     * peer; the rule keeps its id, direction and tags. Refuses the whole call if a rule is not the group's, a
     * replacement is malformed, or it would duplicate another rule.
     */
    public void modifyRules(String groupId, Map<String, IpPermission> replacements) {
        SecurityGroup sg = get(groupId);
        List<SecurityGroupRule> updated = new ArrayList<>();
        for (Map.Entry<String, IpPermission> e : replacements.entrySet()) {
            SecurityGroupRule old = ruleOf(sg, e.getKey());
            if (e.getValue().peers().size() > 1) {
                throw DomainException.invalid("InvalidParameterCombination",
                        "Only one of CidrIpv4, CidrIpv6, PrefixListId and ReferencedGroupId may be specified for rule " + old.ruleId() + ".");
            }
            SecurityGroupRule replacement = expand(sg, old.egress(), e.getValue()).get(0).replacing(old);
            boolean duplicate = sg.rules.stream().anyMatch(x -> !replacements.containsKey(x.ruleId()) && x.sameRuleAs(replacement))
                    || updated.stream().anyMatch(x -> x.sameRuleAs(replacement));
            if (duplicate) {
                throw DomainException.conflict("InvalidPermission.Duplicate", "the specified rule \"peer: " + replacement.peer() + ", "
                        + ruleLabel(replacement) + "ALLOW\" already exists");
            }
            updated.add(replacement);
        }
        network.gate().open();
        for (SecurityGroupRule u : updated) {
            sg.rules.replaceAll(x -> x.ruleId().equals(u.ruleId()) ? u : x);
        }
    }

    /**
     * Removes rules named by permission or by rule id; unknown rule ids refuse the call. A permission that matches no
     * rule refuses it too ({@code InvalidPermission.NotFound}, nothing revoked), except in the default VPC, where the
     * rest is revoked and the unmatched part returned, as EC2's {@code unknownIpPermissionSet} (API reference,
     * RevokeSecurityGroupIngress: "For a default VPC, if the values you specify do not match the existing rule's
     * values, no error is returned ... For a non-default VPC ... an InvalidPermission.NotFound client error is
     * returned, and no rules are revoked").
     */
    public List<IpPermission> revoke(String groupId, boolean egress, List<IpPermission> permissions, List<String> ruleIds) {
        SecurityGroup sg = get(groupId);
        List<SecurityGroupRule> toRemove = new ArrayList<>();
        for (String ruleId : ruleIds) {
            SecurityGroupRule r = ruleOf(sg, ruleId);
            if (r.egress() != egress) {
                throw DomainException.notFound("InvalidSecurityGroupRuleId.NotFound", "The security group rule ID '" + ruleId + "' does not exist");
            }
            toRemove.add(r);
        }
        List<IpPermission> unknown = new ArrayList<>();
        for (IpPermission p : permissions) {
            List<SecurityGroupRule> wanted = expand(sg, egress, p);
            List<IpPermission.Peer> missing = new ArrayList<>();
            for (int i = 0; i < wanted.size(); i++) {
                SecurityGroupRule w = wanted.get(i);
                Optional<SecurityGroupRule> found = sg.rules.stream().filter(x -> x.sameRuleAs(w)).findFirst();
                if (found.isPresent()) {
                    toRemove.add(found.get());
                } else {
                    missing.add(p.peers().get(i));
                }
            }
            if (!missing.isEmpty()) {
                unknown.add(new IpPermission(p.protocol(), p.fromPort(), p.toPort(), missing));
            }
        }
        if (!unknown.isEmpty() && !network.findVpc(sg.vpcId()).map(Vpc::isDefault).orElse(false)) {
            throw DomainException.notFound("InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
        }
        network.gate().open();
        sg.rules.removeAll(toRemove);
        return unknown;
    }

    public void updateRuleDescriptions(String groupId, boolean egress, List<IpPermission> permissions) {
        SecurityGroup sg = get(groupId);
        List<SecurityGroupRule> updated = new ArrayList<>();
        for (IpPermission p : permissions) {
            for (SecurityGroupRule w : expand(sg, egress, p)) {
                SecurityGroupRule existing = sg.rules.stream().filter(x -> x.sameRuleAs(w)).findFirst().orElseThrow(() ->
                        DomainException.notFound("InvalidPermission.NotFound", "The specified rule does not exist in this security group."));
                updated.add(existing.withDescription(w.description()));
            }
        }
        network.gate().open();
        for (SecurityGroupRule u : updated) {
            sg.rules.replaceAll(x -> x.ruleId().equals(u.ruleId()) ? u : x);
        }
    }

    /**
     * How EC2 names a rule's protocol and ports in its duplicate-rule message: {@code TCP, from port: 22, to port:
     * 22, }, {@code ALL, } for -1, {@code protocol: 50, } for a protocol number without ports.
     */
    private static String ruleLabel(SecurityGroupRule r) {
        return switch (r.protocol()) {
            case "-1" -> "ALL, ";
            case "tcp", "udp", "icmp" -> r.protocol().toUpperCase(java.util.Locale.ROOT) + ", from port: " + r.fromPort()
                    + ", to port: " + r.toPort() + ", ";
            default -> "protocol: " + r.protocol() + ", ";
        };
    }

    private List<SecurityGroupRule> expand(SecurityGroup sg, boolean egress, IpPermission p) {
        String protocol = normalizeProtocol(p.protocol());
        int from;
        int to;
        switch (protocol) {
            case "-1" -> {
                from = -1;
                to = -1;
            }
            case "tcp", "udp" -> {
                if (p.fromPort() == null || p.toPort() == null) {
                    throw DomainException.invalid("InvalidParameterValue", "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.");
                }
                from = p.fromPort();
                to = p.toPort();
                for (int port : new int[] {from, to}) {
                    if (port < 0 || port > 65535) {
                        throw DomainException.invalid("InvalidPermission.Malformed", "TCP/UDP port (" + port + ") out of range");
                    }
                }
                if (from > to) {
                    throw DomainException.invalid("InvalidParameterValue", "Invalid port range (" + from + ", " + to + ") specified. Ports must be between 0 and 65535 and the from port must not be greater than the to port.");
                }
            }
            case "icmp" -> {
                if (p.fromPort() == null || p.toPort() == null) {
                    throw DomainException.invalid("InvalidParameterValue", "Invalid value for portRange. Must specify both from and to ports with ICMP.");
                }
                from = p.fromPort();
                to = p.toPort();
                if (from < -1 || from > 255 || to < -1 || to > 255) {
                    throw DomainException.invalid("InvalidParameterValue", "Invalid value for ICMP type (" + from + ") or code (" + to + ").");
                }
            }
            default -> {
                // other protocols have no ports: EC2 allows every port whatever the request says
                from = -1;
                to = -1;
            }
        }
        if (p.peers().isEmpty()) {
            throw DomainException.invalid("InvalidParameterValue", "The request must contain a source or destination (CIDR block, prefix list or security group).");
        }
        List<SecurityGroupRule> out = new ArrayList<>();
        for (IpPermission.Peer peer : p.peers()) {
            String v4 = null;
            String v6 = null;
            String pl = null;
            String group = null;
            switch (peer.kind()) {
                case CIDR_IPV4 -> {
                    v4 = Cidr.parse(peer.value()).map(Cidr::toString).orElseThrow(() -> DomainException.invalid("InvalidParameterValue",
                            "CIDR block " + peer.value() + " is malformed"));
                }
                case CIDR_IPV6 -> v6 = Ipv6Cidr.parse(peer.value()).map(Ipv6Cidr::toString).orElseThrow(() -> DomainException.invalid(
                        "InvalidParameterValue", "CIDR block " + peer.value() + " is malformed"));
                case PREFIX_LIST -> {
                    if (network.prefixLists().cidrs(peer.value()).isEmpty()) {
                        throw DomainException.notFound("InvalidPrefixListID.NotFound", "The prefix list (" + peer.value() + ") does not exist.");
                    }
                    pl = peer.value();
                }
                case GROUP -> {
                    SecurityGroup ref = get(peer.value());
                    boolean peered = network.peerings().activeBetween(sg.vpcId(), ref.vpcId()).isPresent();
                    if (!ref.vpcId().equals(sg.vpcId()) && !peered) {
                        throw DomainException.invalid("InvalidGroup.NotFound", "You have specified two resources that belong to different networks.");
                    }
                    group = ref.id();
                }
                default -> throw new IllegalStateException();
            }
            out.add(new SecurityGroupRule(null, sg.id(), network.accountId(), egress, protocol, from, to, v4, v6, pl, group,
                    peer.description(), Map.of()));
        }
        return out;
    }

    static String normalizeProtocol(String protocol) {
        if (protocol == null) {
            throw DomainException.invalid("MissingParameter", "The request must contain the parameter ipProtocol");
        }
        String p = protocol.toLowerCase(java.util.Locale.ROOT);
        return switch (p) {
            case "-1", "all" -> "-1";
            case "tcp", "6" -> "tcp";
            case "udp", "17" -> "udp";
            case "icmp", "1" -> "icmp";
            default -> {
                if (p.matches("\\d{1,3}") && Integer.parseInt(p) <= 255) {
                    yield p;
                }
                throw DomainException.invalid("InvalidParameterValue", "Invalid value '" + protocol + "' for IP protocol. Unknown protocol.");
            }
        };
    }

    boolean hasCustomGroups(String vpcId) {
        return groups.values().stream().anyMatch(g -> g.vpcId().equals(vpcId) && !g.isDefault());
    }

    void deleteVpcGroups(String vpcId) {
        groups.values().removeIf(g -> {
            if (g.vpcId().equals(vpcId)) {
                network.indexes().removed(g);
                return true;
            }
            return false;
        });
    }
}
