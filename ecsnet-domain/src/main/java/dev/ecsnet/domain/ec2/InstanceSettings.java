package dev.ecsnet.domain.ec2;

import java.util.Objects;

/**
 * What an instance was launched with besides its image, type and network: detailed monitoring, EBS optimization,
 * its instance metadata options and whether its primary interface took a public IPv4 address. RunInstances takes
 * each from the request, else from the launch template, else EC2's default ({@link #DEFAULT}).
 *
 * @param associatePublicIpAddress the primary interface's {@code AssociatePublicIpAddress} was {@code true}
 */
public record InstanceSettings(boolean monitoring, boolean ebsOptimized, boolean associatePublicIpAddress, MetadataOptions metadataOptions) {

    /** Nothing asked for: basic monitoring, not EBS-optimized, no public address asked for, IMDSv2 required, two hops. */
    public static final InstanceSettings DEFAULT = new InstanceSettings(false, false, false, MetadataOptions.DEFAULT);

    public InstanceSettings {
        Objects.requireNonNull(metadataOptions, "metadataOptions");
    }

    /**
     * The instance metadata options ({@code InstanceMetadataOptionsRequest}). {@code httpProtocolIpv6} and
     * {@code instanceMetadataTags} are {@code ""} when neither request nor template gave them (the answer then leaves
     * them out, as ecsnet always has).
     */
    public record MetadataOptions(String httpTokens, int httpPutResponseHopLimit, String httpEndpoint, String httpProtocolIpv6,
                                  String instanceMetadataTags) {
        /** What the built-in AMIs (Amazon Linux 2023 and the ECS-optimized ones) launch with. */
        public static final MetadataOptions DEFAULT = new MetadataOptions("required", 2, "enabled", "", "");

        public MetadataOptions {
            Objects.requireNonNull(httpTokens, "httpTokens");
            Objects.requireNonNull(httpEndpoint, "httpEndpoint");
            Objects.requireNonNull(httpProtocolIpv6, "httpProtocolIpv6");
            Objects.requireNonNull(instanceMetadataTags, "instanceMetadataTags");
        }
    }
}
