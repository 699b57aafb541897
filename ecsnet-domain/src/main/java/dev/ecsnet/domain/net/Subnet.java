package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.ObservedTags;
import dev.ecsnet.domain.common.Taggable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A subnet: an IPv4 CIDR inside one of its VPC's blocks, in one Availability Zone, with the pool that owns its
 * addresses; optionally an IPv6 /64 of its VPC with its own pool (dual stack).
 */
public final class Subnet implements Taggable {
    private final String id;
    private final String vpcId;
    private final Cidr cidr;
    private final AvailabilityZone zone;
    private final String ownerId;
    private final boolean defaultForAz;
    private final SubnetIpPool pool;
    /** Position in the network's creation order (what its indexes sort by). */
    private long creationOrder;
    private final Map<String, String> tags = new ObservedTags();
    private boolean mapPublicIpOnLaunch;
    private final List<SubnetIpv6CidrBlock> ipv6CidrBlocks = new ArrayList<>();
    private SubnetIpv6Pool ipv6Pool;
    private boolean assignIpv6AddressOnCreation;
    private boolean enableDns64;
    private boolean enableResourceNameDnsAAAARecordOnLaunch;

    Subnet(String id, String vpcId, Cidr cidr, AvailabilityZone zone, String ownerId, boolean defaultForAz, SubnetIpPool pool) {
        this.id = id;
        this.vpcId = vpcId;
        this.cidr = cidr;
        this.zone = zone;
        this.ownerId = ownerId;
        this.defaultForAz = defaultForAz;
        this.pool = pool;
        this.mapPublicIpOnLaunch = defaultForAz;
    }

    @Override
    public String id() {
        return id;
    }

    public String vpcId() {
        return vpcId;
    }

    public Cidr cidr() {
        return cidr;
    }

    public AvailabilityZone zone() {
        return zone;
    }

    public String ownerId() {
        return ownerId;
    }

    public boolean defaultForAz() {
        return defaultForAz;
    }

    public String arn() {
        return "arn:aws:ec2:" + zone.region() + ":" + ownerId + ":subnet/" + id;
    }

    public String state() {
        return "available";
    }

    /** Unused addresses, those in subnet CIDR reservations included (AWS's {@code AvailableIpAddressCount}). */
    public int availableIpAddressCount() {
        return pool.availableCount();
    }

    /** Unused addresses EC2 picks from by itself: outside every subnet CIDR reservation. */
    public int assignableIpAddressCount() {
        return pool.assignableCount();
    }

    long creationOrder() {
        return creationOrder;
    }

    void setCreationOrder(long value) {
        creationOrder = value;
    }

    SubnetIpPool pool() {
        return pool;
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }

    public boolean mapPublicIpOnLaunch() {
        return mapPublicIpOnLaunch;
    }

    void setMapPublicIpOnLaunch(boolean value) {
        mapPublicIpOnLaunch = value;
    }

    /** Every IPv6 block as DescribeSubnets lists it (a disassociated one stays listed for a while). */
    public List<SubnetIpv6CidrBlock> ipv6CidrBlocks() {
        return List.copyOf(ipv6CidrBlocks);
    }

    /** The /64 ENIs take IPv6 addresses from, while it is associated. */
    public Optional<Ipv6Cidr> ipv6Cidr() {
        return ipv6CidrBlocks.stream().filter(b -> b.state() == CidrBlockState.ASSOCIATED).map(SubnetIpv6CidrBlock::cidr).findFirst();
    }

    /** The IPv6 block being associated or associated, if any: a subnet holds one at a time. */
    Optional<SubnetIpv6CidrBlock> heldIpv6CidrBlock() {
        return ipv6CidrBlocks.stream().filter(b -> b.state().isHeld()).findFirst();
    }

    Optional<SubnetIpv6Pool> ipv6Pool() {
        return Optional.ofNullable(ipv6Pool);
    }

    /** The IPv6 pool a restored subnet had (see {@link NetworkSnapshots}). */
    void setIpv6Pool(SubnetIpv6Pool pool) {
        ipv6Pool = pool;
    }

    void addIpv6CidrBlock(SubnetIpv6CidrBlock block) {
        ipv6CidrBlocks.add(block);
    }

    /** Moves the IPv6 association to {@code state}; associated, it gets its address pool, leaving it, loses it. */
    void setIpv6CidrBlockState(String associationId, CidrBlockState state, SubnetIpv6Pool pool) {
        ipv6CidrBlocks.replaceAll(b -> b.associationId().equals(associationId) ? b.withState(state) : b);
        ipv6Pool = pool;
    }

    void removeIpv6CidrBlock(String associationId) {
        ipv6CidrBlocks.removeIf(b -> b.associationId().equals(associationId));
    }

    public boolean assignIpv6AddressOnCreation() {
        return assignIpv6AddressOnCreation;
    }

    void setAssignIpv6AddressOnCreation(boolean value) {
        assignIpv6AddressOnCreation = value;
    }

    public boolean enableDns64() {
        return enableDns64;
    }

    void setEnableDns64(boolean value) {
        enableDns64 = value;
    }

    public boolean enableResourceNameDnsAAAARecordOnLaunch() {
        return enableResourceNameDnsAAAARecordOnLaunch;
    }

    void setEnableResourceNameDnsAAAARecordOnLaunch(boolean value) {
        enableResourceNameDnsAAAARecordOnLaunch = value;
    }

    /** Whether the subnet has an associated IPv6 CIDR block (what dualstack load balancers need). */
    public boolean hasIpv6Cidr() {
        return ipv6Cidr().isPresent();
    }
}
