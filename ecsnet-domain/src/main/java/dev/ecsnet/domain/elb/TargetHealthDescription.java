package dev.ecsnet.domain.elb;

/** A target with its health: {@code availabilityZone} is null unless it was given at registration; {@code healthCheckPort} may be null. */
public record TargetHealthDescription(String id, int port, String availabilityZone, String healthCheckPort, TargetHealth health) {
}
