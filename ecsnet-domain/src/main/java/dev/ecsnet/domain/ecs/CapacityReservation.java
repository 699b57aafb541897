package dev.ecsnet.domain.ecs;

/**
 * ECS cluster auto scaling's arithmetic, pure: the {@code CapacityProviderReservation} metric M / N x 100 (N
 * instances in the group, M instances needed to run every task, PROVISIONING ones included; 200 when N = 0 and
 * M > 0, 100 when both are 0), and the desired capacity it leads to for a target. Scaling out adds at least
 * {@code minimumScalingStepSize} and at most {@code maximumScalingStepSize} instances, and from zero instances at
 * least two; scaling in removes only empty instances, not limited by the step sizes; the group's min and max
 * bound every answer.
 *
 * @param instances N: instances of the group (Pending and InService)
 * @param needed    M: instances the tasks need
 * @param empty     instances of the group running no task (they are the only ones scale-in may remove)
 */
public record CapacityReservation(int instances, int needed, int empty) {
    /** ECS's rule for a group with no instance and tasks to place: it scales out to two instances at once. */
    static final int FROM_ZERO = 2;

    public CapacityReservation {
        if (instances < 0 || needed < 0 || empty < 0 || empty > instances) {
            throw new IllegalArgumentException("N=" + instances + " M=" + needed + " empty=" + empty);
        }
    }

    /** The metric ECS publishes, in percent. */
    public int metric() {
        if (instances == 0) {
            return needed == 0 ? 100 : 200;
        }
        return (int) Math.ceil(needed * 100.0 / instances);
    }

    /** The instances that keep the metric at {@code targetCapacity} (1..100): ceil(M x 100 / target). */
    public int targetInstances(int targetCapacity) {
        return (int) Math.ceil(needed * 100.0 / targetCapacity);
    }

    /** The desired capacity to scale out to; {@code current} when no scale-out is due. */
    public int scaleOut(int current, AsgCapacityProvider.Scaling s, int minSize, int maxSize) {
        int wanted = targetInstances(s.targetCapacity());
        if (instances == 0 && needed > 0) {
            wanted = Math.max(wanted, FROM_ZERO);
        }
        if (wanted <= instances) {
            return current;
        }
        int step = Math.min(s.maximumScalingStepSize(), Math.max(s.minimumScalingStepSize(), wanted - instances));
        return Math.max(current, Math.max(minSize, Math.min(maxSize, instances + step)));
    }

    /** The desired capacity to scale in to: down toward the target, but only by empty instances, never below min. */
    public int scaleIn(int current, AsgCapacityProvider.Scaling s, int minSize) {
        int wanted = Math.max(targetInstances(s.targetCapacity()), instances - empty);
        if (wanted >= instances) {
            return current;
        }
        return Math.min(current, Math.max(minSize, wanted));
    }
}
