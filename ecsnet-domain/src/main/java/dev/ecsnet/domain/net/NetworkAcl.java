package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.Taggable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A network ACL: numbered allow/deny entries per direction, evaluated lowest number first, and its subnets. */
public final class NetworkAcl implements Taggable {
    private final String id;
    private final String vpcId;
    private final String ownerId;
    private final boolean isDefault;
    private final Map<String, String> tags = new LinkedHashMap<>();
    final List<Entry> entries = new ArrayList<>();
    final List<Association> associations = new ArrayList<>();

    /**
     * One entry, for IPv4 ({@code cidrBlock}) or IPv6 ({@code ipv6CidrBlock}) traffic, never both; rule 32767 (IPv4)
     * and 32768 (IPv6) are the final denies EC2 shows as {@code *}. Ports are null for protocol -1.
     */
    public record Entry(int ruleNumber, boolean egress, String protocol, String ruleAction, String cidrBlock,
                        String ipv6CidrBlock, Integer fromPort, Integer toPort, Integer icmpType, Integer icmpCode) {

        /** An IPv4 entry. */
        public Entry(int ruleNumber, boolean egress, String protocol, String ruleAction, String cidrBlock,
                     Integer fromPort, Integer toPort, Integer icmpType, Integer icmpCode) {
            this(ruleNumber, egress, protocol, ruleAction, cidrBlock, null, fromPort, toPort, icmpType, icmpCode);
        }

        public boolean isIpv6() {
            return ipv6CidrBlock != null;
        }
    }

    public record Association(String id, String networkAclId, String subnetId) {
    }

    NetworkAcl(String id, String vpcId, String ownerId, boolean isDefault) {
        this.id = id;
        this.vpcId = vpcId;
        this.ownerId = ownerId;
        this.isDefault = isDefault;
    }

    @Override
    public String id() {
        return id;
    }

    public String vpcId() {
        return vpcId;
    }

    public String ownerId() {
        return ownerId;
    }

    public boolean isDefault() {
        return isDefault;
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }

    /** Entries sorted as EC2 lists and evaluates them: by direction, then rule number. */
    public List<Entry> entries() {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> a.egress() != b.egress() ? Boolean.compare(a.egress(), b.egress()) : Integer.compare(a.ruleNumber(), b.ruleNumber()));
        return sorted;
    }

    public List<Association> associations() {
        return List.copyOf(associations);
    }
}
