package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Timers;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.net.VpcPeeringConnection.Status;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * VPC peering connections within one account and region, with AWS's lifecycle on the clock: a request is checked
 * asynchronously (overlapping CIDRs, or a peer VPC gone meanwhile, end it {@code failed}), waits for acceptance (its
 * expiration time is a week ahead, as in AWS, but ecsnet does not expire it), and, accepted, becomes {@code active}. Routes to a connection carry traffic only while it is active; deleting it
 * turns them into blackholes.
 */
public final class VpcPeerings {
    /** How long AWS lets a request wait for acceptance. */
    static final Duration ACCEPTANCE_WINDOW = Duration.ofDays(7);
    /** Timer kinds: a request is checked, an accepted connection becomes active, a deleting one deleted. */
    private static final String CHECKED = "ec2.peering.checked";
    private static final String ACTIVE = "ec2.peering.active";
    private static final String DELETED = "ec2.peering.deleted";

    private final Network network;
    private final IdSource ids;
    private final Clock clock;
    private final Timers timers;
    private final TimingProfile timing;
    final Map<String, VpcPeeringConnection> connections = new LinkedHashMap<>();

    VpcPeerings(Network network, IdSource ids, Clock clock, Timers timers, TimingProfile timing) {
        this.network = network;
        this.ids = ids;
        this.clock = clock;
        this.timers = timers;
        this.timing = timing;
        on(CHECKED, Status.INITIATING_REQUEST, this::checkRequest);
        on(ACTIVE, Status.PROVISIONING, c -> {
            c.moveTo(Status.ACTIVE);
            network.routeTables().reactivate(c.id(), c.requesterVpcId());
            network.routeTables().reactivate(c.id(), c.accepterVpcId());
        });
        on(DELETED, Status.DELETING, c -> c.moveTo(Status.DELETED));
    }

    /** A missing peer VPC, the requester itself or overlapping CIDRs end the request {@code failed}. */
    private void checkRequest(VpcPeeringConnection c) {
        Optional<Vpc> vpc = network.findVpc(c.requesterVpcId());
        Optional<Vpc> peer = network.vpcs().stream().filter(v -> v.id().equals(c.accepterVpcId())).findFirst();
        if (vpc.isEmpty() || peer.isEmpty() || peer.get().id().equals(vpc.get().id()) || peer.get().cidr().overlaps(vpc.get().cidr())) {
            c.moveTo(Status.FAILED);
            return;
        }
        c.moveTo(Status.PENDING_ACCEPTANCE);
    }

    public Collection<VpcPeeringConnection> all() {
        return connections.values();
    }

    public VpcPeeringConnection get(String id) {
        VpcPeeringConnection c = connections.get(id);
        if (c == null) {
            throw DomainException.notFound("InvalidVpcPeeringConnectionID.NotFound", "The vpcPeeringConnection ID '" + id + "' does not exist");
        }
        return c;
    }

    public Optional<VpcPeeringConnection> find(String id) {
        return Optional.ofNullable(connections.get(id));
    }

    /** The active connection joining two VPCs, if there is one. */
    public Optional<VpcPeeringConnection> activeBetween(String vpcA, String vpcB) {
        return connections.values().stream().filter(c -> c.isActive() && c.joins(vpcA, vpcB)).findFirst();
    }

    /**
     * Requests a connection from {@code vpcId} to {@code peerVpcId}. Other accounts and regions are refused at
     * once (ecsnet does not model them), and so is a peer VPC that does not exist; the CIDRs are checked on the
     * clock, as AWS does.
     */
    public VpcPeeringConnection create(String vpcId, String peerVpcId, String peerOwnerId, String peerRegion, Map<String, String> tags) {
        Vpc vpc = network.vpc(vpcId);
        if (peerOwnerId != null && !peerOwnerId.equals(network.accountId())) {
            throw DomainException.invalid("UnsupportedOperation", "ecsnet models VPC peering within one account; peer owner "
                    + peerOwnerId + " is not " + network.accountId() + ".");
        }
        if (peerRegion != null && !peerRegion.equals(network.region())) {
            throw DomainException.invalid("UnsupportedOperation", "ecsnet models VPC peering within one region; peer region "
                    + peerRegion + " is not " + network.region() + ".");
        }
        // a peer VPC of the caller's own account that does not exist refuses the request at once, as EC2 does
        // (InvalidVpcID.NotFound when the peer owner is left out: hashicorp/terraform-provider-aws#35485)
        network.vpc(peerVpcId);
        boolean duplicate = connections.values().stream().anyMatch(c -> c.joins(vpcId, peerVpcId) && !c.status().isFinal()
                && c.status() != Status.DELETING);
        if (duplicate) {
            throw DomainException.conflict("VpcPeeringConnectionAlreadyExists", "A VPC peering connection between the VPCs already exists.");
        }
        network.gate().open();
        VpcPeeringConnection c = new VpcPeeringConnection(ids.resourceId("pcx"), vpc.id(), peerVpcId, network.accountId(),
                network.region(), clock.now().plus(ACCEPTANCE_WINDOW));
        c.tags().putAll(tags);
        connections.put(c.id(), c);
        timers.schedule(timing.provisioning(), CHECKED, c.id());
        return c;
    }

    public VpcPeeringConnection accept(String id) {
        VpcPeeringConnection c = get(id);
        requireStatus(c, Status.PENDING_ACCEPTANCE, Status.PROVISIONING);
        network.gate().open();
        c.moveTo(Status.PROVISIONING);
        timers.schedule(timing.provisioning(), ACTIVE, c.id());
        return c;
    }

    public void reject(String id) {
        VpcPeeringConnection c = get(id);
        requireStatus(c, Status.PENDING_ACCEPTANCE, Status.REJECTED);
        network.gate().open();
        c.moveTo(Status.REJECTED);
    }

    /** The owner of either side may delete an active connection, the requester a pending one. */
    public void delete(String id) {
        VpcPeeringConnection c = get(id);
        if (c.status() != Status.ACTIVE && c.status() != Status.PENDING_ACCEPTANCE && c.status() != Status.PROVISIONING) {
            throw transition(c, Status.DELETING);
        }
        network.gate().open();
        c.moveTo(Status.DELETING);
        network.routeTables().blackhole(c.id());
        timers.schedule(timing.deprovisioning(), DELETED, c.id());
    }

    /** A VPC that goes takes its connections with it, as deleting them would. */
    void forgetVpc(String vpcId) {
        for (VpcPeeringConnection c : connections.values()) {
            if ((c.requesterVpcId().equals(vpcId) || c.accepterVpcId().equals(vpcId)) && !c.status().isFinal()) {
                c.moveTo(Status.DELETED);
                network.routeTables().blackhole(c.id());
            }
        }
    }

    /** ModifyVpcPeeringConnectionOptions; null leaves a side as it is. Options need an active connection. */
    public VpcPeeringConnection modifyOptions(String id, VpcPeeringConnection.Options requester, VpcPeeringConnection.Options accepter) {
        VpcPeeringConnection c = get(id);
        if (!c.isActive()) {
            throw DomainException.invalid("OperationNotPermitted", "Peering " + id + " is not active. Peering options can be added only to active peerings.");
        }
        network.gate().open();
        c.setOptions(requester != null ? requester : c.requesterOptions(), accepter != null ? accepter : c.accepterOptions());
        return c;
    }

    private static void requireStatus(VpcPeeringConnection c, Status wanted, Status target) {
        if (c.status() != wanted) {
            throw transition(c, target);
        }
    }

    private static DomainException transition(VpcPeeringConnection c, Status target) {
        return DomainException.invalid("InvalidStateTransition", "Invalid state transition for " + c.id() + ", attempted to transition from "
                + c.status().wireName() + " to " + target.wireName());
    }

    /** Timers of {@code kind} run {@code step} on their connection if it is still in {@code expected}. */
    private void on(String kind, Status expected, java.util.function.Consumer<VpcPeeringConnection> step) {
        timers.on(kind, (id, args) -> find(id).filter(c -> c.status() == expected).ifPresent(step));
    }
}
