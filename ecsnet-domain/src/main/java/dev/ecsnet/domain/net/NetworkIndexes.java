package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.SecondaryIndex;
import dev.ecsnet.domain.common.TagIndex;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The lookups behind the Describe filters tools use most, kept by {@link Network} as it writes: ENIs by id, subnet,
 * VPC, primary private address and security group; subnets by id and VPC; and VPCs, subnets, security groups and
 * ENIs by tag ({@code tag:Key}, {@code tag-key}), which follow each resource's own tag map. Each answer is in
 * creation order, the order of a scan.
 */
public final class NetworkIndexes {
    /** The fields of an ENI that are indexed, by the EC2 filter name they serve. */
    public enum EniField {
        NETWORK_INTERFACE_ID, SUBNET_ID, VPC_ID, PRIVATE_IP_ADDRESS, GROUP_ID
    }

    /** The fields of a subnet that are indexed. */
    public enum SubnetField {
        SUBNET_ID, VPC_ID
    }

    private final Function<String, NetworkInterface> eniById;
    private final Function<String, Subnet> subnetById;
    private final Map<EniField, SecondaryIndex<NetworkInterface>> enis = new EnumMap<>(Map.of(
            EniField.SUBNET_ID, SecondaryIndex.of(NetworkInterface::subnetId, NetworkInterface::creationOrder),
            EniField.VPC_ID, SecondaryIndex.of(NetworkInterface::vpcId, NetworkInterface::creationOrder),
            EniField.PRIVATE_IP_ADDRESS, SecondaryIndex.of(NetworkInterface::privateIpAddress, NetworkInterface::creationOrder),
            EniField.GROUP_ID, new SecondaryIndex<>(NetworkInterface::groupIds, NetworkInterface::creationOrder)));
    private final SecondaryIndex<Subnet> subnetsByVpc = SecondaryIndex.of(Subnet::vpcId, Subnet::creationOrder);
    private final TagIndex<Vpc> vpcTags = new TagIndex<>();
    private final TagIndex<Subnet> subnetTags = new TagIndex<>();
    private final TagIndex<SecurityGroup> groupTags = new TagIndex<>();
    private final TagIndex<NetworkInterface> eniTags = new TagIndex<>();
    private long nextEni;
    private long nextSubnet;

    /** Ids are looked up in the network's own maps. */
    NetworkIndexes(Function<String, NetworkInterface> eniById, Function<String, Subnet> subnetById) {
        this.eniById = eniById;
        this.subnetById = subnetById;
    }

    /** The ENIs whose field has any of these values (exact, no wildcards), in creation order. */
    public List<NetworkInterface> networkInterfaces(EniField field, Collection<String> values) {
        if (field == EniField.NETWORK_INTERFACE_ID) {
            return byIds(values, eniById, Comparator.comparingLong(NetworkInterface::creationOrder));
        }
        return enis.get(field).lookup(values);
    }

    /** The subnets whose field has any of these values (exact, no wildcards), in creation order. */
    public List<Subnet> subnets(SubnetField field, Collection<String> values) {
        if (field == SubnetField.SUBNET_ID) {
            return byIds(values, subnetById, Comparator.comparingLong(Subnet::creationOrder));
        }
        return subnetsByVpc.lookup(values);
    }

    public TagIndex<Vpc> vpcTags() {
        return vpcTags;
    }

    public TagIndex<Subnet> subnetTags() {
        return subnetTags;
    }

    public TagIndex<SecurityGroup> groupTags() {
        return groupTags;
    }

    public TagIndex<NetworkInterface> eniTags() {
        return eniTags;
    }

    private static <T> List<T> byIds(Collection<String> ids, Function<String, T> lookup, Comparator<T> order) {
        return new LinkedHashSet<>(ids).stream().map(lookup).filter(Objects::nonNull).sorted(order).toList();
    }

    void added(NetworkInterface eni) {
        eni.setCreationOrder(nextEni++);
        enis.values().forEach(i -> i.added(eni));
        eniTags.added(eni);
    }

    void removed(NetworkInterface eni) {
        enis.values().forEach(i -> i.removed(eni));
        eniTags.removed(eni);
    }

    /** The ENI's security groups changed from {@code before}. */
    void groupsChanged(NetworkInterface eni, List<String> before) {
        enis.get(EniField.GROUP_ID).changed(eni, before);
    }

    void added(Subnet subnet) {
        subnet.setCreationOrder(nextSubnet++);
        subnetsByVpc.added(subnet);
        subnetTags.added(subnet);
    }

    void removed(Subnet subnet) {
        subnetsByVpc.removed(subnet);
        subnetTags.removed(subnet);
    }

    void added(Vpc vpc) {
        vpcTags.added(vpc);
    }

    void removed(Vpc vpc) {
        vpcTags.removed(vpc);
    }

    void added(SecurityGroup group) {
        groupTags.added(group);
    }

    void removed(SecurityGroup group) {
        groupTags.removed(group);
    }
}
