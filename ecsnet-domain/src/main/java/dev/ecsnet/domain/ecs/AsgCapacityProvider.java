package dev.ecsnet.domain.ecs;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A capacity provider of an Auto Scaling group (CreateCapacityProvider): its settings as DescribeCapacityProviders
 * shows them, its status and the outcome of the last change, its tags, and what managed scaling remembers between
 * evaluations (when it last scaled out, since when the group has been above what the tasks need). Mutated only by
 * {@link CapacityProviders} and {@link ManagedScaling} on the engine thread.
 */
public final class AsgCapacityProvider {
    public static final String ENABLED = "ENABLED";
    public static final String DISABLED = "DISABLED";

    /** managedScaling; defaults as the API reference gives them (target 100, steps 1 and 10,000, warm-up 300 s). */
    public record Scaling(String status, int targetCapacity, int minimumScalingStepSize, int maximumScalingStepSize,
                          int instanceWarmupPeriod) {
        public static final Scaling DEFAULT = new Scaling(DISABLED, 100, 1, 10_000, 300);

        public boolean enabled() {
            return ENABLED.equals(status);
        }
    }

    /** autoScalingGroupProvider: the group (its ARN as given), managed scaling, termination protection and draining. */
    public record Settings(String autoScalingGroupArn, Scaling managedScaling, String managedTerminationProtection,
                           String managedDraining) {
        public boolean terminationProtection() {
            return ENABLED.equals(managedTerminationProtection);
        }
    }

    private final String name;
    private final String arn;
    private final String groupName;
    private final Map<String, String> tags;
    private Settings settings;
    private String status = "ACTIVE";
    private String updateStatus;
    private String updateStatusReason;
    private Instant lastScaleOut = Instant.EPOCH;
    private Instant aboveNeedSince;
    private long evaluationScheduled;

    AsgCapacityProvider(String name, String arn, String groupName, Settings settings, Map<String, String> tags) {
        this.name = name;
        this.arn = arn;
        this.groupName = groupName;
        this.settings = settings;
        this.tags = new LinkedHashMap<>(tags);
    }

    /** Restoring a snapshot: the state the provider had reached, on one just built from its record. */
    void restoreState(String status, String updateStatus, String updateStatusReason, Instant lastScaleOut, Instant aboveNeedSince,
                      long evaluationScheduled) {
        this.status = status;
        this.updateStatus = updateStatus;
        this.updateStatusReason = updateStatusReason;
        this.lastScaleOut = lastScaleOut;
        this.aboveNeedSince = aboveNeedSince;
        this.evaluationScheduled = evaluationScheduled;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    /** The name of the Auto Scaling group, resolved from the ARN at creation. */
    public String groupName() {
        return groupName;
    }

    public Settings settings() {
        return settings;
    }

    /** ACTIVE, or INACTIVE once deleted (DescribeCapacityProviders still shows it for a while). */
    public String status() {
        return status;
    }

    public boolean isActive() {
        return status.equals("ACTIVE");
    }

    public Optional<String> updateStatus() {
        return Optional.ofNullable(updateStatus);
    }

    public Optional<String> updateStatusReason() {
        return Optional.ofNullable(updateStatusReason);
    }

    public Map<String, String> tags() {
        return Collections.unmodifiableMap(tags);
    }

    Map<String, String> mutableTags() {
        return tags;
    }

    void update(Settings next) {
        settings = next;
        updateStatus = "UPDATE_COMPLETE";
        updateStatusReason = null;
    }

    void deleteFailed(String reason) {
        updateStatus = "DELETE_FAILED";
        updateStatusReason = reason;
    }

    void deleted() {
        status = "INACTIVE";
        updateStatus = "DELETE_COMPLETE";
        updateStatusReason = null;
    }

    Instant lastScaleOut() {
        return lastScaleOut;
    }

    void scaledOut(Instant at) {
        lastScaleOut = at;
        aboveNeedSince = null;
    }

    Optional<Instant> aboveNeedSince() {
        return Optional.ofNullable(aboveNeedSince);
    }

    void aboveNeed(Instant since) {
        aboveNeedSince = since;
    }

    /** The token of the pending evaluation timer; 0 when none is pending. */
    long evaluationScheduled() {
        return evaluationScheduled;
    }

    void evaluationScheduled(long token) {
        evaluationScheduled = token;
    }
}
