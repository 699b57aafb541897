package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.SecondaryIndex;

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
 * VPC, primary private address and security group; subnets by id and VPC. Each answer is in creation order, the order
 * of a scan. Tags are not indexed: their maps are written in many places.
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

    private static <T> List<T> byIds(Collection<String> ids, Function<String, T> lookup, Comparator<T> order) {
        return new LinkedHashSet<>(ids).stream().map(lookup).filter(Objects::nonNull).sorted(order).toList();
    }

    void added(NetworkInterface eni) {
        eni.setCreationOrder(nextEni++);
        enis.values().forEach(i -> i.added(eni));
    }

    void removed(NetworkInterface eni) {
        enis.values().forEach(i -> i.removed(eni));
    }

    /** The ENI's security groups changed from {@code before}. */
    void groupsChanged(NetworkInterface eni, List<String> before) {
        enis.get(EniField.GROUP_ID).changed(eni, before);
    }

    void added(Subnet subnet) {
        subnet.setCreationOrder(nextSubnet++);
        subnetsByVpc.added(subnet);
    }

    void removed(Subnet subnet) {
        subnetsByVpc.removed(subnet);
    }
}
