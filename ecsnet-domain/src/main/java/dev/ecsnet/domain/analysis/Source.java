package dev.ecsnet.domain.analysis;

import dev.ecsnet.domain.net.AvailabilityZone;
import dev.ecsnet.domain.net.Ipv4;
import dev.ecsnet.domain.net.NetworkInterface;
import dev.ecsnet.domain.net.Subnet;

import java.util.List;

/**
 * One end of a path as rules see it: an ENI that exists, or one that would exist (a task's planned ENI, or a
 * stopped task's former one), described by its subnet, security groups, address and whether it has a public IP.
 */
public record Source(String id, String subnetId, String vpcId, AvailabilityZone zone, List<String> groupIds, int ip, boolean hasPublicIp) {

    public Source {
        groupIds = List.copyOf(groupIds);
    }

    public static Source of(NetworkInterface eni) {
        return new Source(eni.id(), eni.subnetId(), eni.vpcId(), eni.zone(), eni.groupIds(), eni.privateIp(), eni.publicIp().isPresent());
    }

    /** An ENI that a task in {@code subnet} with these groups would get; its address is the subnet's first usable one. */
    public static Source planned(String label, Subnet subnet, List<String> groupIds, boolean hasPublicIp) {
        return new Source(label, subnet.id(), subnet.vpcId(), subnet.zone(), groupIds, subnet.cidr().addressAt(4), hasPublicIp);
    }

    public String address() {
        return Ipv4.format(ip);
    }
}
