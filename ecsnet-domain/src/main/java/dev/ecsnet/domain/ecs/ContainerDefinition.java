package dev.ecsnet.domain.ecs;

import java.util.Optional;

/** The parts of a container definition the control plane acts on; the full definition stays in the document. */
public record ContainerDefinition(String name, String image, Optional<Integer> cpu, Optional<Integer> memory,
                                  Optional<Integer> memoryReservation) {
}
