package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.ObservedTags;
import dev.ecsnet.domain.common.Taggable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An elastic network interface with one primary private IPv4 address taken from its subnet's pool and, in a dual-stack
 * subnet, IPv6 addresses taken from the subnet's /64.
 */
public final class NetworkInterface implements Taggable {
    private final String id;
    private final String subnetId;
    private final String vpcId;
    private final AvailabilityZone zone;
    private final String ownerId;
    private final String macAddress;
    private final int privateIp;
    private String description;
    private List<String> groupIds;
    private final String interfaceType;
    private final String requesterId;
    private final Map<String, String> tags = new ObservedTags();
    private EniAttachment attachment;
    private String publicIp;
    private String allocationId;
    private String associationId;
    private boolean sourceDestCheck = true;
    private final List<Ipv6Address> ipv6Addresses = new ArrayList<>();
    /** Position in the network's creation order (what its indexes sort by). */
    private long creationOrder;

    NetworkInterface(String id, String subnetId, String vpcId, AvailabilityZone zone, String ownerId, String macAddress,
                     int privateIp, String description, List<String> groupIds, String interfaceType, String requesterId) {
        this.id = id;
        this.subnetId = subnetId;
        this.vpcId = vpcId;
        this.zone = zone;
        this.ownerId = ownerId;
        this.macAddress = macAddress;
        this.privateIp = privateIp;
        this.description = description;
        this.groupIds = List.copyOf(groupIds);
        this.interfaceType = interfaceType;
        this.requesterId = requesterId;
    }

    @Override
    public String id() {
        return id;
    }

    public String subnetId() {
        return subnetId;
    }

    public String vpcId() {
        return vpcId;
    }

    public AvailabilityZone zone() {
        return zone;
    }

    public String ownerId() {
        return ownerId;
    }

    public String macAddress() {
        return macAddress;
    }

    public int privateIp() {
        return privateIp;
    }

    public String privateIpAddress() {
        return Ipv4.format(privateIp);
    }

    public String privateDnsName() {
        return Ipv4.privateDnsName(privateIp, zone.region());
    }

    public String description() {
        return description;
    }

    void setDescription(String value) {
        description = value;
    }

    long creationOrder() {
        return creationOrder;
    }

    void setCreationOrder(long value) {
        creationOrder = value;
    }

    public List<String> groupIds() {
        return groupIds;
    }

    void setGroupIds(List<String> value) {
        groupIds = List.copyOf(value);
    }

    public String interfaceType() {
        return interfaceType;
    }

    /** Requester-managed ENIs (ECS task ENIs, NAT gateways, endpoints) were created by an AWS service for you. */
    public boolean requesterManaged() {
        return requesterId != null;
    }

    public Optional<String> requesterId() {
        return Optional.ofNullable(requesterId);
    }

    public String status() {
        return attachment().isPresent() ? "in-use" : "available";
    }

    /** The attachment, while the ENI is attached (attaching, attached or detaching). */
    public Optional<EniAttachment> attachment() {
        return Optional.ofNullable(attachment).filter(EniAttachment::isLive);
    }

    /**
     * The attachment as DescribeNetworkInterfaces shows it: a detached one stays visible, with status
     * {@code detached}, until the ENI is attached again (the Terraform provider's detach waiter looks for it).
     */
    public Optional<EniAttachment> lastAttachment() {
        return Optional.ofNullable(attachment);
    }

    void setAttachment(EniAttachment value) {
        attachment = value;
    }

    public Optional<String> publicIp() {
        return Optional.ofNullable(publicIp);
    }

    void setPublicIp(String value) {
        publicIp = value;
    }

    /** Associates (or, with nulls, removes) an Elastic IP: the ENI's public address is then the account's own. */
    void setElasticIp(String ip, String allocation, String association) {
        publicIp = ip;
        allocationId = allocation;
        associationId = association;
    }

    /** The Elastic IP allocation behind the public address, or null for an Amazon-assigned one. */
    public String allocationId() {
        return allocationId;
    }

    public String associationId() {
        return associationId;
    }

    /** Who owns the public address: the account for an Elastic IP, {@code amazon} for an auto-assigned one. */
    public String publicIpOwnerId() {
        return allocationId != null ? ownerId : "amazon";
    }

    /** EC2's public DNS name for the public IP: {@code ec2-3-80-3-41.compute-1.amazonaws.com} in us-east-1. */
    public Optional<String> publicDnsName() {
        return publicIp().map(ip -> {
            String host = "ec2-" + ip.replace('.', '-');
            return "us-east-1".equals(zone.region()) ? host + ".compute-1.amazonaws.com" : host + "." + zone.region() + ".compute.amazonaws.com";
        });
    }

    public boolean sourceDestCheck() {
        return sourceDestCheck;
    }

    void setSourceDestCheck(boolean value) {
        sourceDestCheck = value;
    }

    /** IPv6 addresses in the order they were assigned. */
    public List<Ipv6Address> ipv6Addresses() {
        return List.copyOf(ipv6Addresses);
    }

    void addIpv6Address(Ipv6Address address) {
        ipv6Addresses.add(address);
    }

    void removeIpv6Address(Ipv6Address address) {
        ipv6Addresses.remove(address);
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }
}
