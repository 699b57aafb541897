package dev.ecsnet.domain.ec2;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The EC2 instances of one account in one region, as plain data (see docs/design-state.md, "Snapshot records"), in
 * launch order. Terminated instances stay listed, as DescribeInstances shows them. The instances' interfaces and
 * addresses are the network's; an instance names its primary interface by id.
 */
public record InstancesRecord(List<InstanceRecord> instances) {
    /**
     * One instance. {@code instanceType} and {@code imageId} name entries of the built-in catalogs,
     * {@code availabilityZone} a zone of the region by name; {@code iamInstanceProfileArn} and {@code keyName} are
     * null when not given; tags keep their order. {@code settings} is null in records written before instances kept
     * them (they launched with {@link InstanceSettings#DEFAULT}).
     */
    public record InstanceRecord(String id, String reservationId, String instanceType, String imageId, String subnetId, String vpcId,
                                 String availabilityZone, List<String> groupIds, String primaryEniId, String privateIpAddress,
                                 String privateDnsName, String userData, String iamInstanceProfileArn, String keyName, int launchIndex,
                                 Instant launchTime, InstanceState state, String stateTransitionReason, Map<String, String> tags,
                                 InstanceSettings settings) {
    }
}
