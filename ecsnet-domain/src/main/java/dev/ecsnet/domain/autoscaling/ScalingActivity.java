package dev.ecsnet.domain.autoscaling;

import java.time.Instant;
import java.util.Optional;

/**
 * One scaling activity: the launch or termination of one instance (or a launch that failed), with AWS's
 * description and cause texts. It starts in progress and ends successful or failed. Used only on the engine thread.
 */
public final class ScalingActivity {
    private final String id;
    private final String groupName;
    private final String groupArn;
    private final String instanceId;
    private final Instant startTime;
    private final String cause;
    private final String details;
    private String description;
    private ActivityStatus status;
    private int progress;
    private String statusMessage;
    private Instant endTime;

    ScalingActivity(String id, String groupName, String groupArn, String instanceId, String description, String cause, String details,
                    Instant startTime, ActivityStatus status, int progress) {
        this.id = id;
        this.groupName = groupName;
        this.groupArn = groupArn;
        this.instanceId = instanceId;
        this.description = description;
        this.cause = cause;
        this.details = details;
        this.startTime = startTime;
        this.status = status;
        this.progress = progress;
    }

    /** An activity as a snapshot recorded it, ended or not. */
    static ScalingActivity restored(String id, String groupName, String groupArn, String instanceId, String description, String cause,
                                    String details, Instant startTime, ActivityStatus status, int progress, String statusMessage,
                                    Instant endTime) {
        ScalingActivity a = new ScalingActivity(id, groupName, groupArn, instanceId, description, cause, details, startTime, status, progress);
        a.statusMessage = statusMessage;
        a.endTime = endTime;
        return a;
    }

    public String id() {
        return id;
    }

    public String groupName() {
        return groupName;
    }

    public String groupArn() {
        return groupArn;
    }

    /** The instance launched or terminated; empty for a launch that failed before EC2 gave it an id. */
    public Optional<String> instanceId() {
        return Optional.ofNullable(instanceId);
    }

    public String description() {
        return description;
    }

    public String cause() {
        return cause;
    }

    /** AWS's JSON text, e.g. {@code {"Subnet ID":"subnet-…","Availability Zone":"us-east-1a"}}. */
    public String details() {
        return details;
    }

    public Instant startTime() {
        return startTime;
    }

    public Optional<Instant> endTime() {
        return Optional.ofNullable(endTime);
    }

    public ActivityStatus status() {
        return status;
    }

    public int progress() {
        return progress;
    }

    public Optional<String> statusMessage() {
        return Optional.ofNullable(statusMessage);
    }

    void succeed(Instant at) {
        status = ActivityStatus.SUCCESSFUL;
        progress = 100;
        endTime = at;
    }

    void fail(Instant at, String message) {
        status = ActivityStatus.FAILED;
        progress = 100;
        endTime = at;
        statusMessage = message;
        description = description + ".  Status Reason: " + message;
    }
}
