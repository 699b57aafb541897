package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.Taggable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One rule of a security group, as DescribeSecurityGroupRules lists it: one protocol and port range and exactly
 * one peer (IPv4 CIDR, IPv6 CIDR, prefix list or referenced group). Protocol is {@code -1} (all), {@code tcp},
 * {@code udp}, {@code icmp} or a protocol number; ports are -1 when the protocol has none. Every field is fixed but
 * the tags, which the rule owns and CreateTags/DeleteTags change (resource type {@code security-group-rule}); a
 * modified rule is a new record that takes its predecessor's id and tags.
 */
public record SecurityGroupRule(String ruleId, String groupId, String groupOwnerId, boolean egress, String protocol,
                                int fromPort, int toPort, String cidrIpv4, String cidrIpv6, String prefixListId,
                                String referencedGroupId, String description, Map<String, String> tags) implements Taggable {

    public SecurityGroupRule {
        tags = new LinkedHashMap<>(tags);
    }

    @Override
    public String id() {
        return ruleId;
    }

    /** Two rules are the same rule when direction, protocol, ports and peer match; the description does not count. */
    public boolean sameRuleAs(SecurityGroupRule other) {
        return egress == other.egress && protocol.equals(other.protocol) && fromPort == other.fromPort
                && toPort == other.toPort && Objects.equals(cidrIpv4, other.cidrIpv4)
                && Objects.equals(cidrIpv6, other.cidrIpv6) && Objects.equals(prefixListId, other.prefixListId)
                && Objects.equals(referencedGroupId, other.referencedGroupId);
    }

    /** The rule as stored: requested rules carry no id until the change that adds them draws one. */
    public SecurityGroupRule withRuleId(String id) {
        return new SecurityGroupRule(id, groupId, groupOwnerId, egress, protocol, fromPort, toPort, cidrIpv4,
                cidrIpv6, prefixListId, referencedGroupId, description, tags);
    }

    /** This rule's content under another rule's id and tags: what ModifySecurityGroupRules stores. */
    public SecurityGroupRule replacing(SecurityGroupRule old) {
        return new SecurityGroupRule(old.ruleId, groupId, groupOwnerId, egress, protocol, fromPort, toPort, cidrIpv4,
                cidrIpv6, prefixListId, referencedGroupId, description, old.tags);
    }

    public SecurityGroupRule withDescription(String newDescription) {
        return new SecurityGroupRule(ruleId, groupId, groupOwnerId, egress, protocol, fromPort, toPort, cidrIpv4,
                cidrIpv6, prefixListId, referencedGroupId, newDescription, tags);
    }

    /** The peer as EC2 names it in a duplicate-rule message. */
    public String peer() {
        if (cidrIpv4 != null) {
            return cidrIpv4;
        }
        if (cidrIpv6 != null) {
            return cidrIpv6;
        }
        return prefixListId != null ? prefixListId : referencedGroupId;
    }
}
