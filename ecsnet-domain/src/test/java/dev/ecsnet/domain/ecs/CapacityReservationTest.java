package dev.ecsnet.domain.ecs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ECS cluster auto scaling's metric and steps on the cases the AWS documentation and the deep-dive blog give. */
class CapacityReservationTest {
    private static final AsgCapacityProvider.Scaling TARGET_100 = new AsgCapacityProvider.Scaling("ENABLED", 100, 1, 10_000, 300);

    @Test
    void theMetricIsNeededOverInstancesWithTheTwoCasesAtZero() {
        assertThat(new CapacityReservation(0, 0, 0).metric()).isEqualTo(100);
        assertThat(new CapacityReservation(0, 3, 0).metric()).isEqualTo(200);
        assertThat(new CapacityReservation(2, 3, 2).metric()).isEqualTo(150);
        assertThat(new CapacityReservation(4, 2, 2).metric()).isEqualTo(50);
        assertThat(new CapacityReservation(3, 3, 0).metric()).isEqualTo(100);
    }

    @Test
    void fromZeroTheGroupGrowsToTwoAtLeastAndOtherwiseToWhatTheTasksNeed() {
        assertThat(new CapacityReservation(0, 1, 0).scaleOut(0, TARGET_100, 0, 10)).isEqualTo(2);
        assertThat(new CapacityReservation(0, 3, 0).scaleOut(0, TARGET_100, 0, 10)).isEqualTo(3);
        assertThat(new CapacityReservation(1, 2, 0).scaleOut(1, TARGET_100, 0, 10)).isEqualTo(2);
        assertThat(new CapacityReservation(3, 3, 0).scaleOut(3, TARGET_100, 0, 10)).isEqualTo(3);
    }

    @Test
    void aLowerTargetKeepsSpareInstancesAndTheStepsAndMaxBound() {
        AsgCapacityProvider.Scaling target50 = new AsgCapacityProvider.Scaling("ENABLED", 50, 1, 10_000, 300);
        assertThat(new CapacityReservation(2, 2, 0).scaleOut(2, target50, 0, 10)).isEqualTo(4);
        AsgCapacityProvider.Scaling steps = new AsgCapacityProvider.Scaling("ENABLED", 100, 3, 4, 300);
        assertThat(new CapacityReservation(2, 3, 0).scaleOut(2, steps, 0, 10)).as("at least the minimum step").isEqualTo(5);
        assertThat(new CapacityReservation(2, 20, 0).scaleOut(2, steps, 0, 10)).as("at most the maximum step").isEqualTo(6);
        assertThat(new CapacityReservation(2, 20, 0).scaleOut(2, TARGET_100, 0, 5)).as("never past max").isEqualTo(5);
    }

    @Test
    void scaleInRemovesOnlyEmptyInstancesDownToTheMinimum() {
        assertThat(new CapacityReservation(3, 1, 2).scaleIn(3, TARGET_100, 0)).isEqualTo(1);
        assertThat(new CapacityReservation(3, 1, 1).scaleIn(3, TARGET_100, 0)).as("only the empty one goes").isEqualTo(2);
        assertThat(new CapacityReservation(3, 0, 3).scaleIn(3, TARGET_100, 2)).isEqualTo(2);
        assertThat(new CapacityReservation(3, 3, 0).scaleIn(3, TARGET_100, 0)).isEqualTo(3);
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThatThrownBy(() -> new CapacityReservation(1, 0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CapacityReservation(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
