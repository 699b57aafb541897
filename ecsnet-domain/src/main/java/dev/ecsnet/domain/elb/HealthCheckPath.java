package dev.ecsnet.domain.elb;

import dev.ecsnet.domain.analysis.SecurityGroupEvaluator;
import dev.ecsnet.domain.analysis.Traffic;
import dev.ecsnet.domain.net.Ipv4;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.NetworkInterface;

import java.util.List;
import java.util.Optional;

/**
 * Whether a load balancer's health checks reach a target, decided from security group rules alone (pure; no state
 * changes). A check is a TCP connection from every load balancer node to the target IP on the health check port:
 * <ol>
 *   <li>some ENI in the VPC must hold the target IP;</li>
 *   <li>the load balancer's groups must allow egress to it: a rule whose IPv4 CIDR contains the target IP or whose
 *       referenced group is one of the target ENI's groups (a load balancer without groups, like an NLB created
 *       without them, sends freely);</li>
 *   <li>the target ENI's groups must allow ingress from it: a rule referencing one of the load balancer's groups, or
 *       an IPv4 CIDR containing every node address.</li>
 * </ol>
 * Rules are matched by the same {@link SecurityGroupEvaluator} that {@code diagnose}, {@code reach} and Reachability
 * Analyzer use. Security groups are stateful, so replies need no rule. Network ACLs and routes are not consulted
 * (the path stays inside one VPC).
 */
public final class HealthCheckPath {
    private HealthCheckPath() {
    }

    /** The outcome, with what blocked the check when it failed (for logs and tests). */
    public record Verdict(boolean reachable, String blockedBy) {
        static final Verdict REACHABLE = new Verdict(true, null);

        static Verdict blocked(String why) {
            return new Verdict(false, why);
        }
    }

    public static Verdict evaluate(Network network, LoadBalancer lb, String vpcId, String targetIp, int port) {
        long ip = Ipv4.parse(targetIp);
        if (ip < 0) {
            return Verdict.blocked("target " + targetIp + " is not an IPv4 address");
        }
        Optional<NetworkInterface> eni = network.networkInterfaces().stream()
                .filter(n -> n.vpcId().equals(vpcId) && n.privateIp() == (int) ip).findFirst();
        if (eni.isEmpty()) {
            return Verdict.blocked("no network interface holds " + targetIp);
        }
        List<String> targetGroups = eni.get().groupIds();
        SecurityGroupEvaluator groups = new SecurityGroupEvaluator(network);
        if (!lb.securityGroups().isEmpty() && groups.egress(lb.securityGroups(), Traffic.tcp(port, (int) ip, targetGroups)).isEmpty()) {
            return Verdict.blocked("security groups " + lb.securityGroups() + " of " + lb.name() + " allow no egress to " + targetIp + " on tcp/" + port);
        }
        // every node checks from its own address, carrying the load balancer's groups
        List<Integer> nodeIps = lb.nodes().stream().map(n -> (int) Ipv4.parse(n.privateIpv4Address())).toList();
        boolean ingress = !nodeIps.isEmpty() && nodeIps.stream()
                .allMatch(node -> groups.ingress(targetGroups, Traffic.tcp(port, node, lb.securityGroups())).isPresent());
        if (!ingress) {
            return Verdict.blocked("security groups " + targetGroups + " of " + eni.get().id() + " allow no ingress from " + lb.name() + " on tcp/" + port);
        }
        return Verdict.REACHABLE;
    }
}
