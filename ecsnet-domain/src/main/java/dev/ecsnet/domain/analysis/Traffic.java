package dev.ecsnet.domain.analysis;

import dev.ecsnet.domain.net.Ipv4;

import java.util.List;

/**
 * One direction of a flow as rules see it: protocol ({@code tcp}, {@code udp}, {@code icmp}), destination port, and
 * the peer on the other side: its address and the security groups it carries (empty for addresses outside the VPC).
 */
public record Traffic(String protocol, int port, int peerIp, List<String> peerGroupIds) {

    public Traffic {
        peerGroupIds = List.copyOf(peerGroupIds);
    }

    public static Traffic tcp(int port, int peerIp, List<String> peerGroupIds) {
        return new Traffic("tcp", port, peerIp, peerGroupIds);
    }

    public String peer() {
        return Ipv4.format(peerIp);
    }
}
