package dev.ecsnet.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.NetworkInsightsAnalysis;
import software.amazon.awssdk.services.ec2.model.PathComponent;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static dev.ecsnet.it.Ec2Refusal.refused;
import static dev.ecsnet.it.Ec2Refusal.refusedWithoutChange;
import static dev.ecsnet.it.NetFixture.filter;
import static dev.ecsnet.it.NetFixture.tag;
import static dev.ecsnet.it.NetFixture.tagged;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * VPC peering within one account and region: the status lifecycle with AWS's messages, routes through a connection
 * (blackholes once it is deleted), security groups that reference the peer VPC's groups, and path analysis across
 * the connection (both route tables must route, the return one included).
 */
class Ec2VpcPeeringIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();
    private static final String ACCOUNT = "000000000000";

    private NetFixture f;
    private String left;
    private String right;

    private static Ec2Client ec2() {
        return ecsnet.ec2();
    }

    @BeforeEach
    void vpcs() {
        f = new NetFixture(ec2());
        left = f.vpc("10.1.0.0/16");
        right = f.vpc("10.2.0.0/16");
    }

    private static VpcPeeringConnection describe(String id) {
        return ec2().describeVpcPeeringConnections(r -> r.vpcPeeringConnectionIds(id)).vpcPeeringConnections().get(0);
    }

    private static String status(String id) {
        VpcPeeringConnection c = describe(id);
        return c.status().codeAsString() + ": " + c.status().message();
    }

    private String active() {
        String id = ec2().createVpcPeeringConnection(r -> r.vpcId(left).peerVpcId(right)).vpcPeeringConnection().vpcPeeringConnectionId();
        ecsnet.settle();
        ec2().acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(id));
        ecsnet.settle();
        return id;
    }

    @Test
    void aRequestWaitsForAcceptanceAndBecomesActive() {
        java.time.Instant requested = ecsnet.now();
        VpcPeeringConnection created = ec2().createVpcPeeringConnection(r -> r.vpcId(left).peerVpcId(right)
                .tagSpecifications(tagged(ResourceType.VPC_PEERING_CONNECTION, "Name", "left-right"))).vpcPeeringConnection();
        String id = created.vpcPeeringConnectionId();
        assertThat(id).matches("pcx-[0-9a-f]{17}");
        assertThat(created.status().codeAsString()).isEqualTo("initiating-request");
        assertThat(created.status().message()).isEqualTo("Initiating Request to " + ACCOUNT);
        assertThat(created.requesterVpcInfo().vpcId()).isEqualTo(left);
        assertThat(created.requesterVpcInfo().cidrBlock()).isEqualTo("10.1.0.0/16");
        assertThat(created.accepterVpcInfo().vpcId()).isEqualTo(right);
        assertThat(created.accepterVpcInfo().region()).isEqualTo("us-east-1");
        assertThat(created.tags()).containsExactly(tag("Name", "left-right"));

        ecsnet.advance(Duration.ofSeconds(1));
        assertThat(status(id)).isEqualTo("pending-acceptance: Pending Acceptance by " + ACCOUNT);
        assertThat(describe(id).expirationTime()).isEqualTo(requested.plus(Duration.ofDays(7)));
        assertThat(ec2().describeVpcPeeringConnections(r -> r.filters(filter("status-code", "pending-acceptance"),
                filter("accepter-vpc-info.vpc-id", right))).vpcPeeringConnections()).hasSize(1);

        VpcPeeringConnection accepted = ec2().acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(id)).vpcPeeringConnection();
        assertThat(accepted.status().codeAsString()).isEqualTo("provisioning");
        ecsnet.advance(Duration.ofSeconds(1));
        assertThat(status(id)).isEqualTo("active: Active");
        assertThat(describe(id).expirationTime()).isNull();
        assertThat(describe(id).accepterVpcInfo().peeringOptions().allowDnsResolutionFromRemoteVpc()).isFalse();

        refused(() -> ec2().acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(id)), "InvalidStateTransition",
                "Invalid state transition for " + id + ", attempted to transition from active to provisioning");
        refusedWithoutChange(() -> status(id), () -> ec2().createVpcPeeringConnection(r -> r.vpcId(right).peerVpcId(left)),
                "VpcPeeringConnectionAlreadyExists", "A VPC peering connection between the VPCs already exists.");

        var options = ec2().modifyVpcPeeringConnectionOptions(r -> r.vpcPeeringConnectionId(id)
                .accepterPeeringConnectionOptions(o -> o.allowDnsResolutionFromRemoteVpc(true)));
        assertThat(options.accepterPeeringConnectionOptions().allowDnsResolutionFromRemoteVpc()).isTrue();
        assertThat(describe(id).accepterVpcInfo().peeringOptions().allowDnsResolutionFromRemoteVpc()).isTrue();
        assertThat(describe(id).requesterVpcInfo().peeringOptions().allowDnsResolutionFromRemoteVpc()).isFalse();

        ec2().deleteVpcPeeringConnection(r -> r.vpcPeeringConnectionId(id));
        ecsnet.settle();
        assertThat(status(id)).isEqualTo("deleted: Deleted by " + ACCOUNT);
        refused(() -> ec2().deleteVpcPeeringConnection(r -> r.vpcPeeringConnectionId(id)), "InvalidStateTransition",
                "Invalid state transition for " + id + ", attempted to transition from deleted to deleting");
    }

    @Test
    void overlappingPeersFailMissingOnesAreRefusedAndRejectedRequestsStayRejected() {
        String overlapping = f.vpc("10.1.128.0/17");
        String failed = ec2().createVpcPeeringConnection(r -> r.vpcId(left).peerVpcId(overlapping)).vpcPeeringConnection().vpcPeeringConnectionId();
        refusedWithoutChange(() -> ec2().describeVpcPeeringConnections().vpcPeeringConnections().size(),
                () -> ec2().createVpcPeeringConnection(r -> r.vpcId(left).peerVpcId("vpc-0123456789abcdef0")),
                "InvalidVpcID.NotFound", "The vpc ID 'vpc-0123456789abcdef0' does not exist");
        refusedWithoutChange(() -> ec2().describeVpcPeeringConnections().vpcPeeringConnections().size(),
                () -> ec2().createVpcPeeringConnection(r -> r.vpcId(left).peerVpcId("vpc-0123456789abcdef0").peerOwnerId(ACCOUNT)),
                "InvalidVpcID.NotFound", "The vpc ID 'vpc-0123456789abcdef0' does not exist");
        ecsnet.settle();
        assertThat(status(failed)).isEqualTo("failed: Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range");
        refused(() -> ec2().deleteVpcPeeringConnection(r -> r.vpcPeeringConnectionId(failed)), "InvalidStateTransition",
                "Invalid state transition for " + failed + ", attempted to transition from failed to deleting");

        String pending = ec2().createVpcPeeringConnection(r -> r.vpcId(left).peerVpcId(right)).vpcPeeringConnection().vpcPeeringConnectionId();
        ecsnet.settle();
        ec2().rejectVpcPeeringConnection(r -> r.vpcPeeringConnectionId(pending));
        assertThat(status(pending)).isEqualTo("rejected: Rejected by " + ACCOUNT);
        refusedWithoutChange(() -> status(pending), () -> ec2().acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(pending)),
                "InvalidStateTransition", null);
        refused(() -> ec2().modifyVpcPeeringConnectionOptions(r -> r.vpcPeeringConnectionId(pending)
                .requesterPeeringConnectionOptions(o -> o.allowDnsResolutionFromRemoteVpc(true))), "OperationNotPermitted",
                "Peering " + pending + " is not active. Peering options can be added only to active peerings.");
    }

    @Test
    void refusals() {
        refused(() -> ec2().createVpcPeeringConnection(r -> r.vpcId(left).peerVpcId(right).peerOwnerId("111122223333")),
                "UnsupportedOperation", null);
        refused(() -> ec2().createVpcPeeringConnection(r -> r.vpcId(left).peerVpcId(right).peerRegion("eu-west-1")),
                "UnsupportedOperation", null);
        refused(() -> ec2().createVpcPeeringConnection(r -> r.vpcId("vpc-0123456789abcdef0").peerVpcId(right)), "InvalidVpcID.NotFound", null);
        refused(() -> ec2().acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId("pcx-0123456789abcdef0")),
                "InvalidVpcPeeringConnectionID.NotFound", "The vpcPeeringConnection ID 'pcx-0123456789abcdef0' does not exist");
        assertThat(ec2().describeVpcPeeringConnections(r -> { }).vpcPeeringConnections()).isEmpty();
    }

    private static Route routeTo(String table, String destination) {
        return ec2().describeRouteTables(r -> r.routeTableIds(table)).routeTables().get(0).routes().stream()
                .filter(x -> destination.equals(x.destinationCidrBlock())).findFirst().orElseThrow();
    }

    @Test
    void routesThroughTheConnectionAndBlackholesWhenItGoes() {
        String id = active();
        String leftTable = f.mainTable(left).routeTableId();
        String rightTable = f.mainTable(right).routeTableId();
        ec2().createRoute(r -> r.routeTableId(leftTable).destinationCidrBlock("10.2.0.0/16").vpcPeeringConnectionId(id));
        ec2().createRoute(r -> r.routeTableId(rightTable).destinationCidrBlock("10.1.0.0/16").vpcPeeringConnectionId(id));
        assertThat(routeTo(leftTable, "10.2.0.0/16").vpcPeeringConnectionId()).isEqualTo(id);
        assertThat(routeTo(leftTable, "10.2.0.0/16").stateAsString()).isEqualTo("active");
        assertThat(ec2().describeRouteTables(r -> r.filters(filter("route.vpc-peering-connection-id", id))).routeTables()).hasSize(2);

        String other = f.vpc("10.3.0.0/16");
        refused(() -> ec2().createRoute(r -> r.routeTableId(f.mainTable(other).routeTableId()).destinationCidrBlock("10.2.0.0/16")
                .vpcPeeringConnectionId(id)), "InvalidParameterValue", null);
        refused(() -> ec2().createRoute(r -> r.routeTableId(leftTable).destinationCidrBlock("10.9.0.0/16")
                .vpcPeeringConnectionId("pcx-0123456789abcdef0")), "InvalidVpcPeeringConnectionID.NotFound", null);

        ec2().deleteVpcPeeringConnection(r -> r.vpcPeeringConnectionId(id));
        ecsnet.settle();
        assertThat(routeTo(leftTable, "10.2.0.0/16").stateAsString()).isEqualTo("blackhole");
        assertThat(routeTo(rightTable, "10.1.0.0/16").stateAsString()).isEqualTo("blackhole");
    }

    @Test
    void securityGroupsMayReferenceGroupsOfAPeeredVpc() {
        String web = ec2().createSecurityGroup(r -> r.vpcId(left).groupName("web").description("web")).groupId();
        String client = ec2().createSecurityGroup(r -> r.vpcId(right).groupName("client").description("client")).groupId();
        IpPermission fromClient = IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443).userIdGroupPairs(p -> p.groupId(client)).build();
        refused(() -> ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(fromClient)), "InvalidGroup.NotFound",
                "You have specified two resources that belong to different networks.");
        String id = active();
        var rule = ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(fromClient)).securityGroupRules().get(0);
        assertThat(rule.referencedGroupInfo().groupId()).isEqualTo(client);
        assertThat(rule.referencedGroupInfo().vpcId()).isEqualTo(right);
        assertThat(rule.referencedGroupInfo().vpcPeeringConnectionId()).isEqualTo(id);
        // DescribeSecurityGroups names the peer's VPC, the connection and its status in the group pair
        assertThat(ec2().describeSecurityGroups(r -> r.groupIds(web)).securityGroups().get(0).ipPermissions()).singleElement()
                .satisfies(p -> assertThat(p.userIdGroupPairs()).singleElement().satisfies(g -> {
                    assertThat(g.groupId()).isEqualTo(client);
                    assertThat(g.userId()).isEqualTo(ACCOUNT);
                    assertThat(g.vpcId()).isEqualTo(right);
                    assertThat(g.vpcPeeringConnectionId()).isEqualTo(id);
                    assertThat(g.peeringStatus()).isEqualTo("active");
                }));
        // a group of the same VPC names none of them
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(80).toPort(80)
                .userIdGroupPairs(p -> p.groupId(web)).build()));
        assertThat(ec2().describeSecurityGroups(r -> r.groupIds(web)).securityGroups().get(0).ipPermissions())
                .filteredOn(p -> p.fromPort() == 80).singleElement().satisfies(p -> assertThat(p.userIdGroupPairs()).singleElement()
                        .satisfies(g -> {
                            assertThat(g.vpcId()).isNull();
                            assertThat(g.vpcPeeringConnectionId()).isNull();
                            assertThat(g.peeringStatus()).isNull();
                        }));
    }

    private static JsonNode reach(String source, String destination, int port) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ecsnet.endpoint()
                + "/_ecsnet/reach?source=" + source + "&destination=" + destination + "&port=" + port)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body()).path("answers").get(0);
    }

    private static NetworkInsightsAnalysis analyze(String source, String destination) {
        String path = ec2().createNetworkInsightsPath(r -> r.source(source).destination(destination).protocol("tcp").destinationPort(443))
                .networkInsightsPath().networkInsightsPathId();
        String analysis = ec2().startNetworkInsightsAnalysis(r -> r.networkInsightsPathId(path)).networkInsightsAnalysis().networkInsightsAnalysisId();
        ecsnet.settle();
        return ec2().describeNetworkInsightsAnalyses(r -> r.networkInsightsAnalysisIds(analysis)).networkInsightsAnalyses().get(0);
    }

    @Test
    void pathsFollowThePeeringRouteAndNeedARouteBack() throws Exception {
        String web = ec2().createSecurityGroup(r -> r.vpcId(left).groupName("web").description("web")).groupId();
        String client = ec2().createSecurityGroup(r -> r.vpcId(right).groupName("client").description("client")).groupId();
        String server = ec2().createNetworkInterface(r -> r.subnetId(f.subnet(left, "10.1.1.0/24", "us-east-1a")).groups(web))
                .networkInterface().networkInterfaceId();
        String caller = ec2().createNetworkInterface(r -> r.subnetId(f.subnet(right, "10.2.1.0/24", "us-east-1a")).groups(client))
                .networkInterface().networkInterfaceId();
        String id = active();
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                .userIdGroupPairs(p -> p.groupId(client)).build()));
        String leftTable = f.mainTable(left).routeTableId();
        String rightTable = f.mainTable(right).routeTableId();

        NetworkInsightsAnalysis noRoute = analyze(caller, server);
        assertThat(noRoute.networkPathFound()).isFalse();
        assertThat(noRoute.explanations().get(0).explanationCode()).isEqualTo("NO_ROUTE_TO_DESTINATION");
        assertThat(noRoute.explanations().get(0).routeTable().id()).isEqualTo(rightTable);
        assertThat(reach(caller, server, 443).path("blockedBy").asText()).contains(rightTable).contains("add a route for 10.1.0.0/16 to VPC peering connection " + id);

        ec2().createRoute(r -> r.routeTableId(rightTable).destinationCidrBlock("10.1.0.0/16").vpcPeeringConnectionId(id));
        NetworkInsightsAnalysis oneWay = analyze(caller, server);
        assertThat(oneWay.networkPathFound()).isFalse();
        assertThat(oneWay.explanations().get(0).routeTable().id()).as("the return route is missing").isEqualTo(leftTable);
        assertThat(reach(caller, server, 443).path("blockedBy").asText()).startsWith("replies cannot return");

        ec2().createRoute(r -> r.routeTableId(leftTable).destinationCidrBlock("10.2.0.0/16").vpcPeeringConnectionId(id));
        NetworkInsightsAnalysis both = analyze(caller, server);
        assertThat(both.networkPathFound()).isTrue();
        assertThat(both.forwardPathComponents()).extracting(c -> c.component().id()).contains(id, server);
        assertThat(both.forwardPathComponents()).anySatisfy(c -> assertThat(c.routeTableRoute() == null ? null
                : c.routeTableRoute().vpcPeeringConnectionId()).isEqualTo(id));
        assertThat(reach(caller, server, 443).path("allowed").asBoolean()).isTrue();

        ec2().deleteVpcPeeringConnection(r -> r.vpcPeeringConnectionId(id));
        ecsnet.settle();
        NetworkInsightsAnalysis gone = analyze(caller, server);
        assertThat(gone.networkPathFound()).isFalse();
        assertThat(gone.explanations().get(0).explanationCode()).isEqualTo("BAD_STATE_ROUTE");
        List<PathComponent> path = gone.forwardPathComponents();
        assertThat(path).isNotEmpty();
    }
}
