package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;

import static dev.ecsnet.it.Ec2Refusal.refused;
import static dev.ecsnet.it.Ec2Refusal.refusedWithoutChange;
import static dev.ecsnet.it.NetFixture.filter;
import static dev.ecsnet.it.NetFixture.tag;
import static dev.ecsnet.it.NetFixture.tagged;
import static org.assertj.core.api.Assertions.assertThat;

/** Route tables, their subnet associations and routes, through the real EC2 client. */
class Ec2RouteTableIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private static final String UNKNOWN_RTB = "rtb-0123456789abcdef0";

    private NetFixture net;
    private String vpc;
    private String igw;
    private String subnetA;
    private String subnetB;

    private Ec2Client ec2() {
        return ecsnet.ec2();
    }

    @BeforeEach
    void network() {
        net = new NetFixture(ec2());
        vpc = net.vpc("10.0.0.0/16");
        igw = net.attachedIgw(vpc);
        subnetA = net.subnet(vpc, "10.0.1.0/24", "us-east-1a");
        subnetB = net.subnet(vpc, "10.0.2.0/24", "us-east-1b");
    }

    private String state() {
        return net.routes() + " " + net.associations();
    }

    private String newTable() {
        return ec2().createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
    }

    @Test
    void everyVpcHasAMainTableWithALocalRoute() {
        RouteTable main = net.mainTable(vpc);
        assertThat(main.routeTableId()).matches("rtb-[0-9a-f]{17}");
        assertThat(main.vpcId()).isEqualTo(vpc);
        assertThat(main.ownerId()).isEqualTo("000000000000");
        assertThat(main.routes()).singleElement().satisfies(r -> {
            assertThat(r.destinationCidrBlock()).isEqualTo("10.0.0.0/16");
            assertThat(r.gatewayId()).isEqualTo("local");
            assertThat(r.stateAsString()).isEqualTo("active");
            assertThat(r.originAsString()).isEqualTo("CreateRouteTable");
        });
        assertThat(main.associations()).singleElement().satisfies(a -> {
            assertThat(a.main()).isTrue();
            assertThat(a.subnetId()).isNull();
            assertThat(a.routeTableAssociationId()).matches("rtbassoc-[0-9a-f]{17}");
            assertThat(a.associationState().stateAsString()).isEqualTo("associated");
        });
    }

    @Test
    void createAssociateRouteDisassociateDelete() {
        RouteTable created = ec2().createRouteTable(r -> r.vpcId(vpc).tagSpecifications(tagged(ResourceType.ROUTE_TABLE, "Name", "public")))
                .routeTable();
        String rtb = created.routeTableId();
        assertThat(created.associations()).isEmpty();
        assertThat(created.routes()).extracting(Route::gatewayId).containsExactly("local");
        assertThat(created.tags()).containsExactly(tag("Name", "public"));

        ec2().createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        String assocA = ec2().associateRouteTable(r -> r.routeTableId(rtb).subnetId(subnetA)).associationId();
        assertThat(assocA).matches("rtbassoc-[0-9a-f]{17}");

        RouteTable t = net.table(rtb);
        assertThat(t.routes()).anySatisfy(r -> {
            assertThat(r.destinationCidrBlock()).isEqualTo("0.0.0.0/0");
            assertThat(r.gatewayId()).isEqualTo(igw);
            assertThat(r.originAsString()).isEqualTo("CreateRoute");
            assertThat(r.stateAsString()).isEqualTo("active");
        });
        assertThat(t.associations()).singleElement().satisfies(a -> {
            assertThat(a.subnetId()).isEqualTo(subnetA);
            assertThat(a.main()).isFalse();
        });
        assertThat(ec2().describeRouteTables(r -> r.filters(filter("association.subnet-id", subnetA))).routeTables())
                .extracting(RouteTable::routeTableId).containsExactly(rtb);
        assertThat(ec2().describeRouteTables(r -> r.filters(filter("association.subnet-id", subnetB))).routeTables()).isEmpty();
        assertThat(ec2().describeRouteTables(r -> r.filters(filter("vpc-id", vpc), filter("association.main", "true"))).routeTables())
                .extracting(RouteTable::routeTableId).containsExactly(net.mainTable(vpc).routeTableId()).doesNotContain(rtb);
        assertThat(ec2().describeRouteTables(r -> r.filters(filter("route.gateway-id", igw))).routeTables())
                .extracting(RouteTable::routeTableId).containsExactly(rtb);
        assertThat(ec2().describeRouteTables(r -> r.filters(filter("tag:Name", "public"))).routeTables()).hasSize(1);

        ec2().disassociateRouteTable(r -> r.associationId(assocA));
        ec2().deleteRouteTable(r -> r.routeTableId(rtb));
        refused(() -> ec2().describeRouteTables(r -> r.routeTableIds(rtb)), "InvalidRouteTableID.NotFound",
                "The routeTable ID '" + rtb + "' does not exist");
    }

    @Test
    void unknownRouteTableIsInvalidRouteTableIdNotFound() {
        String message = "The routeTable ID '" + UNKNOWN_RTB + "' does not exist";
        refused(() -> ec2().describeRouteTables(r -> r.routeTableIds(UNKNOWN_RTB)), "InvalidRouteTableID.NotFound", message);
        refusedWithoutChange(this::state, () -> ec2().deleteRouteTable(r -> r.routeTableId(UNKNOWN_RTB)), "InvalidRouteTableID.NotFound", message);
        refusedWithoutChange(this::state, () -> ec2().associateRouteTable(r -> r.routeTableId(UNKNOWN_RTB).subnetId(subnetA)),
                "InvalidRouteTableID.NotFound", message);
        refusedWithoutChange(this::state, () -> ec2().createRoute(r -> r.routeTableId(UNKNOWN_RTB).destinationCidrBlock("0.0.0.0/0").gatewayId(igw)),
                "InvalidRouteTableID.NotFound", message);
        refusedWithoutChange(this::state, () -> ec2().deleteRoute(r -> r.routeTableId(UNKNOWN_RTB).destinationCidrBlock("0.0.0.0/0")),
                "InvalidRouteTableID.NotFound", message);
    }

    @Test
    void createRouteTableInUnknownVpcIsInvalidVpcIdNotFound() {
        refusedWithoutChange(this::state, () -> ec2().createRouteTable(r -> r.vpcId("vpc-0123456789abcdef0")), "InvalidVpcID.NotFound",
                "The vpc ID 'vpc-0123456789abcdef0' does not exist");
    }

    @Test
    void associatingASubnetTwiceIsResourceAlreadyAssociated() {
        String first = newTable();
        String second = newTable();
        ec2().associateRouteTable(r -> r.routeTableId(first).subnetId(subnetA));
        refusedWithoutChange(this::state, () -> ec2().associateRouteTable(r -> r.routeTableId(second).subnetId(subnetA)),
                "Resource.AlreadyAssociated", "the specified association for route table " + first + " conflicts with an existing association");
    }

    @Test
    void associateUnknownSubnetOrAnotherVpcsSubnetIsRefused() {
        String rtb = newTable();
        refusedWithoutChange(this::state, () -> ec2().associateRouteTable(r -> r.routeTableId(rtb).subnetId("subnet-0123456789abcdef0")),
                "InvalidSubnetID.NotFound", "The subnet ID 'subnet-0123456789abcdef0' does not exist");
        String other = net.vpc("10.1.0.0/16");
        String foreign = net.subnet(other, "10.1.1.0/24", "us-east-1a");
        refusedWithoutChange(this::state, () -> ec2().associateRouteTable(r -> r.routeTableId(rtb).subnetId(foreign)),
                "InvalidParameterValue", null);
    }

    @Test
    void disassociateUnknownAssociationIsNotFound() {
        refusedWithoutChange(this::state, () -> ec2().disassociateRouteTable(r -> r.associationId("rtbassoc-0123456789abcdef0")),
                "InvalidAssociationID.NotFound", "The association ID 'rtbassoc-0123456789abcdef0' does not exist");
    }

    @Test
    void deleteATableWithAssociationsOrTheMainTableIsDependencyViolation() {
        String rtb = newTable();
        ec2().associateRouteTable(r -> r.routeTableId(rtb).subnetId(subnetA));
        refusedWithoutChange(this::state, () -> ec2().deleteRouteTable(r -> r.routeTableId(rtb)), "DependencyViolation",
                "The routeTable '" + rtb + "' has dependencies and cannot be deleted.");
        String main = net.mainTable(vpc).routeTableId();
        refusedWithoutChange(this::state, () -> ec2().deleteRouteTable(r -> r.routeTableId(main)), "DependencyViolation",
                "The routeTable '" + main + "' has dependencies and cannot be deleted.");
    }

    @Test
    void duplicateRouteIsRouteAlreadyExists() {
        String rtb = newTable();
        ec2().createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        refusedWithoutChange(this::state, () -> ec2().createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0").gatewayId(igw)),
                "RouteAlreadyExists", "The route identified by 0.0.0.0/0 already exists.");
        refusedWithoutChange(this::state, () -> ec2().createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("10.0.0.0/16").gatewayId(igw)),
                "RouteAlreadyExists", "The route identified by 10.0.0.0/16 already exists.");
    }

    @Test
    void deleteAMissingRouteIsInvalidRouteNotFound() {
        String rtb = newTable();
        refusedWithoutChange(this::state, () -> ec2().deleteRoute(r -> r.routeTableId(rtb).destinationCidrBlock("192.168.0.0/16")),
                "InvalidRoute.NotFound", "no route with destination-cidr-block 192.168.0.0/16 in route table " + rtb);
    }

    @Test
    void routeToAnUnknownGatewayIsInvalidGatewayIdNotFound() {
        String rtb = newTable();
        refusedWithoutChange(this::state, () -> ec2().createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0")
                .gatewayId("igw-0123456789abcdef0")), "InvalidGatewayID.NotFound", "The gateway ID 'igw-0123456789abcdef0' does not exist");
    }

    @Test
    void routeToAnotherVpcsGatewayIsRefused() {
        String other = net.vpc("10.1.0.0/16");
        String otherIgw = net.attachedIgw(other);
        String rtb = newTable();
        refusedWithoutChange(this::state, () -> ec2().createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0").gatewayId(otherIgw)),
                "InvalidParameterValue", "route table " + rtb + " and network gateway " + otherIgw + " belong to different networks");
    }

    @Test
    void replaceRouteAndReplaceMainAssociation() {
        String rtb = newTable();
        ec2().createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        String eni = ec2().createNetworkInterface(r -> r.subnetId(subnetA)).networkInterface().networkInterfaceId();
        ec2().replaceRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0").networkInterfaceId(eni));
        assertThat(net.table(rtb).routes()).anySatisfy(r -> {
            assertThat(r.destinationCidrBlock()).isEqualTo("0.0.0.0/0");
            assertThat(r.networkInterfaceId()).isEqualTo(eni);
            assertThat(r.gatewayId()).isNull();
        });
        refusedWithoutChange(this::state, () -> ec2().replaceRoute(r -> r.routeTableId(rtb).destinationCidrBlock("172.16.0.0/12").gatewayId(igw)),
                "InvalidRoute.NotFound", null);

        RouteTable main = net.mainTable(vpc);
        String mainAssoc = main.associations().get(0).routeTableAssociationId();
        String moved = ec2().replaceRouteTableAssociation(r -> r.associationId(mainAssoc).routeTableId(rtb)).newAssociationId();
        assertThat(net.mainTable(vpc).routeTableId()).isEqualTo(rtb);
        assertThat(net.mainTable(vpc).associations()).extracting(a -> a.routeTableAssociationId()).containsExactly(moved);
        // the old main table has no associations left, so it can go
        ec2().deleteRouteTable(r -> r.routeTableId(main.routeTableId()));
    }

    @Test
    void theLocalRouteCannotBeDeleted() {
        String rtb = newTable();
        refusedWithoutChange(this::state, () -> ec2().deleteRoute(r -> r.routeTableId(rtb).destinationCidrBlock("10.0.0.0/16")),
                "InvalidParameterValue", null);
    }

    @Test
    void detachingTheGatewayBlackholesItsRoutes() {
        String rtb = newTable();
        ec2().createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        ec2().detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        assertThat(net.table(rtb).routes()).filteredOn(r -> igw.equals(r.gatewayId()))
                .singleElement().satisfies(r -> assertThat(r.stateAsString()).isEqualTo("blackhole"));
        ec2().attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        assertThat(net.table(rtb).routes()).filteredOn(r -> igw.equals(r.gatewayId()))
                .singleElement().satisfies(r -> assertThat(r.stateAsString()).isEqualTo("active"));
    }

    @Test
    void deletingASubnetDropsItsAssociation() {
        String rtb = newTable();
        ec2().associateRouteTable(r -> r.routeTableId(rtb).subnetId(subnetB));
        ec2().deleteSubnet(r -> r.subnetId(subnetB));
        assertThat(net.table(rtb).associations()).isEmpty();
        ec2().deleteRouteTable(r -> r.routeTableId(rtb));
    }

    @Test
    void deleteVpcWithACustomRouteTableIsDependencyViolation() {
        String lone = net.vpc("10.5.0.0/16");
        String rtb = ec2().createRouteTable(r -> r.vpcId(lone)).routeTable().routeTableId();
        refusedWithoutChange(this::state, () -> ec2().deleteVpc(r -> r.vpcId(lone)), "DependencyViolation",
                "The vpc '" + lone + "' has dependencies and cannot be deleted.");
        ec2().deleteRouteTable(r -> r.routeTableId(rtb));
        ec2().deleteVpc(r -> r.vpcId(lone));
        // its main table went with it
        assertThat(ec2().describeRouteTables(r -> r.filters(filter("vpc-id", lone))).routeTables()).isEmpty();
    }

    @Test
    void createTagsAndDescribeTagsOnARouteTable() {
        String rtb = newTable();
        ec2().createTags(r -> r.resources(rtb).tags(tag("tier", "private")));
        assertThat(net.table(rtb).tags()).containsExactly(tag("tier", "private"));
        assertThat(ec2().describeTags(r -> r.filters(filter("resource-type", "route-table"))).tags())
                .singleElement().satisfies(t -> assertThat(t.resourceId()).isEqualTo(rtb));
        refused(() -> ec2().createTags(r -> r.resources(UNKNOWN_RTB).tags(tag("a", "b"))), "InvalidRouteTableID.NotFound", null);
    }
}
