package dev.ecsnet.domain.analysis;

import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.net.IpPermission;
import dev.ecsnet.domain.net.IpPermission.Peer;
import dev.ecsnet.domain.net.IpPermission.PeerKind;
import dev.ecsnet.domain.net.NatGateway;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.NetworkAcl;
import dev.ecsnet.domain.net.Route;
import dev.ecsnet.domain.net.RouteTable;
import dev.ecsnet.domain.net.RouteTables;
import dev.ecsnet.domain.net.SecurityGroup;
import dev.ecsnet.domain.net.Subnet;
import dev.ecsnet.domain.net.Vpc;
import dev.ecsnet.domain.net.VpcEndpoint;
import dev.ecsnet.domain.net.VpcEndpoints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed's network, built in the domain, and one packet at a time through it. */
class PathAnalyzerTest {
    private Network net;
    private PathAnalyzer analyzer;
    private Vpc vpc;
    private Subnet publicA;
    private Subnet privateA;
    private Subnet privateB;
    private RouteTable publicRt;
    private RouteTable privateRt;
    private String igw;
    private NatGateway nat;
    private SecurityGroup taskSg;

    @BeforeEach
    void seedNetwork() {
        net = new Network("000000000000", "us-east-1", new IdSource(3), () -> Instant.parse("2026-01-01T00:00:00Z"));
        analyzer = new PathAnalyzer(net);
        vpc = net.createVpc("10.0.0.0/16", null, Map.of());
        net.modifyVpcAttribute(vpc.id(), null, true, null);
        publicA = net.createSubnet(vpc.id(), "10.0.101.0/24", "us-east-1a", null, Map.of());
        privateA = net.createSubnet(vpc.id(), "10.0.1.0/24", "us-east-1a", null, Map.of());
        privateB = net.createSubnet(vpc.id(), "10.0.2.0/24", "us-east-1b", null, Map.of());
        igw = net.gateways().createInternetGateway(Map.of()).id();
        net.gateways().attachInternetGateway(igw, vpc.id());
        publicRt = net.routeTables().create(vpc.id(), Map.of());
        net.routeTables().createRoute(publicRt.id(), "0.0.0.0/0", null, new RouteTables.Target(Route.TargetKind.INTERNET_GATEWAY, igw));
        net.routeTables().associate(publicRt.id(), publicA.id());
        String eip = net.gateways().allocateAddress(Map.of()).allocationId();
        nat = net.gateways().createNatGateway(publicA.id(), eip, null, Map.of());
        privateRt = net.routeTables().create(vpc.id(), Map.of());
        net.routeTables().associate(privateRt.id(), privateA.id());
        net.routeTables().associate(privateRt.id(), privateB.id());
        taskSg = net.createSecurityGroup(vpc.id(), "task", "task", Map.of());
    }

    private Source eni(Subnet subnet, String... groups) {
        return Source.of(net.createNetworkInterface(new Network.EniRequest(subnet.id(), "t", List.of(groups), null, null, null, Map.of())));
    }

    private void natRoute() {
        net.routeTables().createRoute(privateRt.id(), "0.0.0.0/0", null, new RouteTables.Target(Route.TargetKind.NAT_GATEWAY, nat.id()));
    }

    private static IpPermission tcp(int port, PeerKind kind, String peer) {
        return new IpPermission("tcp", port, port, List.of(new Peer(kind, peer, null)));
    }

    private static List<String> kinds(Verdict v) {
        return v.path().stream().map(Hop::kind).toList();
    }

    @Test
    void privateSubnetReachesEcrThroughTheNatGatewayAndItsInternetGateway() {
        natRoute();
        Verdict v = analyzer.toAwsService(eni(privateA, taskSg.id()), "ecr.api");
        assertThat(v.reachable()).isTrue();
        assertThat(kinds(v)).containsSubsequence("security-group-rule", "route", "nat-gateway", "route", "internet-gateway");
    }

    @Test
    void privateSubnetWithoutNatRouteHasNoRouteAndTheTableIsNamed() {
        Verdict v = analyzer.toAwsService(eni(privateA, taskSg.id()), "ecr.api");
        assertThat(v).isInstanceOfSatisfying(Verdict.Blocked.class, b -> {
            assertThat(b.explanationCode()).isEqualTo("NO_ROUTE_TO_DESTINATION");
            assertThat(b.componentId()).isEqualTo(privateRt.id());
            assertThat(b.reason()).contains(privateRt.id(), privateA.id(), "api.ecr.us-east-1.amazonaws.com");
        });
    }

    @Test
    void publicSubnetNeedsAPublicIpForTheInternetGateway() {
        Source noPublicIp = eni(publicA, taskSg.id());
        assertThat(analyzer.toAwsService(noPublicIp, "ecr.dkr")).isInstanceOfSatisfying(Verdict.Blocked.class, b -> {
            assertThat(b.explanationCode()).isEqualTo("IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS");
            assertThat(b.componentId()).isEqualTo(igw);
        });
        Source withPublicIp = eni(publicA, taskSg.id());
        net.assignPublicIp(withPublicIp.id());
        assertThat(analyzer.toAwsService(Source.of(net.networkInterface(withPublicIp.id())), "ecr.dkr").reachable()).isTrue();
    }

    @Test
    void natGatewayInASubnetWithoutInternetRouteGoesNowhere() {
        String eip = net.gateways().allocateAddress(Map.of()).allocationId();
        NatGateway stranded = net.gateways().createNatGateway(privateB.id(), eip, null, Map.of());
        net.routeTables().createRoute(privateRt.id(), "0.0.0.0/0", null, new RouteTables.Target(Route.TargetKind.NAT_GATEWAY, stranded.id()));
        assertThat(analyzer.toAwsService(eni(privateA, taskSg.id()), "logs")).isInstanceOfSatisfying(Verdict.Blocked.class, b -> {
            assertThat(b.explanationCode()).isEqualTo("NO_ROUTE_TO_DESTINATION");
            assertThat(b.reason()).contains(stranded.id(), privateB.id());
        });
    }

    @Test
    void routeToADeletedNatGatewayIsABlackhole() {
        natRoute();
        net.gateways().deleteNatGateway(nat.id());
        assertThat(analyzer.toAwsService(eni(privateA, taskSg.id()), "ecr.api"))
                .isInstanceOfSatisfying(Verdict.Blocked.class, b -> assertThat(b.explanationCode()).isEqualTo("BAD_STATE_ROUTE"));
    }

    @Test
    void interfaceEndpointWithPrivateDnsCarriesTheTrafficInsideTheVpc() {
        SecurityGroup vpce = net.createSecurityGroup(vpc.id(), "vpce", "vpce", Map.of());
        net.authorize(vpce.id(), false, List.of(tcp(443, PeerKind.CIDR_IPV4, "10.0.0.0/16")));
        VpcEndpoint e = net.endpoints().create(new VpcEndpoints.Request(vpc.id(), "com.amazonaws.us-east-1.ecr.api", "Interface",
                List.of(privateA.id(), privateB.id()), List.of(vpce.id()), List.of(), true, null, Map.of()));
        Verdict v = analyzer.toAwsService(eni(privateB, taskSg.id()), "ecr.api");
        assertThat(v.reachable()).isTrue();
        assertThat(v.path()).anySatisfy(h -> assertThat(h.id()).isEqualTo(e.id()));
        assertThat(kinds(v)).doesNotContain("nat-gateway", "internet-gateway");
    }

    @Test
    void interfaceEndpointWhoseGroupRefuses443BlocksAtTheEndpointEni() {
        SecurityGroup closed = net.createSecurityGroup(vpc.id(), "closed", "closed", Map.of());
        VpcEndpoint e = net.endpoints().create(new VpcEndpoints.Request(vpc.id(), "com.amazonaws.us-east-1.ecr.dkr", "Interface",
                List.of(privateA.id()), List.of(closed.id()), List.of(), true, null, Map.of()));
        assertThat(analyzer.toAwsService(eni(privateA, taskSg.id()), "ecr.dkr")).isInstanceOfSatisfying(Verdict.Blocked.class, b -> {
            assertThat(b.explanationCode()).isEqualTo("ENI_SG_RULES_MISMATCH");
            assertThat(b.componentId()).isEqualTo(e.networkInterfaceIds().get(0));
            assertThat(b.reason()).contains(closed.id(), "admit nothing on tcp 443");
        });
    }

    @Test
    void s3GatewayEndpointRouteServesLayersWithoutANatGateway() {
        net.endpoints().create(new VpcEndpoints.Request(vpc.id(), "com.amazonaws.us-east-1.s3", "Gateway", List.of(), List.of(),
                List.of(privateRt.id()), null, null, Map.of()));
        Verdict v = analyzer.toAwsService(eni(privateA, taskSg.id()), "s3");
        assertThat(v.reachable()).isTrue();
        assertThat(kinds(v)).containsSubsequence("route", "vpc-endpoint");
        assertThat(analyzer.toAwsService(eni(privateA, taskSg.id()), "ecr.api").reachable()).isFalse();
    }

    @Test
    void taskGroupWithoutEgressStopsThePacketAtTheTaskEni() {
        natRoute();
        net.revoke(taskSg.id(), true, List.of(new IpPermission("-1", null, null, List.of(new Peer(PeerKind.CIDR_IPV4, "0.0.0.0/0", null)))), List.of());
        Source task = eni(privateA, taskSg.id());
        assertThat(analyzer.toAwsService(task, "ecr.api")).isInstanceOfSatisfying(Verdict.Blocked.class, b -> {
            assertThat(b.explanationCode()).isEqualTo("ENI_SG_RULES_MISMATCH");
            assertThat(b.componentId()).isEqualTo(task.id());
        });
    }

    @Test
    void groupReferenceAdmitsOnlyInterfacesCarryingThatGroup() {
        SecurityGroup alb = net.createSecurityGroup(vpc.id(), "alb", "alb", Map.of());
        SecurityGroup web = net.createSecurityGroup(vpc.id(), "web", "web", Map.of());
        SecurityGroup worker = net.createSecurityGroup(vpc.id(), "worker", "worker", Map.of());
        net.authorize(web.id(), false, List.of(tcp(8080, PeerKind.GROUP, alb.id())));
        Source webTask = eni(privateA, web.id());
        Verdict fromAlb = analyzer.toInterface(eni(publicA, alb.id()), webTask, "tcp", 8080, List.of());
        assertThat(fromAlb.reachable()).isTrue();
        assertThat(fromAlb.path().get(fromAlb.path().size() - 2).detail()).contains("tcp 8080 from " + alb.id());
        Verdict fromWorker = analyzer.toInterface(eni(privateB, worker.id()), webTask, "tcp", 8080, List.of());
        assertThat(fromWorker).isInstanceOfSatisfying(Verdict.Blocked.class, b -> {
            assertThat(b.componentId()).isEqualTo(webTask.id());
            assertThat(b.reason()).contains("admit tcp 8080 only from " + alb.id(), "carrying " + worker.id());
        });
        assertThat(analyzer.toInterface(eni(publicA, alb.id()), webTask, "tcp", 9090, List.of()).reachable()).isFalse();
    }

    @Test
    void networkAclsAreDecidedByTheLowestMatchingRuleNumber() {
        natRoute();
        NetworkAcl acl = net.acls().create(vpc.id(), Map.of());
        String association = acl.id();
        NetworkAcl defaultAcl = net.acls().forSubnet(privateA.id());
        String assocId = defaultAcl.associations().stream().filter(a -> a.subnetId().equals(privateA.id())).findFirst().orElseThrow().id();
        net.acls().replaceAssociation(assocId, association);
        net.acls().createEntry(acl.id(), new NetworkAcl.Entry(100, true, "6", "deny", "0.0.0.0/0", 443, 443, null, null));
        net.acls().createEntry(acl.id(), new NetworkAcl.Entry(200, true, "-1", "allow", "0.0.0.0/0", null, null, null, null));
        net.acls().createEntry(acl.id(), new NetworkAcl.Entry(100, false, "-1", "allow", "0.0.0.0/0", null, null, null, null));
        assertThat(analyzer.toAwsService(eni(privateA, taskSg.id()), "ecr.api")).isInstanceOfSatisfying(Verdict.Blocked.class, b -> {
            assertThat(b.explanationCode()).isEqualTo("SUBNET_ACL_RESTRICTION");
            assertThat(b.reason()).contains("rule 100", "outbound tcp 443");
        });
        net.acls().replaceEntry(acl.id(), new NetworkAcl.Entry(100, true, "-1", "allow", "0.0.0.0/0", null, null, null, null));
        net.acls().replaceEntry(acl.id(), new NetworkAcl.Entry(200, true, "6", "deny", "0.0.0.0/0", 443, 443, null, null));
        assertThat(analyzer.toAwsService(eni(privateA, taskSg.id()), "ecr.api").reachable()).isTrue();
    }

    @Test
    void noDnsResolutionMeansNoServiceName() {
        natRoute();
        net.modifyVpcAttribute(vpc.id(), null, false, null);
        net.modifyVpcAttribute(vpc.id(), false, null, null);
        assertThat(analyzer.toAwsService(eni(privateA, taskSg.id()), "ecr.api"))
                .isInstanceOfSatisfying(Verdict.Blocked.class, b -> assertThat(b.explanationCode()).isEqualTo("DNS_RESOLUTION_DISABLED"));
    }

    @Test
    void trafficWithinOneSubnetIsNotSubjectToItsNetworkAcl() {
        SecurityGroup open = net.createSecurityGroup(vpc.id(), "open", "open", Map.of());
        net.authorize(open.id(), false, List.of(tcp(5432, PeerKind.CIDR_IPV4, "10.0.0.0/16")));
        NetworkAcl acl = net.acls().create(vpc.id(), Map.of());
        NetworkAcl defaultAcl = net.acls().forSubnet(privateA.id());
        String assocId = defaultAcl.associations().stream().filter(a -> a.subnetId().equals(privateA.id())).findFirst().orElseThrow().id();
        net.acls().replaceAssociation(assocId, acl.id());
        assertThat(analyzer.toInterface(eni(privateA, taskSg.id()), eni(privateA, open.id()), "tcp", 5432, List.of()).reachable()).isTrue();
        assertThat(analyzer.toInterface(eni(privateB, taskSg.id()), eni(privateA, open.id()), "tcp", 5432, List.of()))
                .isInstanceOfSatisfying(Verdict.Blocked.class, b -> assertThat(b.explanationCode()).isEqualTo("SUBNET_ACL_RESTRICTION"));
    }
}
