package dev.ecsnet.api.ec2;

import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.net.Route;
import dev.ecsnet.domain.net.Route.TargetKind;
import dev.ecsnet.domain.net.RouteTable;
import dev.ecsnet.domain.net.RouteTables;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.Ec2XmlShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Route tables, their associations and routes. */
final class Ec2RouteTableOps {
    private Ec2RouteTableOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateRouteTable", Ec2RouteTableOps::create);
        t.register("DeleteRouteTable", c -> ok(() -> tables(c).delete(c.params().required("RouteTableId"))));
        t.registerRead("DescribeRouteTables", Ec2RouteTableOps::describe);
        t.register("AssociateRouteTable", Ec2RouteTableOps::associate);
        t.register("DisassociateRouteTable", c -> ok(() -> tables(c).disassociate(c.params().required("AssociationId"))));
        t.register("ReplaceRouteTableAssociation", Ec2RouteTableOps::replaceAssociation);
        t.register("CreateRoute", c -> ok(() -> tables(c).createRoute(c.params().required("RouteTableId"),
                destinationCidr(c.params()), destinationIpv6Cidr(c.params()), c.params().string("DestinationPrefixListId").orElse(null),
                target(c.params()))));
        t.register("ReplaceRoute", c -> ok(() -> tables(c).replaceRoute(c.params().required("RouteTableId"),
                destinationCidr(c.params()), destinationIpv6Cidr(c.params()), c.params().string("DestinationPrefixListId").orElse(null),
                target(c.params()))));
        t.register("DeleteRoute", c -> ok(() -> tables(c).deleteRoute(c.params().required("RouteTableId"),
                destinationCidr(c.params()), destinationIpv6Cidr(c.params()), c.params().string("DestinationPrefixListId").orElse(null))));
    }

    private static RouteTables tables(Call c) {
        return c.state().network().routeTables();
    }

    private static RenderedAnswer ok(Runnable action) {
        action.run();
        return ShapeWriter.ec2Xml().value("return", true).answer();
    }

    private static String destinationCidr(Params p) {
        return p.string("DestinationCidrBlock").orElse(null);
    }

    private static String destinationIpv6Cidr(Params p) {
        return p.string("DestinationIpv6CidrBlock").orElse(null);
    }

    /** Exactly one target; GatewayId names an internet gateway or a gateway endpoint by its prefix. */
    private static RouteTables.Target target(Params p) {
        List<RouteTables.Target> targets = new ArrayList<>();
        p.string("GatewayId").ifPresent(g -> targets.add(new RouteTables.Target(g.startsWith("vpce-") ? TargetKind.VPC_ENDPOINT : TargetKind.INTERNET_GATEWAY, g)));
        p.string("NatGatewayId").ifPresent(g -> targets.add(new RouteTables.Target(TargetKind.NAT_GATEWAY, g)));
        p.string("VpcEndpointId").ifPresent(g -> targets.add(new RouteTables.Target(TargetKind.VPC_ENDPOINT, g)));
        p.string("NetworkInterfaceId").ifPresent(g -> targets.add(new RouteTables.Target(TargetKind.NETWORK_INTERFACE, g)));
        p.string("EgressOnlyInternetGatewayId").ifPresent(g -> targets.add(new RouteTables.Target(TargetKind.EGRESS_ONLY_INTERNET_GATEWAY, g)));
        p.string("VpcPeeringConnectionId").ifPresent(g -> targets.add(new RouteTables.Target(TargetKind.VPC_PEERING_CONNECTION, g)));
        for (String unsupported : List.of("InstanceId", "TransitGatewayId",
                "LocalGatewayId", "CarrierGatewayId", "CoreNetworkArn")) {
            if (p.has(unsupported)) {
                throw AwsError.badRequest("InvalidParameterValue", "ecsnet does not model " + unsupported + " route targets.");
            }
        }
        if (targets.size() > 1) {
            throw AwsError.badRequest("InvalidParameterCombination", "The parameter gatewayId, natGatewayId, networkInterfaceId, egressOnlyInternetGatewayId, vpcEndpointId and vpcPeeringConnectionId are mutually exclusive.");
        }
        return targets.isEmpty() ? null : targets.get(0);
    }

    private static final Ec2Filters<RouteTable> FILTERS = Ec2Filters.<RouteTable>taggable()
            .field("route-table-id", RouteTable::id)
            .field("vpc-id", RouteTable::vpcId)
            .field("owner-id", RouteTable::ownerId)
            .multi("association.main", t -> t.associations().stream().map(a -> String.valueOf(a.main())).toList())
            .multi("association.subnet-id", t -> t.associations().stream().map(RouteTable.Association::subnetId).filter(Objects::nonNull).toList())
            .multi("association.route-table-association-id", t -> t.associations().stream().map(RouteTable.Association::id).toList())
            .multi("association.route-table-id", t -> t.associations().stream().map(RouteTable.Association::routeTableId).toList())
            .multi("association.association-state", t -> t.associations().stream().map(a -> "associated").toList())
            .multi("route.destination-cidr-block", t -> t.routes().stream().map(Route::destinationCidrBlock).filter(Objects::nonNull).toList())
            .multi("route.destination-ipv6-cidr-block", t -> t.routes().stream().map(Route::destinationIpv6CidrBlock).filter(Objects::nonNull).toList())
            .multi("route.egress-only-internet-gateway-id", t -> t.routes().stream().filter(r -> r.kind() == TargetKind.EGRESS_ONLY_INTERNET_GATEWAY)
                    .map(Route::targetId).toList())
            .multi("route.destination-prefix-list-id", t -> t.routes().stream().map(Route::destinationPrefixListId).filter(Objects::nonNull).toList())
            .multi("route.gateway-id", t -> t.routes().stream().filter(r -> r.kind() == TargetKind.INTERNET_GATEWAY || r.kind() == TargetKind.LOCAL
                    || r.kind() == TargetKind.VPC_ENDPOINT).map(Route::targetId).toList())
            .multi("route.nat-gateway-id", t -> t.routes().stream().filter(r -> r.kind() == TargetKind.NAT_GATEWAY).map(Route::targetId).toList())
            .multi("route.vpc-peering-connection-id", t -> t.routes().stream().filter(r -> r.kind() == TargetKind.VPC_PEERING_CONNECTION)
                    .map(Route::targetId).toList())
            .multi("route.state", t -> t.routes().stream().map(Route::state).toList())
            .multi("route.origin", t -> t.routes().stream().map(Route::origin).toList());

    static ShapeWriter render(ShapeWriter o, RouteTable t) {
        o.value("routeTableId", t.id()).value("vpcId", t.vpcId()).value("ownerId", t.ownerId());
        o.list("routeSet");
        for (Route r : t.routes()) {
            o.item();
            if (r.destinationCidrBlock() != null) {
                o.value("destinationCidrBlock", r.destinationCidrBlock());
            } else if (r.destinationIpv6CidrBlock() != null) {
                o.value("destinationIpv6CidrBlock", r.destinationIpv6CidrBlock());
            } else {
                o.value("destinationPrefixListId", r.destinationPrefixListId());
            }
            switch (r.kind()) {
                case LOCAL, INTERNET_GATEWAY, VPC_ENDPOINT -> o.value("gatewayId", r.targetId());
                case NAT_GATEWAY -> o.value("natGatewayId", r.targetId());
                case NETWORK_INTERFACE -> o.value("networkInterfaceId", r.targetId());
                case EGRESS_ONLY_INTERNET_GATEWAY -> o.value("egressOnlyInternetGatewayId", r.targetId());
                case VPC_PEERING_CONNECTION -> o.value("vpcPeeringConnectionId", r.targetId());
                default -> throw new IllegalStateException();
            }
            o.value("state", r.state()).value("origin", r.origin()).end();
        }
        o.end();
        o.list("associationSet");
        for (RouteTable.Association a : t.associations()) {
            o.item().value("routeTableAssociationId", a.id()).value("routeTableId", a.routeTableId())
                    .value("subnetId", a.subnetId())
                    .value("main", a.main())
                    .object("associationState").value("state", "associated").end()
                    .end();
        }
        o.end();
        o.list("propagatingVgwSet").end();
        Ec2Shapes.tagSet(o, t.tags());
        return o;
    }

    static RenderedAnswer create(Call call) {
        RouteTable t = tables(call).create(call.params().required("VpcId"), Ec2Shapes.tagsFor(call.params(), "route-table"));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        render(out.object("routeTable"), t).end();
        return out.answer();
    }

    static RenderedAnswer describe(Call call) {
        List<String> ids = call.params().strings("RouteTableId");
        List<RouteTable> all = ids.isEmpty() ? List.copyOf(tables(call).all()) : ids.stream().distinct().map(tables(call)::get).toList();
        var page = Ec2Pages.page(FILTERS.apply(all, Ec2Filters.read(call.params(), "Filter")), call.params(), 5, 100);
        return page.answer("routeTableSet", (o, t) -> render(o, t));
    }

    static RenderedAnswer associate(Call call) {
        if (call.params().has("GatewayId")) {
            throw AwsError.badRequest("InvalidParameterValue", "ecsnet does not model gateway route table associations (edge associations).");
        }
        RouteTable.Association a = tables(call).associate(call.params().required("RouteTableId"), call.params().required("SubnetId"));
        return ShapeWriter.ec2Xml().value("associationId", a.id()).object("associationState").value("state", "associated").end().answer();
    }

    static RenderedAnswer replaceAssociation(Call call) {
        RouteTable.Association a = tables(call).replaceAssociation(call.params().required("AssociationId"), call.params().required("RouteTableId"));
        return ShapeWriter.ec2Xml().value("newAssociationId", a.id()).object("associationState").value("state", "associated").end().answer();
    }
}
