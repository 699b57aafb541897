package dev.ecsnet.domain.analysis;

import dev.ecsnet.domain.net.AvailabilityZone;
import dev.ecsnet.domain.net.Ipv4;
import dev.ecsnet.domain.net.Ipv6Address;
import dev.ecsnet.domain.net.NetworkInterface;
import dev.ecsnet.domain.net.Subnet;

import java.util.List;

/**
 * One end of a path as rules see it: an ENI that exists, or one that would exist (a task's planned ENI, or a
 * stopped task's former one), described by its subnet, security groups, addresses (IPv4, and IPv6 in a dual-stack
 * subnet) and whether it has a public IP.
 */
public record Source(String id, String subnetId, String vpcId, AvailabilityZone zone, List<String> groupIds, int ip, boolean hasPublicIp,
                     List<Ipv6Address> ipv6Addresses) {

    public Source {
        groupIds = List.copyOf(groupIds);
        ipv6Addresses = List.copyOf(ipv6Addresses);
    }

    public static Source of(NetworkInterface eni) {
        return new Source(eni.id(), eni.subnetId(), eni.vpcId(), eni.zone(), eni.groupIds(), eni.privateIp(), eni.publicIp().isPresent(),
                eni.ipv6Addresses());
    }

    /**
     * An ENI that a task in {@code subnet} with these groups would get; its address is the subnet's first usable one
     * (and, in a dual-stack subnet, the first usable address of its /64).
     */
    public static Source planned(String label, Subnet subnet, List<String> groupIds, boolean hasPublicIp) {
        List<Ipv6Address> v6 = subnet.ipv6Cidr().map(c -> List.of(c.addressAt(4))).orElse(List.of());
        return new Source(label, subnet.id(), subnet.vpcId(), subnet.zone(), groupIds, subnet.cidr().addressAt(4), hasPublicIp, v6);
    }

    public String address() {
        return Ipv4.format(ip);
    }
}
