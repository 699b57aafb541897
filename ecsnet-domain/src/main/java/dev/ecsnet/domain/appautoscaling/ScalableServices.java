package dev.ecsnet.domain.appautoscaling;

import java.util.OptionalInt;

/** What Application Auto Scaling needs of ECS: an ACTIVE service's desired count, and setting it as UpdateService does. */
public interface ScalableServices {

    /** The desired count of the ACTIVE service {@code service} of {@code cluster}; empty when there is none. */
    OptionalInt desiredCount(String cluster, String service);

    void setDesiredCount(String cluster, String service, int count);
}
