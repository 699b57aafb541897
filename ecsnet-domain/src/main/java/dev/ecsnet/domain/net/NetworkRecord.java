package dev.ecsnet.domain.net;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The EC2 network of one account in one region as plain data (see docs/design-state.md, "Snapshot records"). Every
 * list is in the order the network keeps (describe order); addresses and CIDRs are in EC2's text form. What the
 * network derives is not here: creation orders, tag and field indexes, the pools' reservation marks (from
 * {@link #subnetCidrReservations}), peering status messages, prefix list ARNs, and the ids a container implies (a
 * rule's group, an association's route table or ACL).
 */
public record NetworkRecord(List<VpcRecord> vpcs, List<SubnetRecord> subnets, List<NetworkInterfaceRecord> networkInterfaces,
                            List<String> publicIps, List<SecurityGroupRecord> securityGroups, List<RouteTableRecord> routeTables,
                            List<NetworkAclRecord> networkAcls, List<InternetGatewayRecord> internetGateways,
                            List<ElasticIpRecord> elasticIps, List<NatGatewayRecord> natGateways,
                            List<EgressOnlyInternetGatewayRecord> egressOnlyInternetGateways,
                            Map<String, String> egressOnlyInternetGatewayClientTokens, List<VpcEndpointRecord> vpcEndpoints,
                            List<PeeringConnectionRecord> peeringConnections, List<PrefixListRecord> prefixLists,
                            String regionDefaultDhcpOptionsId, List<DhcpOptionsRecord> dhcpOptions,
                            List<SubnetCidrReservationRecord> subnetCidrReservations, long amazonIpv6DrawState,
                            List<String> issuedAmazonIpv6Blocks) {

    /** A VPC; its first IPv4 block is the primary one. */
    public record VpcRecord(String id, List<CidrBlockRecord> cidrBlocks, List<Ipv6CidrBlockRecord> ipv6CidrBlocks, String ownerId,
                            boolean defaultVpc, String instanceTenancy, String dhcpOptionsId, Map<String, String> tags,
                            boolean enableDnsSupport, boolean enableDnsHostnames, boolean enableNetworkAddressUsageMetrics,
                            String defaultSecurityGroupId) {
    }

    /** An IPv4 block of a VPC, or the IPv6 /64 of a subnet. */
    public record CidrBlockRecord(String associationId, String cidr, CidrBlockState state) {
    }

    /** An Amazon-provided IPv6 block of a VPC. */
    public record Ipv6CidrBlockRecord(String associationId, String cidr, CidrBlockState state, String networkBorderGroup,
                                      String ipv6Pool) {
    }

    /**
     * A subnet. {@code ipv6Pool} is null while no /64 is associated. {@code pool} null (a record built from outside)
     * takes a fresh pool with the addresses of the subnet's interfaces marked taken.
     */
    public record SubnetRecord(String id, String vpcId, String cidr, String availabilityZone, String ownerId, boolean defaultForAz,
                               Map<String, String> tags, boolean mapPublicIpOnLaunch, List<CidrBlockRecord> ipv6CidrBlocks,
                               boolean assignIpv6AddressOnCreation, boolean enableDns64,
                               boolean enableResourceNameDnsAAAARecordOnLaunch, Ipv4PoolRecord pool, Ipv6PoolRecord ipv6Pool) {
    }

    /**
     * A subnet's IPv4 pool exactly as it stands, so that it picks the same next addresses: its stream, how many offsets
     * are free and assignable, and the slots of its array of free offsets that no longer hold their initial offset
     * (slot i starts with offset i + 4); the slots from {@code freeCount} on hold nothing.
     */
    public record Ipv4PoolRecord(long randomState, int freeCount, int assignableCount, List<Integer> movedSlots,
                                 List<Integer> movedOffsets) {
    }

    /** A subnet's IPv6 pool: its /64, its stream and the addresses taken, in the order they were taken. */
    public record Ipv6PoolRecord(String cidr, long randomState, List<String> taken) {
    }

    /** A network interface; {@code attachment} is the last one (a detached one stays shown until the next attach). */
    public record NetworkInterfaceRecord(String id, String subnetId, String vpcId, String availabilityZone, String ownerId,
                                         String macAddress, String privateIpAddress, String description, List<String> groupIds,
                                         String interfaceType, String requesterId, Map<String, String> tags,
                                         AttachmentRecord attachment, String publicIp, String allocationId, String associationId,
                                         boolean sourceDestCheck, List<String> ipv6Addresses) {
    }

    public record AttachmentRecord(String attachmentId, String instanceId, String instanceOwnerId, int deviceIndex,
                                   int networkCardIndex, String status, Instant attachTime, boolean deleteOnTermination) {
    }

    public record SecurityGroupRecord(String id, String name, String description, String vpcId, String ownerId,
                                      Map<String, String> tags, List<RuleRecord> rules) {
    }

    /** A security group rule; exactly one of the peers is set. */
    public record RuleRecord(String ruleId, String groupOwnerId, boolean egress, String protocol, int fromPort, int toPort,
                             String cidrIpv4, String cidrIpv6, String prefixListId, String referencedGroupId, String description,
                             Map<String, String> tags) {
    }

    public record RouteTableRecord(String id, String vpcId, String ownerId, Map<String, String> tags, List<RouteRecord> routes,
                                   List<RouteTableAssociationRecord> associations) {
    }

    public record RouteRecord(String destinationCidrBlock, String destinationIpv6CidrBlock, String destinationPrefixListId,
                              Route.TargetKind targetKind, String targetId, String origin, String state) {
    }

    /** {@code subnetId} is null for the main association. */
    public record RouteTableAssociationRecord(String id, String subnetId, boolean main) {
    }

    /** Entries in the order the ACL keeps them (not the sorted order it lists them in). */
    public record NetworkAclRecord(String id, String vpcId, String ownerId, boolean defaultAcl, Map<String, String> tags,
                                   List<AclEntryRecord> entries, List<AclAssociationRecord> associations) {
    }

    public record AclEntryRecord(int ruleNumber, boolean egress, String protocol, String ruleAction, String cidrBlock,
                                 String ipv6CidrBlock, Integer fromPort, Integer toPort, Integer icmpType, Integer icmpCode) {
    }

    public record AclAssociationRecord(String id, String subnetId) {
    }

    public record InternetGatewayRecord(String id, String ownerId, Map<String, String> tags, String attachedVpcId) {
    }

    public record ElasticIpRecord(String allocationId, String publicIp, String ownerId, String networkBorderGroup,
                                  Map<String, String> tags, String associationId, String networkInterfaceId) {
    }

    public record NatGatewayRecord(String id, String subnetId, String vpcId, String allocationId, String networkInterfaceId,
                                   String privateIp, String publicIp, String associationId, Instant createTime,
                                   Map<String, String> tags, String state, Instant deleteTime) {
    }

    public record EgressOnlyInternetGatewayRecord(String id, String vpcId, Map<String, String> tags) {
    }

    public record VpcEndpointRecord(String id, String type, String vpcId, String serviceName, String ownerId,
                                    Instant creationTimestamp, boolean privateDnsEnabled, Map<String, String> tags,
                                    List<String> routeTableIds, List<String> subnetIds, List<String> groupIds,
                                    List<String> networkInterfaceIds, String policyDocument, String state) {
    }

    public record PeeringConnectionRecord(String id, String requesterVpcId, String accepterVpcId, String ownerId, String region,
                                          Instant expirationTime, Map<String, String> tags, VpcPeeringConnection.Status status,
                                          boolean requesterAllowsDnsResolutionFromRemoteVpc,
                                          boolean accepterAllowsDnsResolutionFromRemoteVpc) {
    }

    /** A customer-managed prefix list with every version it has had, oldest first. */
    public record PrefixListRecord(String id, String name, String addressFamily, int maxEntries, String ownerId,
                                   Map<String, String> tags, List<PrefixListVersionRecord> versions,
                                   ManagedPrefixList.State state, String stateMessage) {
    }

    public record PrefixListVersionRecord(long version, List<PrefixListEntryRecord> entries) {
    }

    public record PrefixListEntryRecord(String cidr, String description) {
    }

    public record DhcpOptionsRecord(String id, String ownerId, Map<String, List<String>> configurations, Map<String, String> tags) {
    }

    public record SubnetCidrReservationRecord(String id, String subnetId, String cidr, SubnetCidrReservation.Type type,
                                              String ownerId, String description, Map<String, String> tags) {
    }
}
