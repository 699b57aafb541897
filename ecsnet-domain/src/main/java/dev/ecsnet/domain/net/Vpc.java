package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.ObservedTags;
import dev.ecsnet.domain.common.Taggable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A VPC with its primary IPv4 CIDR block, the secondary IPv4 and the IPv6 blocks associated since (disassociated ones
 * stay listed for a while, as in AWS). Mutable attributes change only through {@link Network}, on the engine thread.
 */
public final class Vpc implements Taggable {
    private final String id;
    private final List<VpcCidrBlock> cidrBlocks = new ArrayList<>();
    private final List<VpcIpv6CidrBlock> ipv6CidrBlocks = new ArrayList<>();
    private final String ownerId;
    private final boolean isDefault;
    private final String instanceTenancy;
    private String dhcpOptionsId;
    private final Map<String, String> tags = new ObservedTags();
    private boolean enableDnsSupport = true;
    private boolean enableDnsHostnames;
    private boolean enableNetworkAddressUsageMetrics;
    private String defaultSecurityGroupId;

    Vpc(String id, Cidr cidr, String cidrAssociationId, String ownerId, boolean isDefault, String instanceTenancy, String dhcpOptionsId) {
        this.id = id;
        this.cidrBlocks.add(new VpcCidrBlock(cidrAssociationId, cidr, CidrBlockState.ASSOCIATED));
        this.ownerId = ownerId;
        this.isDefault = isDefault;
        this.instanceTenancy = instanceTenancy;
        this.dhcpOptionsId = dhcpOptionsId;
        this.enableDnsHostnames = isDefault;
    }

    @Override
    public String id() {
        return id;
    }

    /** The primary IPv4 CIDR block, which cannot be disassociated. */
    public Cidr cidr() {
        return cidrBlocks.get(0).cidr();
    }

    public String cidrAssociationId() {
        return cidrBlocks.get(0).associationId();
    }

    /** Every IPv4 block as DescribeVpcs lists it, primary first. */
    public List<VpcCidrBlock> cidrBlocks() {
        return List.copyOf(cidrBlocks);
    }

    /** The IPv4 blocks subnets can use and the local routes cover. */
    public List<Cidr> associatedCidrs() {
        return cidrBlocks.stream().filter(b -> b.state() == CidrBlockState.ASSOCIATED).map(VpcCidrBlock::cidr).toList();
    }

    public List<VpcIpv6CidrBlock> ipv6CidrBlocks() {
        return List.copyOf(ipv6CidrBlocks);
    }

    /** The IPv6 blocks subnets can take /64s from. */
    public List<Ipv6Cidr> associatedIpv6Cidrs() {
        return ipv6CidrBlocks.stream().filter(b -> b.state() == CidrBlockState.ASSOCIATED).map(VpcIpv6CidrBlock::cidr).toList();
    }

    void addCidrBlock(VpcCidrBlock block) {
        cidrBlocks.add(block);
    }

    void addIpv6CidrBlock(VpcIpv6CidrBlock block) {
        ipv6CidrBlocks.add(block);
    }

    /** The IPv4 or IPv6 block with this association id. */
    public java.util.Optional<VpcCidrAssociation> association(String associationId) {
        return java.util.stream.Stream.concat(cidrBlocks.stream(), ipv6CidrBlocks.stream())
                .map(VpcCidrAssociation.class::cast)
                .filter(b -> b.associationId().equals(associationId)).findFirst();
    }

    /** Moves the block with this association id (IPv4 or IPv6) to {@code state}. */
    void setCidrBlockState(String associationId, CidrBlockState state) {
        cidrBlocks.replaceAll(b -> b.associationId().equals(associationId) ? b.withState(state) : b);
        ipv6CidrBlocks.replaceAll(b -> b.associationId().equals(associationId) ? b.withState(state) : b);
    }

    /** Forgets a disassociated block, as AWS stops listing it after a while. */
    void removeCidrBlock(String associationId) {
        cidrBlocks.removeIf(b -> b.associationId().equals(associationId));
        ipv6CidrBlocks.removeIf(b -> b.associationId().equals(associationId));
    }

    public String ownerId() {
        return ownerId;
    }

    public boolean isDefault() {
        return isDefault;
    }

    public String instanceTenancy() {
        return instanceTenancy;
    }

    /** The DHCP options set the VPC carries, or {@code default} for none. */
    public String dhcpOptionsId() {
        return dhcpOptionsId;
    }

    void setDhcpOptionsId(String id) {
        dhcpOptionsId = id;
    }

    public String state() {
        return "available";
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }

    public boolean enableDnsSupport() {
        return enableDnsSupport;
    }

    public boolean enableDnsHostnames() {
        return enableDnsHostnames;
    }

    public boolean enableNetworkAddressUsageMetrics() {
        return enableNetworkAddressUsageMetrics;
    }

    void setEnableDnsSupport(boolean value) {
        enableDnsSupport = value;
    }

    void setEnableDnsHostnames(boolean value) {
        enableDnsHostnames = value;
    }

    void setEnableNetworkAddressUsageMetrics(boolean value) {
        enableNetworkAddressUsageMetrics = value;
    }

    public String defaultSecurityGroupId() {
        return defaultSecurityGroupId;
    }

    void setDefaultSecurityGroupId(String id) {
        defaultSecurityGroupId = id;
    }
}
