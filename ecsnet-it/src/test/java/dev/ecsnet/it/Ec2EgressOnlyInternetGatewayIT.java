package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.EgressOnlyInternetGateway;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;

import java.time.Duration;
import java.util.List;

import static dev.ecsnet.it.Ec2Refusal.refused;
import static dev.ecsnet.it.Ec2Refusal.refusedWithoutChange;
import static dev.ecsnet.it.NetFixture.filter;
import static dev.ecsnet.it.NetFixture.tagged;
import static org.assertj.core.api.Assertions.assertThat;

/** Egress-only internet gateways and IPv6 routes (to them and to internet gateways), through the EC2 client. */
class Ec2EgressOnlyInternetGatewayIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private NetFixture net;
    private String vpc;
    private String table;

    private Ec2Client ec2() {
        return ecsnet.ec2();
    }

    @BeforeEach
    void network() {
        net = new NetFixture(ec2());
        vpc = net.dualStackVpc("10.0.0.0/16");
        ecsnet.advance(Duration.ofSeconds(1));
        table = ec2().createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
    }

    private String eigw(String vpcId) {
        return ec2().createEgressOnlyInternetGateway(r -> r.vpcId(vpcId)).egressOnlyInternetGateway().egressOnlyInternetGatewayId();
    }

    private List<EgressOnlyInternetGateway> gateways() {
        return ec2().describeEgressOnlyInternetGateways().egressOnlyInternetGateways();
    }

    private List<String> routes(String rtb) {
        return net.table(rtb).routes().stream().map(r -> (r.destinationCidrBlock() != null ? r.destinationCidrBlock() : r.destinationIpv6CidrBlock())
                + " " + (r.egressOnlyInternetGatewayId() != null ? r.egressOnlyInternetGatewayId() : r.gatewayId()) + " " + r.stateAsString()).toList();
    }

    @Test
    void createDescribeAndDelete() {
        var created = ec2().createEgressOnlyInternetGateway(r -> r.vpcId(vpc).clientToken("token-1")
                .tagSpecifications(tagged(ResourceType.EGRESS_ONLY_INTERNET_GATEWAY, "Name", "egress")));
        EgressOnlyInternetGateway g = created.egressOnlyInternetGateway();
        assertThat(created.clientToken()).isEqualTo("token-1");
        assertThat(g.egressOnlyInternetGatewayId()).matches("eigw-[0-9a-f]{17}");
        assertThat(g.attachments()).singleElement().satisfies(a -> {
            assertThat(a.vpcId()).isEqualTo(vpc);
            assertThat(a.stateAsString()).isEqualTo("attached");
        });
        assertThat(g.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("Name=egress");
        assertThat(ec2().createEgressOnlyInternetGateway(r -> r.vpcId(vpc).clientToken("token-1")).egressOnlyInternetGateway()
                .egressOnlyInternetGatewayId()).as("the same client token answers the same gateway").isEqualTo(g.egressOnlyInternetGatewayId());
        String other = eigw(net.vpc("10.1.0.0/16"));
        assertThat(gateways()).extracting(EgressOnlyInternetGateway::egressOnlyInternetGatewayId).containsExactly(g.egressOnlyInternetGatewayId(), other);
        assertThat(ec2().describeEgressOnlyInternetGateways(r -> r.egressOnlyInternetGatewayIds(other)).egressOnlyInternetGateways()).hasSize(1);
        assertThat(ec2().describeEgressOnlyInternetGateways(r -> r.filters(filter("tag:Name", "egress"))).egressOnlyInternetGateways())
                .extracting(EgressOnlyInternetGateway::egressOnlyInternetGatewayId).containsExactly(g.egressOnlyInternetGatewayId());
        assertThat(ec2().describeEgressOnlyInternetGateways(r -> r.egressOnlyInternetGatewayIds("eigw-00000000000000000")).egressOnlyInternetGateways())
                .as("an unknown id is left out").isEmpty();
        refused(() -> ec2().describeEgressOnlyInternetGateways(r -> r.filters(filter("vpc-id", vpc))), "InvalidParameterValue",
                "The filter 'vpc-id' is invalid");
        assertThat(ec2().deleteEgressOnlyInternetGateway(r -> r.egressOnlyInternetGatewayId(other)).returnCode()).isTrue();
        assertThat(gateways()).hasSize(1);
    }

    @Test
    void errorsAndTheVpcDependency() {
        refusedWithoutChange(this::gateways, () -> ec2().createEgressOnlyInternetGateway(r -> r.vpcId("vpc-00000000000000000")),
                "InvalidVpcID.NotFound", "The vpc ID 'vpc-00000000000000000' does not exist");
        refused(() -> ec2().deleteEgressOnlyInternetGateway(r -> r.egressOnlyInternetGatewayId("eigw-00000000000000000")),
                "InvalidEgressOnlyInternetGatewayId.NotFound", "The egressOnlyInternetGateway ID 'eigw-00000000000000000' does not exist");
        refused(() -> ec2().deleteEgressOnlyInternetGateway(r -> r.egressOnlyInternetGatewayId("igw-0123")),
                "InvalidEgressOnlyInternetGatewayId.Malformed", "Invalid id: \"igw-0123\"");
        String plain = net.vpc("10.1.0.0/16");
        String g = eigw(plain);
        refused(() -> ec2().deleteVpc(r -> r.vpcId(plain)), "DependencyViolation", "The vpc '" + plain + "' has dependencies and cannot be deleted.");
        ec2().deleteEgressOnlyInternetGateway(r -> r.egressOnlyInternetGatewayId(g));
        ec2().deleteVpc(r -> r.vpcId(plain));
    }

    @Test
    void ipv6RoutesToAnEgressOnlyGatewayAndAnInternetGateway() {
        String g = eigw(vpc);
        ec2().createRoute(r -> r.routeTableId(table).destinationIpv6CidrBlock("::/0").egressOnlyInternetGatewayId(g));
        String igw = net.attachedIgw(vpc);
        ec2().createRoute(r -> r.routeTableId(table).destinationIpv6CidrBlock("2001:DB8::/32").gatewayId(igw));
        assertThat(routes(table)).containsExactly("10.0.0.0/16 local active", net.ipv6Block(vpc) + " local active",
                "::/0 " + g + " active", "2001:db8::/32 " + igw + " active");
        RouteTable t = net.table(table);
        Route v6 = t.routes().stream().filter(r -> "::/0".equals(r.destinationIpv6CidrBlock())).findFirst().orElseThrow();
        assertThat(v6.originAsString()).isEqualTo("CreateRoute");
        assertThat(v6.destinationCidrBlock()).isNull();
        assertThat(ec2().describeRouteTables(r -> r.filters(filter("route.egress-only-internet-gateway-id", g))).routeTables())
                .extracting(RouteTable::routeTableId).containsExactly(table);
        assertThat(ec2().describeRouteTables(r -> r.filters(filter("route.destination-ipv6-cidr-block", "::/0"))).routeTables()).hasSize(1);
        refused(() -> ec2().createRoute(r -> r.routeTableId(table).destinationIpv6CidrBlock("::/0").gatewayId(igw)), "RouteAlreadyExists",
                "The route identified by ::/0 already exists.");
        ec2().replaceRoute(r -> r.routeTableId(table).destinationIpv6CidrBlock("::/0").gatewayId(igw));
        assertThat(routes(table)).contains("::/0 " + igw + " active");
        ec2().deleteRoute(r -> r.routeTableId(table).destinationIpv6CidrBlock("2001:db8::/32"));
        refused(() -> ec2().deleteRoute(r -> r.routeTableId(table).destinationIpv6CidrBlock(net.ipv6Block(vpc))), "InvalidParameterValue", null);
        assertThat(routes(table)).hasSize(3);
    }

    @Test
    void egressOnlyRoutesAreIpv6OnlyInTheirVpcAndBlackholeWhenTheGatewayGoes() {
        String g = eigw(vpc);
        refusedWithoutChange(() -> routes(table), () -> ec2().createRoute(r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0")
                .egressOnlyInternetGatewayId(g)), "InvalidParameterValue", null);
        String elsewhere = eigw(net.vpc("10.1.0.0/16"));
        refusedWithoutChange(() -> routes(table), () -> ec2().createRoute(r -> r.routeTableId(table).destinationIpv6CidrBlock("::/0")
                .egressOnlyInternetGatewayId(elsewhere)), "InvalidParameterValue", null);
        refusedWithoutChange(() -> routes(table), () -> ec2().createRoute(r -> r.routeTableId(table).destinationIpv6CidrBlock("::/0")
                .egressOnlyInternetGatewayId("eigw-00000000000000000")), "InvalidEgressOnlyInternetGatewayId.NotFound", null);
        refusedWithoutChange(() -> routes(table), () -> ec2().createRoute(r -> r.routeTableId(table).destinationIpv6CidrBlock("::/129")
                .egressOnlyInternetGatewayId(g)), "InvalidParameterValue", null);
        refusedWithoutChange(() -> routes(table), () -> ec2().createRoute(r -> r.routeTableId(table).destinationIpv6CidrBlock("::/0")
                .destinationCidrBlock("0.0.0.0/0").egressOnlyInternetGatewayId(g)), "InvalidParameterValue", null);
        ec2().createRoute(r -> r.routeTableId(table).destinationIpv6CidrBlock("::/0").egressOnlyInternetGatewayId(g));
        ec2().deleteEgressOnlyInternetGateway(r -> r.egressOnlyInternetGatewayId(g));
        assertThat(routes(table)).contains("::/0 " + g + " blackhole");
    }
}
