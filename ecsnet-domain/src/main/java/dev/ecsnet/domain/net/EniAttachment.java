package dev.ecsnet.domain.net;

import java.time.Instant;

/** How an ENI is attached: for a Fargate task ENI, to an AWS-owned host at device index 1. */
public record EniAttachment(String attachmentId, String instanceId, String instanceOwnerId, int deviceIndex,
                            int networkCardIndex, String status, Instant attachTime, boolean deleteOnTermination) {
}
