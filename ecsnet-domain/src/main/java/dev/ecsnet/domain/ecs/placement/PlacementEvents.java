package dev.ecsnet.domain.ecs.placement;

import java.util.Optional;

/**
 * The service event messages ECS writes when it cannot place a task (AWS-FACTS §2.3), built from a placement
 * {@link Placement.Decision}. For the services reconciler: one message per failed placement.
 */
public final class PlacementEvents {
    private static final String PREFIX = "was unable to place a task because no container instance met all of its requirements. ";
    private static final String TROUBLESHOOTING = " For more information, see the Troubleshooting section.";

    private PlacementEvents() {
    }

    /** The event for a decision that chose no host. */
    public static String unableToPlace(String serviceName, Placement.Decision decision) {
        Optional<Placement.Rejection> closest = decision.closest();
        if (closest.isEmpty()) {
            return noContainerInstances(serviceName);
        }
        return unableToPlace(serviceName, closest.get().host().containerInstanceId(), closest.get().reason());
    }

    public static String noContainerInstances(String serviceName) {
        return "(service " + serviceName + ") was unable to place a task. Reason: No Container Instances were found in your cluster."
                + " For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";
    }

    public static String unableToPlace(String serviceName, String containerInstanceId, String reason) {
        String closest = "The closest matching (container-instance " + containerInstanceId + ")";
        String what = switch (reason) {
            case Checks.CPU -> " has insufficient CPU units available.";
            case Checks.MEMORY -> " has insufficient memory available.";
            case Checks.PORTS -> " is already using a port required by your task.";
            case Checks.ATTRIBUTE -> " is missing an attribute required by your task.";
            default -> " encountered error \"" + reason + "\".";
        };
        return "(service " + serviceName + ") " + PREFIX + closest + what + TROUBLESHOOTING;
    }
}
