package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.Taggable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A VPC peering connection between a requester and an accepter VPC of this account and region. Its status moves
 * {@code initiating-request → pending-acceptance → provisioning → active} (or {@code failed}, {@code rejected},
 * {@code deleting → deleted}); each status carries AWS's message. Changes only through
 * {@link VpcPeerings}.
 */
public final class VpcPeeringConnection implements Taggable {

    /** The status codes EC2 reports; {@code message} makes AWS's text from the account the status names. */
    public enum Status {
        INITIATING_REQUEST, PENDING_ACCEPTANCE, PROVISIONING, ACTIVE, DELETING, DELETED, REJECTED, FAILED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        String message(String account) {
            return switch (this) {
                case INITIATING_REQUEST -> "Initiating Request to " + account;
                case PENDING_ACCEPTANCE -> "Pending Acceptance by " + account;
                case PROVISIONING -> "Provisioning";
                case ACTIVE -> "Active";
                case DELETING -> "Deleting";
                case DELETED -> "Deleted by " + account;
                case REJECTED -> "Rejected by " + account;
                case FAILED -> "Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range";
            };
        }

        /** Statuses after which the connection carries nothing ever again. */
        public boolean isFinal() {
            return this == DELETED || this == REJECTED || this == FAILED;
        }
    }

    /** One side's peering options (ClassicLink is retired, so only remote DNS resolution can be turned on). */
    public record Options(boolean allowDnsResolutionFromRemoteVpc) {
    }

    private final String id;
    private final String requesterVpcId;
    private final String accepterVpcId;
    private final String ownerId;
    private final String region;
    private final Instant expirationTime;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private Status status = Status.INITIATING_REQUEST;
    private String statusMessage;
    private Options requesterOptions = new Options(false);
    private Options accepterOptions = new Options(false);

    VpcPeeringConnection(String id, String requesterVpcId, String accepterVpcId, String ownerId, String region, Instant expirationTime) {
        this.id = id;
        this.requesterVpcId = requesterVpcId;
        this.accepterVpcId = accepterVpcId;
        this.ownerId = ownerId;
        this.region = region;
        this.expirationTime = expirationTime;
        this.statusMessage = status.message(ownerId);
    }

    @Override
    public String id() {
        return id;
    }

    public String requesterVpcId() {
        return requesterVpcId;
    }

    public String accepterVpcId() {
        return accepterVpcId;
    }

    /** Both sides belong to this account (ecsnet models peering within one account and region). */
    public String ownerId() {
        return ownerId;
    }

    public String region() {
        return region;
    }

    public Status status() {
        return status;
    }

    public String statusMessage() {
        return statusMessage;
    }

    /** Until when the request may be accepted; shown while it waits. */
    public Optional<Instant> expirationTime() {
        return status == Status.PENDING_ACCEPTANCE || status == Status.INITIATING_REQUEST ? Optional.of(expirationTime) : Optional.empty();
    }

    /** The expiration time whatever the status (what a snapshot keeps). */
    Instant expiresAt() {
        return expirationTime;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    /** True when this connection joins the two VPCs, in either direction. */
    public boolean joins(String vpcA, String vpcB) {
        return requesterVpcId.equals(vpcA) && accepterVpcId.equals(vpcB) || requesterVpcId.equals(vpcB) && accepterVpcId.equals(vpcA);
    }

    /** The VPC on the other side from {@code vpcId}. */
    public String peerOf(String vpcId) {
        return requesterVpcId.equals(vpcId) ? accepterVpcId : requesterVpcId;
    }

    public Options requesterOptions() {
        return requesterOptions;
    }

    public Options accepterOptions() {
        return accepterOptions;
    }

    void setOptions(Options requester, Options accepter) {
        requesterOptions = requester;
        accepterOptions = accepter;
    }

    void moveTo(Status next) {
        status = next;
        statusMessage = next.message(ownerId);
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }
}
