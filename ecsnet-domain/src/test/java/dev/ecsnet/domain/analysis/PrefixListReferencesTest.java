package dev.ecsnet.domain.analysis;

import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.net.IpPermission;
import dev.ecsnet.domain.net.IpPermission.Peer;
import dev.ecsnet.domain.net.IpPermission.PeerKind;
import dev.ecsnet.domain.net.Ipv4;
import dev.ecsnet.domain.net.ManagedPrefixList;
import dev.ecsnet.domain.net.ManagedPrefixLists;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.NetworkInterface;
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

/** Security group rules and routes that reference a customer-managed prefix list are judged by its current entries. */
class PrefixListReferencesTest {
    private Network net;
    private Vpc vpc;
    private Subnet subnet;
    private ManagedPrefixList office;

    @BeforeEach
    void network() {
        net = new Network("000000000000", "us-east-1", new IdSource(5), () -> Instant.parse("2026-01-01T00:00:00Z"));
        vpc = net.createVpc("10.0.0.0/16", null, Map.of());
        subnet = net.createSubnet(vpc.id(), "10.0.1.0/24", "us-east-1a", null, Map.of());
        office = net.prefixLists().create("office", "IPv4", 5, List.of(new ManagedPrefixList.Entry("10.0.1.0/28", "desk")), Map.of());
    }

    private NetworkInterface eni(SecurityGroup sg, String address) {
        return net.createNetworkInterface(new Network.EniRequest(subnet.id(), null, List.of(sg.id()), address, null, null, Map.of()));
    }

    @Test
    void anIngressRuleFromThePrefixListAdmitsExactlyItsEntriesAndFollowsModifications() {
        SecurityGroup db = net.createSecurityGroup(vpc.id(), "db", "db", Map.of());
        net.authorize(db.id(), false, List.of(new IpPermission("tcp", 5432, 5432, List.of(new Peer(PeerKind.PREFIX_LIST, office.id(), null)))));
        SecurityGroupEvaluator groups = new SecurityGroupEvaluator(net);
        int inside = (int) Ipv4.parse("10.0.1.9");
        int outside = (int) Ipv4.parse("10.0.1.200");
        assertThat(groups.ingress(List.of(db.id()), Traffic.tcp(5432, inside, List.of()))).isPresent();
        assertThat(groups.ingress(List.of(db.id()), Traffic.tcp(5432, outside, List.of()))).isEmpty();

        net.prefixLists().modify(office.id(), new ManagedPrefixLists.Modification(1L, null,
                List.of(new ManagedPrefixList.Entry("10.0.1.192/26", null)), List.of("10.0.1.0/28"), null));
        assertThat(groups.ingress(List.of(db.id()), Traffic.tcp(5432, inside, List.of()))).isEmpty();
        assertThat(groups.ingress(List.of(db.id()), Traffic.tcp(5432, outside, List.of()))).isPresent();
    }

    @Test
    void aRouteToThePrefixListWinsByTheLengthOfTheMatchingEntry() {
        ManagedPrefixList partners = net.prefixLists().create("partners", "IPv4", 5,
                List.of(new ManagedPrefixList.Entry("198.51.100.0/24", null)), Map.of());
        String igw = net.gateways().createInternetGateway(Map.of()).id();
        net.gateways().attachInternetGateway(igw, vpc.id());
        RouteTable main = net.routeTables().main(vpc.id());
        NetworkInterface appliance = net.createNetworkInterface(new Network.EniRequest(subnet.id(), null, List.of(), null, null, null, Map.of()));
        net.routeTables().createRoute(main.id(), "0.0.0.0/0", null, new RouteTables.Target(Route.TargetKind.INTERNET_GATEWAY, igw));
        net.routeTables().createRoute(main.id(), null, partners.id(), new RouteTables.Target(Route.TargetKind.NETWORK_INTERFACE, appliance.id()));

        assertThat(RouteResolver.resolve(main, (int) Ipv4.parse("198.51.100.7"), net)).map(Route::targetId).contains(appliance.id());
        assertThat(RouteResolver.resolve(main, (int) Ipv4.parse("203.0.113.7"), net)).map(Route::targetId).contains(igw);
        assertThat(net.prefixLists().references(partners.id())).containsExactly(main.id());
    }

    @Test
    void pathAnalysisBetweenInterfacesUsesThePrefixListRule() {
        SecurityGroup web = net.createSecurityGroup(vpc.id(), "web", "web", Map.of());
        SecurityGroup client = net.createSecurityGroup(vpc.id(), "client", "client", Map.of());
        net.authorize(web.id(), false, List.of(new IpPermission("tcp", 443, 443, List.of(new Peer(PeerKind.PREFIX_LIST, office.id(), null)))));
        NetworkInterface server = eni(web, "10.0.1.100");
        PathAnalyzer analyzer = new PathAnalyzer(net);

        Verdict fromDesk = analyzer.toInterface(Source.of(eni(client, "10.0.1.9")), Source.of(server), "tcp", 443, List.of());
        assertThat(fromDesk.reachable()).isTrue();
        assertThat(fromDesk.path()).anySatisfy(h -> assertThat(h.detail()).contains(office.id()));

        Verdict fromElsewhere = analyzer.toInterface(Source.of(eni(client, "10.0.1.50")), Source.of(server), "tcp", 443, List.of());
        assertThat(fromElsewhere.reachable()).isFalse();
        assertThat(((Verdict.Blocked) fromElsewhere).explanationCode()).isEqualTo("ENI_SG_RULES_MISMATCH");
    }
}
