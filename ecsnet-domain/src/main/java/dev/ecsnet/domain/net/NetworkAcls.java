package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Network ACLs of a region. Each VPC has a default ACL that allows everything (rule 100) before the final deny
 * (rule 32767); every subnet is associated with exactly one ACL, the default one unless replaced.
 */
public final class NetworkAcls {
    public static final int FINAL_RULE = 32767;
    /** The final deny of IPv6 traffic, shown in every ACL of a VPC with an IPv6 CIDR. */
    public static final int FINAL_IPV6_RULE = 32768;
    /** The rule the default ACL allows all IPv6 traffic with, as AWS numbers it. */
    static final int DEFAULT_IPV6_RULE = 101;

    private final Network network;
    private final IdSource ids;
    final Map<String, NetworkAcl> acls = new LinkedHashMap<>();

    NetworkAcls(Network network, IdSource ids) {
        this.network = network;
        this.ids = ids;
    }

    public Collection<NetworkAcl> all() {
        return acls.values();
    }

    public NetworkAcl get(String id) {
        NetworkAcl acl = acls.get(id);
        if (acl == null) {
            throw DomainException.notFound("InvalidNetworkAclID.NotFound", "The networkAcl ID '" + id + "' does not exist");
        }
        return acl;
    }

    public NetworkAcl forSubnet(String subnetId) {
        return acls.values().stream().filter(a -> a.associations.stream().anyMatch(x -> x.subnetId().equals(subnetId))).findFirst()
                .orElseThrow(() -> new IllegalStateException("subnet without a network ACL: " + subnetId));
    }

    NetworkAcl createDefault(Vpc vpc) {
        NetworkAcl acl = insert(vpc.id(), true);
        for (boolean egress : new boolean[] {false, true}) {
            acl.entries.add(new NetworkAcl.Entry(100, egress, "-1", "allow", "0.0.0.0/0", null, null, null, null));
        }
        return acl;
    }

    public NetworkAcl create(String vpcId, Map<String, String> tags) {
        String vpc = network.vpc(vpcId).id();
        network.gate().open();
        NetworkAcl acl = insert(vpc, false);
        acl.tags().putAll(tags);
        return acl;
    }

    private NetworkAcl insert(String vpcId, boolean isDefault) {
        NetworkAcl acl = new NetworkAcl(ids.resourceId("acl"), vpcId, network.accountId(), isDefault);
        for (boolean egress : new boolean[] {false, true}) {
            acl.entries.add(new NetworkAcl.Entry(FINAL_RULE, egress, "-1", "deny", "0.0.0.0/0", null, null, null, null));
        }
        acls.put(acl.id(), acl);
        if (!network.vpc(vpcId).associatedIpv6Cidrs().isEmpty()) {
            addIpv6Entries(acl);
        }
        return acl;
    }

    /**
     * A VPC got an IPv6 CIDR: as AWS does, its default ACL allows all IPv6 traffic (rule 101, unless that number is
     * taken) and every ACL of the VPC ends with the IPv6 final deny.
     */
    void enableIpv6(String vpcId) {
        acls.values().stream().filter(a -> a.vpcId().equals(vpcId)).forEach(this::addIpv6Entries);
    }

    private void addIpv6Entries(NetworkAcl acl) {
        for (boolean egress : new boolean[] {false, true}) {
            boolean taken = acl.entries.stream().anyMatch(e -> e.egress() == egress && e.ruleNumber() == DEFAULT_IPV6_RULE);
            boolean hasFinal = acl.entries.stream().anyMatch(e -> e.egress() == egress && e.ruleNumber() == FINAL_IPV6_RULE);
            if (acl.isDefault() && !taken && !hasFinal) {
                acl.entries.add(new NetworkAcl.Entry(DEFAULT_IPV6_RULE, egress, "-1", "allow", null, "::/0", null, null, null, null));
            }
            if (!hasFinal) {
                acl.entries.add(new NetworkAcl.Entry(FINAL_IPV6_RULE, egress, "-1", "deny", null, "::/0", null, null, null, null));
            }
        }
    }

    public void delete(String id) {
        NetworkAcl acl = get(id);
        if (acl.isDefault()) {
            throw DomainException.invalid("InvalidParameterValue", "cannot delete default network ACL " + id);
        }
        if (!acl.associations.isEmpty()) {
            throw DomainException.dependency("DependencyViolation", "The networkAcl '" + id + "' has dependencies and cannot be deleted.");
        }
        network.gate().open();
        acls.remove(id);
    }

    void associateWithDefault(Subnet subnet) {
        NetworkAcl def = acls.values().stream().filter(a -> a.vpcId().equals(subnet.vpcId()) && a.isDefault()).findFirst().orElseThrow();
        def.associations.add(new NetworkAcl.Association(ids.resourceId("aclassoc"), def.id(), subnet.id()));
    }

    void forgetSubnet(String subnetId) {
        acls.values().forEach(a -> a.associations.removeIf(x -> x.subnetId().equals(subnetId)));
    }

    boolean hasCustomAcls(String vpcId) {
        return acls.values().stream().anyMatch(a -> a.vpcId().equals(vpcId) && !a.isDefault());
    }

    void deleteVpcAcls(String vpcId) {
        acls.values().removeIf(a -> a.vpcId().equals(vpcId));
    }

    public String replaceAssociation(String associationId, String aclId) {
        NetworkAcl target = get(aclId);
        for (NetworkAcl acl : acls.values()) {
            for (NetworkAcl.Association a : acl.associations) {
                if (a.id().equals(associationId)) {
                    if (!acl.vpcId().equals(target.vpcId())) {
                        throw DomainException.invalid("InvalidParameterValue", "network ACL " + aclId + " belongs to a different network");
                    }
                    network.gate().open();
                    acl.associations.remove(a);
                    NetworkAcl.Association moved = new NetworkAcl.Association(ids.resourceId("aclassoc"), target.id(), a.subnetId());
                    target.associations.add(moved);
                    return moved.id();
                }
            }
        }
        throw DomainException.notFound("InvalidAssociationID.NotFound", "The association ID '" + associationId + "' does not exist");
    }

    public void createEntry(String aclId, NetworkAcl.Entry entry) {
        NetworkAcl acl = get(aclId);
        NetworkAcl.Entry e = validate(entry);
        if (acl.entries.stream().anyMatch(x -> x.egress() == e.egress() && x.ruleNumber() == e.ruleNumber())) {
            throw DomainException.conflict("NetworkAclEntryAlreadyExists", "The network acl entry identified by " + e.ruleNumber() + " already exists.");
        }
        network.gate().open();
        acl.entries.add(e);
    }

    public void replaceEntry(String aclId, NetworkAcl.Entry entry) {
        NetworkAcl acl = get(aclId);
        NetworkAcl.Entry e = validate(entry);
        int index = indexOf(acl, e.ruleNumber(), e.egress());
        network.gate().open();
        acl.entries.set(index, e);
    }

    public void deleteEntry(String aclId, int ruleNumber, boolean egress) {
        NetworkAcl acl = get(aclId);
        int index = indexOf(acl, ruleNumber, egress);
        network.gate().open();
        acl.entries.remove(index);
    }

    private static int indexOf(NetworkAcl acl, int ruleNumber, boolean egress) {
        for (int i = 0; i < acl.entries.size(); i++) {
            NetworkAcl.Entry e = acl.entries.get(i);
            if (e.ruleNumber() == ruleNumber && e.egress() == egress && ruleNumber != FINAL_RULE && ruleNumber != FINAL_IPV6_RULE) {
                return i;
            }
        }
        // EC2's text, as DeleteNetworkAclEntry answered it in hashicorp/terraform-provider-aws#12175
        throw DomainException.notFound("InvalidNetworkAclEntry.NotFound", "no " + (egress ? "egress" : "ingress") + " entry with number " + ruleNumber);
    }

    /**
     * Checks an entry and answers it with its CIDR in EC2's form: an IPv4 block with host bits set is made canonical
     * (botocore, CreateNetworkAclEntry {@code CidrBlock}); IPv6 entries are accepted in any VPC, as AWS does.
     */
    private static NetworkAcl.Entry validate(NetworkAcl.Entry e) {
        if (e.ruleNumber() < 1 || e.ruleNumber() > 32766) {
            throw DomainException.invalid("InvalidParameterValue", "Value (" + e.ruleNumber() + ") for parameter ruleNumber is invalid. Must be between 1 and 32766.");
        }
        if (!e.ruleAction().equals("allow") && !e.ruleAction().equals("deny")) {
            throw DomainException.invalid("InvalidParameterValue", "Value (" + e.ruleAction() + ") for parameter ruleAction is invalid.");
        }
        if (e.cidrBlock() == null && e.ipv6CidrBlock() == null) {
            throw DomainException.invalid("MissingParameter", "The request must contain the parameter cidrBlock or ipv6CidrBlock");
        }
        if (e.cidrBlock() != null && e.ipv6CidrBlock() != null) {
            throw DomainException.invalid("InvalidParameterCombination", "Only one of cidrBlock and ipv6CidrBlock may be specified.");
        }
        String v4 = null;
        String v6 = null;
        if (e.cidrBlock() != null) {
            v4 = Cidr.parseCanonical(e.cidrBlock()).map(Cidr::toString).orElseThrow(() -> DomainException.invalid("InvalidParameterValue",
                    "Value (" + e.cidrBlock() + ") for parameter cidrBlock is invalid. This is not a valid CIDR block."));
        } else {
            v6 = Ipv6Cidr.parse(e.ipv6CidrBlock()).map(Ipv6Cidr::toString).orElseThrow(() -> DomainException.invalid("InvalidParameterValue",
                    "Value (" + e.ipv6CidrBlock() + ") for parameter ipv6CidrBlock is invalid. This is not a valid IPv6 CIDR block."));
        }
        // ICMP, and ICMPv6 on an IPv6 block, need a type (botocore IcmpTypeCode; EC2's MissingParameter as users quote it)
        boolean icmp = e.protocol().equals("1") || e.protocol().equals("58") && v6 != null;
        if (icmp && e.icmpType() == null) {
            throw DomainException.invalid("MissingParameter", "The request must contain the parameter icmpTypeCode.type");
        }
        boolean ports = e.protocol().equals("6") || e.protocol().equals("17");
        if (ports && (e.fromPort() == null || e.toPort() == null)) {
            throw DomainException.invalid("InvalidParameterValue", "PortRange is required and must be specified for protocol " + e.protocol() + ".");
        }
        return new NetworkAcl.Entry(e.ruleNumber(), e.egress(), e.protocol(), e.ruleAction(), v4, v6, e.fromPort(), e.toPort(),
                e.icmpType(), e.icmpCode());
    }
}
