package dev.ecsnet.domain.autoscaling;

import java.time.Instant;

/**
 * An EC2 instance as its Auto Scaling group sees it: where it runs, which template version launched it, its
 * lifecycle state, health and scale-in protection. The instance itself lives in {@link dev.ecsnet.domain.ec2.Instances};
 * this is the group's record of it, keyed by instance id. Used only on the engine thread.
 */
public final class GroupInstance {
    private final String instanceId;
    private final String instanceType;
    private final String imageId;
    private final String zone;
    private final String zoneId;
    private final String subnetId;
    private final LaunchTemplateSpec launchTemplate;
    private final long templateVersion;
    private final Instant launchTime;
    private LifecycleState lifecycle = LifecycleState.PENDING;
    private boolean healthy = true;
    private boolean protectedFromScaleIn;

    GroupInstance(String instanceId, String instanceType, String imageId, String zone, String zoneId, String subnetId,
                  LaunchTemplateSpec launchTemplate, long templateVersion, Instant launchTime, boolean protectedFromScaleIn) {
        this.instanceId = instanceId;
        this.instanceType = instanceType;
        this.imageId = imageId;
        this.zone = zone;
        this.zoneId = zoneId;
        this.subnetId = subnetId;
        this.launchTemplate = launchTemplate;
        this.templateVersion = templateVersion;
        this.launchTime = launchTime;
        this.protectedFromScaleIn = protectedFromScaleIn;
    }

    public String instanceId() {
        return instanceId;
    }

    public String instanceType() {
        return instanceType;
    }

    public String imageId() {
        return imageId;
    }

    public String availabilityZone() {
        return zone;
    }

    public String availabilityZoneId() {
        return zoneId;
    }

    public String subnetId() {
        return subnetId;
    }

    /** The template as the instance shows it: the version is the number it was launched from. */
    public LaunchTemplateSpec launchTemplate() {
        return new LaunchTemplateSpec(launchTemplate.id(), launchTemplate.name(), String.valueOf(templateVersion));
    }

    /** The group's template as it was when the instance launched, its version as the group gave it. */
    LaunchTemplateSpec launchTemplateAsGiven() {
        return launchTemplate;
    }

    public long templateVersion() {
        return templateVersion;
    }

    public Instant launchTime() {
        return launchTime;
    }

    public LifecycleState lifecycle() {
        return lifecycle;
    }

    public boolean healthy() {
        return healthy;
    }

    public boolean protectedFromScaleIn() {
        return protectedFromScaleIn;
    }

    void moveTo(LifecycleState next) {
        if (next.ordinal() <= lifecycle.ordinal()) {
            throw new IllegalStateException("instance " + instanceId + " cannot move from " + lifecycle + " to " + next);
        }
        lifecycle = next;
    }

    void markUnhealthy() {
        healthy = false;
    }

    void protect(boolean value) {
        protectedFromScaleIn = value;
    }
}
