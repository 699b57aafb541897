package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.RandomStream;
import dev.ecsnet.domain.common.Timers;
import dev.ecsnet.domain.common.TimingProfile;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CIDR blocks of VPCs and subnets beyond the primary IPv4 one: secondary IPv4 blocks (AWS's fix for exhausted
 * subnets), Amazon-provided IPv6 /56s, and the /64 a subnet takes from them. Associations go associating →
 * associated and disassociating → disassociated on the clock, as AWS answers them; an associated block gets its
 * {@code local} route in every route table of the VPC (and, for IPv6, the default ACL's IPv6 entries), and a
 * disassociated one stays listed for a while.
 */
public final class VpcCidrs {
    /** AWS's default quota of IPv4 CIDR blocks per VPC, the primary one included. */
    public static final int IPV4_BLOCKS_PER_VPC = 5;
    /** Disassociated blocks stay in DescribeVpcs/DescribeSubnets about this long (users' observation of AWS). */
    static final Duration DISASSOCIATED_LISTED_FOR = Duration.ofMinutes(30);
    private static final String AMAZON_POOL = "Amazon";
    private static final Cidr RFC1918_10 = cidr("10.0.0.0/8");
    private static final Cidr RFC1918_172 = cidr("172.16.0.0/12");
    private static final Cidr RFC1918_192 = cidr("192.168.0.0/16");
    private static final Cidr BENCHMARK_198_19 = cidr("198.19.0.0/16");
    private static final Cidr TEN_SLASH_15 = cidr("10.0.0.0/15");
    private static final Cidr TEN_SLASH_16 = cidr("10.0.0.0/16");
    private static final Cidr DEFAULT_VPC_RANGE = cidr("172.31.0.0/16");
    /** Region → the /32 Amazon-provided /56s come from (data only, shaped like AWS's per-region allocations). */
    private static final Map<String, String> AMAZON_IPV6_BASES = Map.of(
            "us-east-1", "2600:1f18", "us-east-2", "2600:1f16", "us-west-1", "2600:1f1c", "us-west-2", "2600:1f14",
            "eu-west-1", "2a05:d018", "eu-west-2", "2a05:d01c", "eu-central-1", "2a05:d014",
            "ap-southeast-1", "2406:da18", "ap-southeast-2", "2406:da1c", "ap-northeast-1", "2406:da14");

    /** Timer kinds of VPC blocks (key: the VPC, args: the association). */
    private static final String VPC_ASSOCIATED = "ec2.vpc-cidr.associated";
    private static final String VPC_ASSOCIATED_AT_CREATION = "ec2.vpc-cidr.associated-at-creation";
    private static final String VPC_DISASSOCIATED = "ec2.vpc-cidr.disassociated";
    private static final String VPC_FORGOTTEN = "ec2.vpc-cidr.forgotten";
    /** Timer kinds of subnet IPv6 blocks (key: the subnet, args: the association). */
    private static final String SUBNET_ASSOCIATED = "ec2.subnet-cidr.associated";
    private static final String SUBNET_DISASSOCIATED = "ec2.subnet-cidr.disassociated";
    private static final String SUBNET_FORGOTTEN = "ec2.subnet-cidr.forgotten";

    private final Network network;
    private final IdSource ids;
    private final Timers timers;
    private final TimingProfile timing;
    final RandomStream ipv6Draws;
    final Set<Ipv6Cidr> issuedIpv6 = new LinkedHashSet<>();

    /** What an association call answers: the VPC or subnet and the block in its new state. */
    public record Change<T>(String ownerId, T block) {
    }

    VpcCidrs(Network network, IdSource ids, Timers timers, TimingProfile timing) {
        this.network = network;
        this.ids = ids;
        this.timers = timers;
        this.timing = timing;
        this.ipv6Draws = ids.derive("amazon-ipv6:" + network.region());
        timers.on(VPC_ASSOCIATED, (vpcId, associationId) -> associated(vpcId, associationId, false));
        timers.on(VPC_ASSOCIATED_AT_CREATION, (vpcId, associationId) -> associated(vpcId, associationId, true));
        timers.on(VPC_DISASSOCIATED, this::disassociated);
        timers.on(VPC_FORGOTTEN, (vpcId, associationId) -> network.findVpc(vpcId).ifPresent(v -> v.removeCidrBlock(associationId)));
        timers.on(SUBNET_ASSOCIATED, this::subnetAssociated);
        timers.on(SUBNET_DISASSOCIATED, this::subnetDisassociated);
        timers.on(SUBNET_FORGOTTEN, (subnetId, associationId) -> network.findSubnet(subnetId).ifPresent(s -> s.removeIpv6CidrBlock(associationId)));
    }

    private static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow();
    }

    // ---- VPC IPv4 blocks ---------------------------------------------------------------------------------------

    /** AssociateVpcCidrBlock with {@code CidrBlock}: AWS's size, overlap, range and quota rules. */
    public VpcCidrBlock associateIpv4(String vpcId, String cidrBlock) {
        Vpc vpc = network.vpc(vpcId);
        Cidr cidr = Cidr.parse(cidrBlock).orElseThrow(() -> DomainException.invalid("InvalidParameterValue",
                "Value (" + cidrBlock + ") for parameter cidrBlock is invalid. This is not a valid CIDR block."));
        if (cidr.prefixLength() < 16 || cidr.prefixLength() > 28) {
            throw DomainException.invalid("InvalidVpc.Range", "The CIDR '" + cidr + "' is invalid.");
        }
        List<VpcCidrBlock> held = vpc.cidrBlocks().stream().filter(b -> b.state().isHeld()).toList();
        if (held.size() >= IPV4_BLOCKS_PER_VPC) {
            throw DomainException.invalid("CidrLimitExceeded", "This network '" + vpcId + "' has met its maximum number of allowed CIDRs: "
                    + IPV4_BLOCKS_PER_VPC);
        }
        if (restricted(vpc.cidr(), cidr)) {
            throw DomainException.invalid("InvalidVpc.Range", "The CIDR '" + cidr + "' is restricted. Use a CIDR from the same private "
                    + "address range as the current VPC CIDR, or use a publicly-routable CIDR. For additional restrictions, see "
                    + "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html");
        }
        for (VpcCidrBlock b : held) {
            if (b.cidr().overlaps(cidr)) {
                throw DomainException.invalid("InvalidVpc.Range", "The CIDR '" + cidr + "' overlaps with the CIDR block '" + b.cidr()
                        + "' of " + vpcId + ".");
            }
        }
        for (RouteTable t : network.routeTables().all()) {
            for (Route r : t.routes()) {
                Optional<Cidr> dest = Cidr.parse(r.destinationCidrBlock());
                if (t.vpcId().equals(vpcId) && r.kind() != Route.TargetKind.LOCAL && dest.isPresent() && cidr.contains(dest.get())) {
                    throw DomainException.invalid("InvalidVpc.Range", "The CIDR '" + cidr + "' is the same as or larger than the "
                            + "destination " + dest.get() + " of a route in " + t.id() + ".");
                }
            }
        }
        network.gate().open();
        VpcCidrBlock block = new VpcCidrBlock(ids.resourceId("vpc-cidr-assoc"), cidr, CidrBlockState.ASSOCIATING);
        vpc.addCidrBlock(block);
        settle(vpc, block.associationId(), false);
        return block;
    }

    /**
     * AWS's table of which ranges may join a VPC, by the range its primary block is in: RFC 1918 ranges do not mix,
     * 198.19.0.0/16 joins nothing, a 10.0.0.0/15 VPC takes nothing from 10.0.0.0/16, a 172.16.0.0/12 VPC nothing
     * from 172.31.0.0/16; public ranges and 100.64.0.0/10 join any VPC.
     */
    static boolean restricted(Cidr primary, Cidr candidate) {
        boolean candidatePrivate = RFC1918_10.contains(candidate) || RFC1918_172.contains(candidate) || RFC1918_192.contains(candidate);
        if (BENCHMARK_198_19.overlaps(candidate)) {
            return true;
        }
        if (RFC1918_10.contains(primary)) {
            return (candidatePrivate && !RFC1918_10.contains(candidate))
                    || (TEN_SLASH_15.contains(primary) && TEN_SLASH_16.overlaps(candidate));
        }
        if (RFC1918_172.contains(primary)) {
            return (candidatePrivate && !RFC1918_172.contains(candidate)) || DEFAULT_VPC_RANGE.overlaps(candidate);
        }
        if (RFC1918_192.contains(primary)) {
            return candidatePrivate && !RFC1918_192.contains(candidate);
        }
        return candidatePrivate;
    }

    /**
     * A /16 AssociateVpcCidrBlock would accept for this VPC now (from 100.64.0.0/10, which joins any VPC whose
     * primary block is not in 198.19.0.0/16), for advice; empty when the VPC is at its quota or none fits.
     */
    public Optional<Cidr> suggestSecondaryCidr(Vpc vpc) {
        List<VpcCidrBlock> held = vpc.cidrBlocks().stream().filter(b -> b.state().isHeld()).toList();
        if (held.size() >= IPV4_BLOCKS_PER_VPC) {
            return Optional.empty();
        }
        for (int i = 0; i < 64; i++) {
            Cidr candidate = new Cidr((100 << 24) | ((64 + i) << 16), 16);
            if (!restricted(vpc.cidr(), candidate) && held.stream().noneMatch(b -> b.cidr().overlaps(candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    // ---- VPC IPv6 blocks ---------------------------------------------------------------------------------------

    /**
     * An Amazon-provided /56, from the region's range, never one another VPC of the region holds. One per network
     * border group, and the only group ecsnet has is the region itself.
     */
    public VpcIpv6CidrBlock associateAmazonIpv6(String vpcId, String networkBorderGroup) {
        Vpc vpc = network.vpc(vpcId);
        checkAmazonIpv6(vpc, networkBorderGroup);
        network.gate().open();
        VpcIpv6CidrBlock block = insertAmazonIpv6(vpc);
        settle(vpc, block.associationId(), false);
        return block;
    }

    /** The checks of an Amazon-provided block, also made by CreateVpc before it creates anything. */
    void checkAmazonIpv6(Vpc vpc, String networkBorderGroup) {
        String group = networkBorderGroup == null ? network.region() : networkBorderGroup;
        if (!group.equals(network.region())) {
            throw DomainException.invalid("InvalidParameterValue", "The network border group '" + group + "' is invalid: ecsnet models "
                    + "the region's own group (" + network.region() + ") only.");
        }
        if (vpc != null && vpc.ipv6CidrBlocks().stream().anyMatch(b -> b.state().isHeld())) {
            throw DomainException.invalid("CidrLimitExceeded", "This network '" + vpc.id() + "' already has an Amazon-provided IPv6 CIDR "
                    + "block in network border group " + group + ".");
        }
    }

    VpcIpv6CidrBlock insertAmazonIpv6(Vpc vpc) {
        VpcIpv6CidrBlock block = new VpcIpv6CidrBlock(ids.resourceId("vpc-cidr-assoc"), newAmazonBlock(), CidrBlockState.ASSOCIATING,
                network.region(), AMAZON_POOL);
        vpc.addIpv6CidrBlock(block);
        return block;
    }

    /** CreateVpc's Amazon-provided block: as AWS does, its default security group also gets egress to ::/0. */
    void settleCreatedWithVpc(Vpc vpc, String associationId) {
        settle(vpc, associationId, true);
    }

    private Ipv6Cidr newAmazonBlock() {
        String base = AMAZON_IPV6_BASES.getOrDefault(network.region(),
                String.format("2600:1f%02x", Math.floorMod(network.region().hashCode(), 256)));
        long prefix = Ipv6Address.parse(base + "::").orElseThrow().high();
        Ipv6Cidr block;
        do {
            block = new Ipv6Cidr(new Ipv6Address(prefix | ((long) ipv6Draws.nextInt(1 << 24) << 8), 0), 56);
        } while (!issuedIpv6.add(block));
        return block;
    }

    /** The block turns associated on the clock: its local routes (and IPv6 ACL entries) appear then. */
    private void settle(Vpc vpc, String associationId, boolean defaultGroupEgress) {
        timers.schedule(timing.cidrAssociation(), defaultGroupEgress ? VPC_ASSOCIATED_AT_CREATION : VPC_ASSOCIATED, vpc.id(), associationId);
    }

    private void associated(String vpcId, String associationId, boolean defaultGroupEgress) {
        Vpc vpc = network.findVpc(vpcId).orElse(null);
        if (vpc == null || state(vpc, associationId) != CidrBlockState.ASSOCIATING) {
            return;
        }
        vpc.setCidrBlockState(associationId, CidrBlockState.ASSOCIATED);
        network.routeTables().addLocalRoute(vpc.id(), vpc.association(associationId).orElseThrow().block());
        if (vpc.association(associationId).orElseThrow() instanceof VpcIpv6CidrBlock) {
            network.acls().enableIpv6(vpc.id());
            if (defaultGroupEgress) {
                network.groups().allowDefaultIpv6Egress(vpc.defaultSecurityGroupId());
            }
        }
    }

    private static CidrBlockState state(Vpc vpc, String associationId) {
        return vpc.association(associationId).map(VpcCidrAssociation::state).orElse(CidrBlockState.DISASSOCIATED);
    }

    // ---- disassociating a VPC block ---------------------------------------------------------------------------

    /**
     * DisassociateVpcCidrBlock. The primary IPv4 block cannot go, nor a block that still holds a subnet (IPv4) or a
     * subnet's /64 (IPv6). Answers the block as {@code disassociating}; it is {@code disassociated} on the clock.
     */
    public Change<VpcCidrAssociation> disassociate(String associationId) {
        Vpc vpc = network.vpcs().stream().filter(v -> v.association(associationId).isPresent()).findFirst()
                .orElseThrow(() -> DomainException.notFound("InvalidVpcCidrBlockAssociationID.NotFound",
                        "The vpc CIDR block association ID '" + associationId + "' does not exist"));
        if (vpc.cidrAssociationId().equals(associationId)) {
            throw DomainException.invalid("OperationNotPermitted", "The vpc CIDR block with association ID " + associationId
                    + " may not be disassociated. It is the primary IPv4 CIDR block of the VPC");
        }
        VpcCidrAssociation association = vpc.association(associationId).orElseThrow();
        if (association.state() != CidrBlockState.ASSOCIATED) {
            throw DomainException.invalid("IncorrectState", "The vpc CIDR block with association ID " + associationId + " is "
                    + association.state().wireName() + ".");
        }
        boolean inUse = network.subnets().stream().filter(s -> s.vpcId().equals(vpc.id())).anyMatch(s -> holds(association, s));
        if (inUse) {
            throw DomainException.invalid("InvalidCidrBlock.InUse", "The vpc " + vpc.id() + " currently has a subnet within CIDR block "
                    + association.block());
        }
        network.gate().open();
        vpc.setCidrBlockState(associationId, CidrBlockState.DISASSOCIATING);
        timers.schedule(timing.cidrAssociation(), VPC_DISASSOCIATED, vpc.id(), associationId);
        return new Change<>(vpc.id(), association.withState(CidrBlockState.DISASSOCIATING));
    }

    private void disassociated(String vpcId, String associationId) {
        Vpc vpc = network.findVpc(vpcId).orElse(null);
        if (vpc == null || state(vpc, associationId) != CidrBlockState.DISASSOCIATING) {
            return;
        }
        VpcCidrAssociation association = vpc.association(associationId).orElseThrow();
        vpc.setCidrBlockState(associationId, CidrBlockState.DISASSOCIATED);
        network.routeTables().removeLocalRoute(vpc.id(), association.block());
        if (association instanceof VpcIpv6CidrBlock v6) {
            issuedIpv6.remove(v6.cidr());
        }
        timers.schedule(DISASSOCIATED_LISTED_FOR, VPC_FORGOTTEN, vpc.id(), associationId);
    }

    /** Whether a subnet's own block lies in the VPC block. */
    private static boolean holds(VpcCidrAssociation association, Subnet subnet) {
        if (association instanceof VpcCidrBlock v4) {
            return v4.cidr().contains(subnet.cidr());
        }
        Ipv6Cidr block = ((VpcIpv6CidrBlock) association).cidr();
        return subnet.heldIpv6CidrBlock().map(b -> block.contains(b.cidr())).orElse(false);
    }

    // ---- subnets -----------------------------------------------------------------------------------------------

    /** The IPv4 block of a new subnet: /16 to /28 inside one associated block of its VPC, overlapping no subnet. */
    Cidr checkSubnetCidr(Vpc vpc, String cidrBlock) {
        Cidr cidr = Cidr.parse(cidrBlock).orElseThrow(() -> DomainException.invalid("InvalidParameterValue",
                "Value (" + cidrBlock + ") for parameter cidrBlock is invalid. This is not a valid CIDR block."));
        boolean inside = vpc.associatedCidrs().stream().anyMatch(c -> c.contains(cidr));
        if (!inside || cidr.prefixLength() < 16 || cidr.prefixLength() > 28) {
            throw DomainException.invalid("InvalidSubnet.Range", "The CIDR '" + cidrBlock + "' is invalid.");
        }
        for (Subnet other : network.subnets()) {
            if (other.vpcId().equals(vpc.id()) && other.cidr().overlaps(cidr)) {
                throw DomainException.conflict("InvalidSubnet.Conflict", "The CIDR '" + cidrBlock + "' conflicts with another subnet");
            }
        }
        return cidr;
    }

    /** A subnet's /64: inside an associated IPv6 block of the VPC, held by no other subnet. */
    Ipv6Cidr checkSubnetIpv6Cidr(Vpc vpc, String text) {
        Ipv6Cidr cidr = Ipv6Cidr.parse(text).filter(c -> c.prefixLength() == 64).orElseThrow(() -> DomainException.invalid(
                "InvalidParameterValue", "invalid value for parameter ipv6-cidr-block: " + text));
        if (vpc.associatedIpv6Cidrs().stream().noneMatch(c -> c.contains(cidr))) {
            throw DomainException.invalid("InvalidSubnet.Range", "The IPv6 CIDR '" + cidr + "' is invalid.");
        }
        for (Subnet other : network.subnets()) {
            if (other.vpcId().equals(vpc.id()) && other.heldIpv6CidrBlock().filter(b -> b.cidr().overlaps(cidr)).isPresent()) {
                throw DomainException.conflict("InvalidSubnet.Conflict", "The CIDR '" + cidr + "' conflicts with another subnet");
            }
        }
        return cidr;
    }

    /** Gives a subnet its /64 (already checked): associating now, associated with its own address pool on the clock. */
    SubnetIpv6CidrBlock insertSubnetIpv6(Subnet subnet, Ipv6Cidr cidr) {
        SubnetIpv6CidrBlock block = new SubnetIpv6CidrBlock(ids.resourceId("subnet-cidr-assoc"), cidr, CidrBlockState.ASSOCIATING);
        subnet.addIpv6CidrBlock(block);
        timers.schedule(timing.cidrAssociation(), SUBNET_ASSOCIATED, subnet.id(), block.associationId());
        return block;
    }

    private void subnetAssociated(String subnetId, String associationId) {
        network.findSubnet(subnetId).ifPresent(subnet -> subnetBlock(subnet, associationId, CidrBlockState.ASSOCIATING).ifPresent(block ->
                subnet.setIpv6CidrBlockState(associationId, CidrBlockState.ASSOCIATED,
                        new SubnetIpv6Pool(block.cidr(), ids.derive(subnet.id() + "/" + block.cidr())))));
    }

    private void subnetDisassociated(String subnetId, String associationId) {
        network.findSubnet(subnetId).ifPresent(subnet -> subnetBlock(subnet, associationId, CidrBlockState.DISASSOCIATING).ifPresent(block -> {
            subnet.setIpv6CidrBlockState(associationId, CidrBlockState.DISASSOCIATED, null);
            timers.schedule(DISASSOCIATED_LISTED_FOR, SUBNET_FORGOTTEN, subnet.id(), associationId);
        }));
    }

    private static Optional<SubnetIpv6CidrBlock> subnetBlock(Subnet subnet, String associationId, CidrBlockState state) {
        return subnet.ipv6CidrBlocks().stream().filter(b -> b.associationId().equals(associationId) && b.state() == state).findFirst();
    }

    /** AssociateSubnetCidrBlock: one IPv6 block per subnet at a time. */
    public SubnetIpv6CidrBlock associateSubnetIpv6(String subnetId, String ipv6CidrBlock) {
        Subnet subnet = network.subnet(subnetId);
        Vpc vpc = network.vpc(subnet.vpcId());
        Ipv6Cidr cidr = checkSubnetIpv6Cidr(vpc, ipv6CidrBlock);
        if (subnet.heldIpv6CidrBlock().isPresent()) {
            throw DomainException.invalid("InvalidParameterValue", "The subnet " + subnetId + " already has an IPv6 CIDR block "
                    + subnet.heldIpv6CidrBlock().get().cidr() + " associated with it.");
        }
        network.gate().open();
        return insertSubnetIpv6(subnet, cidr);
    }

    /** DisassociateSubnetCidrBlock: refused while the subnet assigns IPv6 on creation or an ENI holds one of its addresses. */
    public Change<SubnetIpv6CidrBlock> disassociateSubnetIpv6(String associationId) {
        Subnet subnet = network.subnets().stream().filter(s -> s.ipv6CidrBlocks().stream().anyMatch(b -> b.associationId().equals(associationId)))
                .findFirst().orElseThrow(() -> DomainException.notFound("InvalidSubnetCidrBlockAssociationID.NotFound",
                        "The subnet CIDR block with association ID '" + associationId + "' does not exist"));
        SubnetIpv6CidrBlock block = subnet.ipv6CidrBlocks().stream().filter(b -> b.associationId().equals(associationId)).findFirst().orElseThrow();
        if (block.state() != CidrBlockState.ASSOCIATED) {
            throw DomainException.invalid("IncorrectState", "The subnet IPv6 CIDR block with association ID " + associationId + " is "
                    + block.state().wireName() + ".");
        }
        String refusal = "The subnet IPv6 CIDR block with association ID " + associationId + " may not be disassociated, because ";
        if (subnet.assignIpv6AddressOnCreation()) {
            throw DomainException.invalid("InvalidCidrBlock.InUse", refusal + "its subnet has assign-ipv6-address-on-creation set to true.");
        }
        if (subnet.ipv6Pool().map(SubnetIpv6Pool::usedCount).orElse(0) > 0) {
            throw DomainException.invalid("InvalidCidrBlock.InUse", refusal + "network interfaces in the subnet hold IPv6 addresses from it.");
        }
        if (network.subnetCidrReservations().ofSubnet(subnet.id()).stream().anyMatch(r -> r.isIpv6())) {
            throw DomainException.invalid("InvalidCidrBlock.InUse", refusal + "subnet CIDR reservations are defined in it.");
        }
        network.gate().open();
        subnet.setIpv6CidrBlockState(associationId, CidrBlockState.DISASSOCIATING, null);
        timers.schedule(timing.cidrAssociation(), SUBNET_DISASSOCIATED, subnet.id(), associationId);
        return new Change<>(subnet.id(), block.withState(CidrBlockState.DISASSOCIATING));
    }

    /** ModifySubnetAttribute's IPv6 attributes; null leaves one as it is. */
    public void modifySubnetIpv6Attributes(String id, Boolean assignIpv6OnCreation, Boolean enableDns64, Boolean aaaaRecordOnLaunch) {
        Subnet subnet = network.subnet(id);
        if (Boolean.TRUE.equals(assignIpv6OnCreation) && subnet.heldIpv6CidrBlock().isEmpty()) {
            throw DomainException.invalid("InvalidParameterValue", "Invalid value 'true' for assign-ipv6-address-on-creation. Cannot set "
                    + "assign-ipv6-address-on-creation to true unless the subnet (" + id + ") has an IPv6 CIDR block associated with it.");
        }
        network.gate().open();
        Optional.ofNullable(assignIpv6OnCreation).ifPresent(subnet::setAssignIpv6AddressOnCreation);
        Optional.ofNullable(enableDns64).ifPresent(subnet::setEnableDns64);
        Optional.ofNullable(aaaaRecordOnLaunch).ifPresent(subnet::setEnableResourceNameDnsAAAARecordOnLaunch);
    }

    /** A VPC or subnet deleted: its Amazon-provided blocks go back to the pool. */
    void forgetVpc(Vpc vpc) {
        vpc.ipv6CidrBlocks().forEach(b -> issuedIpv6.remove(b.cidr()));
    }
}
