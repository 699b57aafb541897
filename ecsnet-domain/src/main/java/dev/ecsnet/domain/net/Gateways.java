package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Timers;
import dev.ecsnet.domain.common.TimingProfile;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ways out of a VPC: internet gateways, Elastic IPs and NAT gateways. A NAT gateway needs its VPC to have an
 * internet gateway (it is a public NAT gateway), takes an address in its subnet through a requester-managed ENI,
 * and becomes {@code available} on the clock.
 */
public final class Gateways {
    /** Timer kinds: a pending NAT gateway becomes available; a deleting one lets go of its address and interface. */
    private static final String NAT_AVAILABLE = "ec2.nat-gateway.available";
    private static final String NAT_DELETED = "ec2.nat-gateway.deleted";

    private final Network network;
    private final IdSource ids;
    private final Clock clock;
    private final Timers timers;
    private final TimingProfile timing;
    final Map<String, InternetGateway> internetGateways = new LinkedHashMap<>();
    final Map<String, ElasticIp> addresses = new LinkedHashMap<>();
    final Map<String, NatGateway> natGateways = new LinkedHashMap<>();

    Gateways(Network network, IdSource ids, Clock clock, Timers timers, TimingProfile timing) {
        this.network = network;
        this.ids = ids;
        this.clock = clock;
        this.timers = timers;
        this.timing = timing;
        timers.on(NAT_AVAILABLE, (id, args) -> findNat(id).filter(nat -> nat.state().equals("pending")).ifPresent(nat -> nat.setState("available")));
        timers.on(NAT_DELETED, (id, args) -> findNat(id).filter(nat -> nat.state().equals("deleting")).ifPresent(this::finishDeletion));
    }

    // ---- Internet gateways ------------------------------------------------------------------------------------

    public Collection<InternetGateway> internetGateways() {
        return internetGateways.values();
    }

    public InternetGateway internetGateway(String id) {
        InternetGateway igw = internetGateways.get(id);
        if (igw == null) {
            throw DomainException.notFound("InvalidInternetGatewayID.NotFound", "The internetGateway ID '" + id + "' does not exist");
        }
        return igw;
    }

    public InternetGateway createInternetGateway(Map<String, String> tags) {
        network.gate().open();
        InternetGateway igw = new InternetGateway(ids.resourceId("igw"), network.accountId());
        igw.tags().putAll(tags);
        internetGateways.put(igw.id(), igw);
        return igw;
    }

    public void attachInternetGateway(String igwId, String vpcId) {
        InternetGateway igw = internetGateway(igwId);
        Vpc vpc = network.vpc(vpcId);
        if (igw.attachedVpcId() != null) {
            throw DomainException.conflict("Resource.AlreadyAssociated", "resource " + igwId + " is already attached to network " + igw.attachedVpcId());
        }
        internetGateways.values().stream().filter(g -> vpc.id().equals(g.attachedVpcId())).findFirst().ifPresent(g -> {
            throw DomainException.conflict("Resource.AlreadyAssociated", "Network " + vpc.id() + " already has an internet gateway attached");
        });
        network.gate().open();
        igw.setAttachedVpcId(vpc.id());
        network.routeTables().reactivate(igwId, vpc.id());
    }

    public void detachInternetGateway(String igwId, String vpcId) {
        InternetGateway igw = internetGateway(igwId);
        network.vpc(vpcId);
        if (!vpcId.equals(igw.attachedVpcId())) {
            throw DomainException.invalid("Gateway.NotAttached", "resource " + igwId + " is not attached to network " + vpcId);
        }
        boolean mapped = network.networkInterfaces().stream().anyMatch(n -> n.vpcId().equals(vpcId) && n.publicIp().isPresent());
        if (mapped) {
            throw DomainException.dependency("DependencyViolation", "Network " + vpcId
                    + " has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.");
        }
        network.gate().open();
        igw.setAttachedVpcId(null);
        network.routeTables().blackhole(igwId);
    }

    public void deleteInternetGateway(String igwId) {
        InternetGateway igw = internetGateway(igwId);
        if (igw.attachedVpcId() != null) {
            throw DomainException.dependency("DependencyViolation", "The internetGateway '" + igwId + "' has dependencies and cannot be deleted.");
        }
        network.gate().open();
        internetGateways.remove(igwId);
    }

    boolean hasInternetGateway(String vpcId) {
        return internetGateways.values().stream().anyMatch(g -> vpcId.equals(g.attachedVpcId()));
    }

    // ---- Elastic IPs ------------------------------------------------------------------------------------------

    public Collection<ElasticIp> addresses() {
        return addresses.values();
    }

    public ElasticIp address(String allocationId) {
        ElasticIp eip = addresses.get(allocationId);
        if (eip == null) {
            throw DomainException.notFound("InvalidAllocationID.NotFound", "The allocation ID '" + allocationId + "' does not exist");
        }
        return eip;
    }

    public ElasticIp addressByPublicIp(String publicIp) {
        return addresses.values().stream().filter(a -> a.publicIp().equals(publicIp)).findFirst().orElseThrow(() ->
                DomainException.notFound("InvalidAddress.NotFound", "Address '" + publicIp + "' not found."));
    }

    public ElasticIp allocateAddress(Map<String, String> tags) {
        network.gate().open();
        ElasticIp eip = new ElasticIp(ids.resourceId("eipalloc"), network.newPublicIp(), network.accountId(), network.region());
        eip.tags().putAll(tags);
        addresses.put(eip.allocationId(), eip);
        return eip;
    }

    public ElasticIp associateAddress(String allocationId, String eniId, boolean allowReassociation) {
        ElasticIp eip = address(allocationId);
        NetworkInterface eni = network.networkInterface(eniId);
        if (eip.associationId() != null && !allowReassociation) {
            throw DomainException.conflict("Resource.AlreadyAssociated", "resource " + allocationId + " is already associated with associate-id " + eip.associationId());
        }
        if (eni.publicIp().isPresent() && eni.allocationId() == null) {
            throw DomainException.invalid("InvalidParameterValue", "The network interface " + eniId + " already has a public IP address.");
        }
        network.gate().open();
        if (eip.networkInterfaceId() != null) {
            network.findNetworkInterface(eip.networkInterfaceId()).ifPresent(n -> n.setElasticIp(null, null, null));
        }
        String associationId = ids.resourceId("eipassoc");
        eip.associate(associationId, eni.id());
        eni.setElasticIp(eip.publicIp(), eip.allocationId(), associationId);
        return eip;
    }

    public void disassociateAddress(String associationId) {
        ElasticIp eip = addresses.values().stream().filter(a -> associationId.equals(a.associationId())).findFirst()
                .orElseThrow(() -> DomainException.notFound("InvalidAssociationID.NotFound", "The association ID '" + associationId + "' does not exist"));
        if (heldByNatGateway(eip)) {
            throw natOwned();
        }
        network.gate().open();
        network.findNetworkInterface(eip.networkInterfaceId()).ifPresent(n -> n.setElasticIp(null, null, null));
        eip.disassociate();
    }

    public void releaseAddress(String allocationId) {
        ElasticIp eip = address(allocationId);
        if (heldByNatGateway(eip)) {
            throw natOwned();
        }
        if (eip.associationId() != null) {
            throw DomainException.invalid("InvalidIPAddress.InUse", "The address with allocation id [" + allocationId + "] is in use.");
        }
        network.gate().open();
        addresses.remove(allocationId);
        network.forgetPublicIp(eip.publicIp());
    }

    /** A NAT gateway that is not yet {@code deleted} owns its Elastic IP's association. */
    private boolean heldByNatGateway(ElasticIp eip) {
        return natGateways.values().stream().anyMatch(n -> !n.state().equals("deleted") && eip.allocationId().equals(n.allocationId()));
    }

    /** What EC2 answers (HTTP 400) when a user disassociates or releases the Elastic IP a NAT gateway holds. */
    private static DomainException natOwned() {
        return DomainException.invalid("AuthFailure", "You do not have permission to access the specified resource.");
    }

    // ---- NAT gateways -----------------------------------------------------------------------------------------

    public Collection<NatGateway> natGateways() {
        return natGateways.values();
    }

    public NatGateway natGateway(String id) {
        NatGateway nat = natGateways.get(id);
        if (nat == null) {
            throw DomainException.notFound("NatGatewayNotFound", "The Nat Gateway " + id + " was not found");
        }
        return nat;
    }

    public NatGateway createNatGateway(String subnetId, String allocationId, String connectivityType, Map<String, String> tags) {
        if (connectivityType != null && !connectivityType.equals("public")) {
            throw DomainException.invalid("InvalidParameterValue", "ecsnet models public NAT gateways only; connectivityType '" + connectivityType + "' is not supported.");
        }
        Subnet subnet = network.subnet(subnetId);
        if (allocationId == null) {
            throw DomainException.invalid("MissingParameter", "The request must contain the parameter AllocationId");
        }
        ElasticIp eip = address(allocationId);
        if (eip.associationId() != null) {
            throw DomainException.conflict("Resource.AlreadyAssociated", "Elastic IP address [" + allocationId + "] is already associated");
        }
        if (!hasInternetGateway(subnet.vpcId())) {
            throw DomainException.invalid("Gateway.NotAttached", "Network " + subnet.vpcId() + " has no Internet gateway attached");
        }
        if (subnet.availableIpAddressCount() == 0) {
            // what its ENI would answer; checked here so that a dry run refuses it too
            throw DomainException.capacity("InvalidParameterValue", "There aren't sufficient free Ipv4 addresses or prefixes");
        }
        network.gate().open();
        String id = ids.resourceId("nat");
        NetworkInterface eni = network.createNetworkInterface(new Network.EniRequest(subnet.id(), "Interface for NAT Gateway " + id,
                List.of(), null, "nat_gateway", "amazon", Map.of()));
        network.attach(eni.id(), null, "amazon", 1);
        String associationId = ids.resourceId("eipassoc");
        eip.associate(associationId, eni.id());
        eni.setElasticIp(eip.publicIp(), eip.allocationId(), associationId);
        NatGateway nat = new NatGateway(id, subnet.id(), subnet.vpcId(), allocationId, eni.id(), eni.privateIpAddress(),
                eip.publicIp(), associationId, clock.now());
        nat.tags().putAll(tags);
        natGateways.put(id, nat);
        timers.schedule(timing.provisioning(), NAT_AVAILABLE, id);
        return nat;
    }

    public NatGateway deleteNatGateway(String id) {
        NatGateway nat = natGateway(id);
        if (nat.isGone()) {
            return nat;
        }
        network.gate().open();
        nat.setState("deleting");
        timers.schedule(timing.deprovisioning(), NAT_DELETED, nat.id());
        return nat;
    }

    private java.util.Optional<NatGateway> findNat(String id) {
        return java.util.Optional.ofNullable(natGateways.get(id));
    }

    private void finishDeletion(NatGateway nat) {
        addresses.values().stream().filter(a -> a.allocationId().equals(nat.allocationId())).findFirst().ifPresent(ElasticIp::disassociate);
        network.findNetworkInterface(nat.networkInterfaceId()).ifPresent(n -> network.deleteManagedNetworkInterface(n.id()));
        network.routeTables().blackhole(nat.id());
        nat.setState("deleted");
        nat.setDeleteTime(clock.now());
    }
}
