package dev.ecsnet.domain.analysis;

import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.net.IpPermission;
import dev.ecsnet.domain.net.IpPermission.Peer;
import dev.ecsnet.domain.net.IpPermission.PeerKind;
import dev.ecsnet.domain.net.Ipv6Address;
import dev.ecsnet.domain.net.Ipv6Cidr;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.NetworkAcl;
import dev.ecsnet.domain.net.Route;
import dev.ecsnet.domain.net.RouteTable;
import dev.ecsnet.domain.net.RouteTables;
import dev.ecsnet.domain.net.SecurityGroup;
import dev.ecsnet.domain.net.Subnet;
import dev.ecsnet.domain.net.Vpc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** IPv6 packets from a dual-stack ENI to the IPv6 internet, through groups, ACLs and routes of their own family. */
class Ipv6PathAnalyzerTest {
    private static final Ipv6Address INTERNET = Ipv6Address.parse("2a00:1450:4001::1").orElseThrow();

    private Network net;
    private Ipv6PathAnalyzer analyzer;
    private Vpc vpc;
    private Subnet subnet;
    private RouteTable table;
    private SecurityGroup sg;
    private String igw;

    @BeforeEach
    void dualStackNetwork() {
        net = new Network("000000000000", "us-east-1", new IdSource(9), () -> Instant.parse("2026-01-01T00:00:00Z"));
        analyzer = new Ipv6PathAnalyzer(net);
        vpc = net.createVpc("10.0.0.0/16", null, true, null, Map.of());
        Ipv6Cidr block = vpc.associatedIpv6Cidrs().get(0);
        String slash64 = new Ipv6Cidr(block.network(), 64).toString();
        subnet = net.createSubnet(vpc.id(), "10.0.1.0/24", slash64, "us-east-1a", null, Map.of());
        table = net.routeTables().create(vpc.id(), Map.of());
        net.routeTables().associate(table.id(), subnet.id());
        igw = net.gateways().createInternetGateway(Map.of()).id();
        net.gateways().attachInternetGateway(igw, vpc.id());
        sg = net.createSecurityGroup(vpc.id(), "task", "task", Map.of());
    }

    private Source eni(Integer ipv6Count) {
        return Source.of(net.createNetworkInterface(new Network.EniRequest(subnet.id(), "t", List.of(sg.id()), null, null, null, Map.of(),
                ipv6Count, null)));
    }

    private void allowIpv6Egress() {
        net.authorize(sg.id(), true, List.of(new IpPermission("-1", null, null, List.of(new Peer(PeerKind.CIDR_IPV6, "::/0", null)))));
    }

    private Verdict https(Source s) {
        return analyzer.toIpv6Address(s, INTERNET, "tcp", 443, "::/0");
    }

    private static String code(Verdict v) {
        return v instanceof Verdict.Blocked b ? b.explanationCode() : "REACHABLE";
    }

    @Test
    void withoutAnIpv6AddressNothingLeavesOverIpv6() {
        assertThat(code(https(eni(0)))).isEqualTo("NO_IPV6_ADDRESS");
    }

    @Test
    void ipv4RulesDoNotLetIpv6Out() {
        // a new group has only the IPv4 allow-all egress rule
        Verdict v = https(eni(1));
        assertThat(code(v)).isEqualTo("ENI_SG_RULES_MISMATCH");
        assertThat(((Verdict.Blocked) v).reason()).contains("::/0");
    }

    @Test
    void withoutAnIpv6RouteTheLocalRouteIsAllThereIs() {
        allowIpv6Egress();
        Verdict v = https(eni(1));
        assertThat(code(v)).isEqualTo("NO_ROUTE_TO_DESTINATION");
        assertThat(((Verdict.Blocked) v).componentId()).isEqualTo(table.id());
        assertThat(((Verdict.Blocked) v).reason()).contains("egress-only internet gateway");
    }

    @Test
    void anInternetGatewayRouteReachesTheIpv6InternetWithoutAPublicIp() {
        allowIpv6Egress();
        net.routeTables().createRoute(table.id(), null, "::/0", null, new RouteTables.Target(Route.TargetKind.INTERNET_GATEWAY, igw));
        Verdict v = https(eni(1));
        assertThat(v.reachable()).isTrue();
        assertThat(v.path()).extracting(Hop::kind).containsExactly("network-interface", "security-group-rule", "route", "internet-gateway");
    }

    @Test
    void anEgressOnlyGatewayRouteReachesItToo() {
        allowIpv6Egress();
        String eigw = net.egressOnlyInternetGateways().create(vpc.id(), null, Map.of()).id();
        net.routeTables().createRoute(table.id(), null, "::/0", null, new RouteTables.Target(Route.TargetKind.EGRESS_ONLY_INTERNET_GATEWAY, eigw));
        Verdict v = https(eni(1));
        assertThat(v.reachable()).isTrue();
        assertThat(v.path().get(v.path().size() - 1).kind()).isEqualTo("egress-only-internet-gateway");
        net.egressOnlyInternetGateways().delete(eigw);
        assertThat(code(https(eni(1)))).isEqualTo("BAD_STATE_ROUTE");
    }

    @Test
    void ipv6TrafficIsJudgedByIpv6AclEntriesOnly() {
        allowIpv6Egress();
        net.routeTables().createRoute(table.id(), null, "::/0", null, new RouteTables.Target(Route.TargetKind.INTERNET_GATEWAY, igw));
        NetworkAcl acl = net.acls().create(vpc.id(), Map.of());
        net.acls().replaceAssociation(net.acls().forSubnet(subnet.id()).associations().stream()
                .filter(a -> a.subnetId().equals(subnet.id())).findFirst().orElseThrow().id(), acl.id());
        // IPv4 allow-all both ways: IPv6 is still stopped by the IPv6 final deny (rule 32768, shown as *)
        net.acls().createEntry(acl.id(), new NetworkAcl.Entry(100, true, "-1", "allow", "0.0.0.0/0", null, null, null, null));
        net.acls().createEntry(acl.id(), new NetworkAcl.Entry(100, false, "-1", "allow", "0.0.0.0/0", null, null, null, null));
        Verdict blocked = https(eni(1));
        assertThat(code(blocked)).isEqualTo("SUBNET_ACL_RESTRICTION");
        assertThat(((Verdict.Blocked) blocked).reason()).contains("rule *");
        net.acls().createEntry(acl.id(), new NetworkAcl.Entry(101, true, "6", "allow", null, "::/0", 443, 443, null, null));
        net.acls().createEntry(acl.id(), new NetworkAcl.Entry(101, false, "6", "allow", null, "::/0", 1024, 65535, null, null));
        assertThat(https(eni(1)).reachable()).isTrue();
        // and IPv6 entries do not open IPv4 traffic
        assertThat(NaclEvaluator.decide(acl, true, "tcp", 443, (10 << 24) | 5).map(NetworkAcl.Entry::ruleNumber)).hasValue(100);
        net.acls().deleteEntry(acl.id(), 100, true);
        assertThat(NaclEvaluator.decide(acl, true, "tcp", 443, (10 << 24) | 5)).map(NetworkAcl.Entry::ruleNumber).hasValue(32767);
    }
}
