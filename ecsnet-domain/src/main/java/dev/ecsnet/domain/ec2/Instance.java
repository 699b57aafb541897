package dev.ecsnet.domain.ec2;

import dev.ecsnet.domain.common.Taggable;
import dev.ecsnet.domain.net.AvailabilityZone;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One EC2 instance: its type, AMI, primary ENI in its subnet, and state. Used only on the engine thread. */
public final class Instance implements Taggable {
    private final String id;
    private final String reservationId;
    private final InstanceType type;
    private final Image image;
    private final String subnetId;
    private final String vpcId;
    private final AvailabilityZone zone;
    private final List<String> groupIds;
    private final String primaryEniId;
    private final String privateIpAddress;
    private final String privateDnsName;
    private final String userData;
    private final String iamInstanceProfileArn;
    private final String keyName;
    private final int launchIndex;
    private final Instant launchTime;
    private final InstanceSettings settings;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private InstanceState state = InstanceState.PENDING;
    private String stateTransitionReason = "";

    Instance(String id, String reservationId, InstanceType type, Image image, String subnetId, String vpcId, AvailabilityZone zone,
             List<String> groupIds, String primaryEniId, String privateIpAddress, String privateDnsName, String userData,
             String iamInstanceProfileArn, String keyName, int launchIndex, Instant launchTime, InstanceSettings settings) {
        this.id = id;
        this.reservationId = reservationId;
        this.type = type;
        this.image = image;
        this.subnetId = subnetId;
        this.vpcId = vpcId;
        this.zone = zone;
        this.groupIds = List.copyOf(groupIds);
        this.primaryEniId = primaryEniId;
        this.privateIpAddress = privateIpAddress;
        this.privateDnsName = privateDnsName;
        this.userData = userData;
        this.iamInstanceProfileArn = iamInstanceProfileArn;
        this.keyName = keyName;
        this.launchIndex = launchIndex;
        this.launchTime = launchTime;
        this.settings = settings;
    }

    @Override
    public String id() {
        return id;
    }

    public String reservationId() {
        return reservationId;
    }

    public InstanceType type() {
        return type;
    }

    public Image image() {
        return image;
    }

    public String subnetId() {
        return subnetId;
    }

    public String vpcId() {
        return vpcId;
    }

    public AvailabilityZone zone() {
        return zone;
    }

    public List<String> groupIds() {
        return groupIds;
    }

    public String primaryEniId() {
        return primaryEniId;
    }

    public String privateIpAddress() {
        return privateIpAddress;
    }

    public String privateDnsName() {
        return privateDnsName;
    }

    /** The decoded user data ("" when none was given). */
    public String userData() {
        return userData;
    }

    public Optional<String> iamInstanceProfileArn() {
        return Optional.ofNullable(iamInstanceProfileArn);
    }

    public Optional<String> keyName() {
        return Optional.ofNullable(keyName);
    }

    public int launchIndex() {
        return launchIndex;
    }

    public Instant launchTime() {
        return launchTime;
    }

    /** Monitoring, EBS optimization, metadata options and the public address asked for at launch. */
    public InstanceSettings settings() {
        return settings;
    }

    public InstanceState state() {
        return state;
    }

    public String stateTransitionReason() {
        return stateTransitionReason;
    }

    void moveTo(InstanceState next, String reason) {
        if (next.ordinal() <= state.ordinal()) {
            throw new IllegalStateException("instance " + id + " cannot move from " + state + " to " + next);
        }
        state = next;
        stateTransitionReason = reason;
    }

    /** A restored instance takes its recorded state as it was, without passing the states before it. */
    void restoreState(InstanceState recorded, String reason) {
        state = recorded;
        stateTransitionReason = reason;
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }
}
