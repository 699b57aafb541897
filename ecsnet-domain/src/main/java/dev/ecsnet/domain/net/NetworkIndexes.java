package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.SecondaryIndex;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

    private final Map<EniField, SecondaryIndex<NetworkInterface>> enis = new EnumMap<>(Map.of(
            EniField.NETWORK_INTERFACE_ID, SecondaryIndex.of(NetworkInterface::id, NetworkInterface::id),
            EniField.SUBNET_ID, SecondaryIndex.of(NetworkInterface::id, NetworkInterface::subnetId),
            EniField.VPC_ID, SecondaryIndex.of(NetworkInterface::id, NetworkInterface::vpcId),
            EniField.PRIVATE_IP_ADDRESS, SecondaryIndex.of(NetworkInterface::id, NetworkInterface::privateIpAddress),
            EniField.GROUP_ID, new SecondaryIndex<>(NetworkInterface::id, NetworkInterface::groupIds)));
    private final Map<SubnetField, SecondaryIndex<Subnet>> subnets = new EnumMap<>(Map.of(
            SubnetField.SUBNET_ID, SecondaryIndex.of(Subnet::id, Subnet::id),
            SubnetField.VPC_ID, SecondaryIndex.of(Subnet::id, Subnet::vpcId)));

    NetworkIndexes() {
    }

    /** The ENIs whose field has any of these values (exact, no wildcards), in creation order. */
    public List<NetworkInterface> networkInterfaces(EniField field, Collection<String> values) {
        return enis.get(field).lookup(values);
    }

    /** The subnets whose field has any of these values (exact, no wildcards), in creation order. */
    public List<Subnet> subnets(SubnetField field, Collection<String> values) {
        return subnets.get(field).lookup(values);
    }

    void added(NetworkInterface eni) {
        enis.values().forEach(i -> i.added(eni));
    }

    void removed(NetworkInterface eni) {
        enis.values().forEach(i -> i.removed(eni));
    }

    void groupsChanged(NetworkInterface eni) {
        enis.get(EniField.GROUP_ID).changed(eni);
    }

    void added(Subnet subnet) {
        subnets.values().forEach(i -> i.added(subnet));
    }

    void removed(Subnet subnet) {
        subnets.values().forEach(i -> i.removed(subnet));
    }
}
