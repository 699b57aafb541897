package dev.ecsnet.domain.ecs;

/** Status of a task's ENI attachment as DescribeTasks shows it; constants are the wire values. */
public enum AttachmentStatus {
    PRECREATED, CREATED, ATTACHING, ATTACHED, DETACHING, DETACHED, DELETED, FAILED
}
