package dev.ecsnet.domain.net;

import java.time.Instant;

/**
 * How an ENI is attached: for a Fargate task ENI, to an AWS-owned host at device index 1. {@code status} is
 * {@code attaching}, {@code attached}, {@code detaching} or {@code detached}; a detached attachment is history.
 */
public record EniAttachment(String attachmentId, String instanceId, String instanceOwnerId, int deviceIndex,
                            int networkCardIndex, String status, Instant attachTime, boolean deleteOnTermination) {

    public boolean isLive() {
        return !"detached".equals(status);
    }

    public EniAttachment withStatus(String newStatus) {
        return new EniAttachment(attachmentId, instanceId, instanceOwnerId, deviceIndex, networkCardIndex, newStatus, attachTime, deleteOnTermination);
    }

    public EniAttachment withDeleteOnTermination(boolean value) {
        return new EniAttachment(attachmentId, instanceId, instanceOwnerId, deviceIndex, networkCardIndex, status, attachTime, value);
    }
}
