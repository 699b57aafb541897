package dev.ecsnet.domain.ecs;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scaling step against arbitrary groups and settings: it never leaves the group's min and max, a scale-out
 * adds at most the maximum step and at least the minimum step (unless max stops it), a scale-in never removes an
 * instance that runs tasks, and neither direction ever undoes the other's answer.
 */
class CapacityReservationProperties {

    @Property
    void stepsStayWithinTheGroupAndTheStepSizes(@ForAll @IntRange(max = 50) int instances, @ForAll @IntRange(max = 100) int needed,
                                                @ForAll @IntRange(max = 50) int emptyPick, @ForAll @IntRange(min = 1, max = 100) int target,
                                                @ForAll @IntRange(min = 1, max = 10) int minStep, @ForAll @IntRange(min = 1, max = 20) int maxStep,
                                                @ForAll @IntRange(max = 20) int min, @ForAll @IntRange(max = 60) int max) {
        Assume.that(minStep <= maxStep && min <= max && instances >= min && instances <= max);
        int empty = Math.min(emptyPick, instances);
        AsgCapacityProvider.Scaling s = new AsgCapacityProvider.Scaling("ENABLED", target, minStep, maxStep, 300);
        CapacityReservation r = new CapacityReservation(instances, needed, empty);

        int out = r.scaleOut(instances, s, min, max);
        assertThat(out).isBetween(instances, max);
        if (out > instances) {
            assertThat(out - instances).isLessThanOrEqualTo(maxStep);
            assertThat(out - instances).isGreaterThanOrEqualTo(Math.min(minStep, max - instances));
        }

        int in = r.scaleIn(instances, s, min);
        assertThat(in).isBetween(min, instances);
        assertThat(instances - in).as("only empty instances go").isLessThanOrEqualTo(empty);
        assertThat(out > instances && in < instances).as("never both").isFalse();
    }
}
