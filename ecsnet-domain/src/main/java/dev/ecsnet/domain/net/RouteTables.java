package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.net.Route.TargetKind;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Route tables of a region: each VPC's main table with its {@code local} route, custom tables, subnet
 * associations and routes to gateways, NAT gateways, endpoints and ENIs. Answers which table governs a subnet.
 */
public final class RouteTables {
    private final Network network;
    private final IdSource ids;
    final Map<String, RouteTable> tables = new LinkedHashMap<>();

    RouteTables(Network network, IdSource ids) {
        this.network = network;
        this.ids = ids;
    }

    public Collection<RouteTable> all() {
        return tables.values();
    }

    public RouteTable get(String id) {
        RouteTable t = tables.get(id);
        if (t == null) {
            throw DomainException.notFound("InvalidRouteTableID.NotFound", "The routeTable ID '" + id + "' does not exist");
        }
        return t;
    }

    /** The table that routes a subnet's traffic: its explicit association, else its VPC's main table. */
    public RouteTable forSubnet(Subnet subnet) {
        for (RouteTable t : tables.values()) {
            if (t.associations.stream().anyMatch(a -> subnet.id().equals(a.subnetId()))) {
                return t;
            }
        }
        return main(subnet.vpcId());
    }

    public RouteTable main(String vpcId) {
        return tables.values().stream().filter(t -> t.vpcId().equals(vpcId) && t.isMain()).findFirst()
                .orElseThrow(() -> new IllegalStateException("VPC without a main route table: " + vpcId));
    }

    RouteTable createMain(Vpc vpc) {
        RouteTable t = insert(vpc);
        t.associations.add(new RouteTable.Association(ids.resourceId("rtbassoc"), t.id(), null, true));
        return t;
    }

    public RouteTable create(String vpcId, Map<String, String> tags) {
        Vpc vpc = network.vpc(vpcId);
        network.gate().open();
        RouteTable t = insert(vpc);
        t.tags().putAll(tags);
        return t;
    }

    private RouteTable insert(Vpc vpc) {
        RouteTable t = new RouteTable(ids.resourceId("rtb"), vpc.id(), vpc.ownerId());
        vpc.associatedCidrs().forEach(c -> t.routes.add(localRoute(c.toString())));
        vpc.associatedIpv6Cidrs().forEach(c -> t.routes.add(localRoute(c.toString())));
        tables.put(t.id(), t);
        return t;
    }

    private static Route localRoute(String block) {
        return block.contains(":") ? new Route(null, block, null, TargetKind.LOCAL, "local", "CreateRouteTable", "active")
                : new Route(block, null, TargetKind.LOCAL, "local", "CreateRouteTable", "active");
    }

    /** A VPC block became associated: every table of the VPC routes it locally, as AWS adds the route. */
    void addLocalRoute(String vpcId, String block) {
        tables.values().stream().filter(t -> t.vpcId().equals(vpcId)).forEach(t -> t.routes.add(localRoute(block)));
    }

    void removeLocalRoute(String vpcId, String block) {
        tables.values().stream().filter(t -> t.vpcId().equals(vpcId))
                .forEach(t -> t.routes.removeIf(r -> r.kind() == TargetKind.LOCAL && r.destination().equals(block)));
    }

    public void delete(String id) {
        RouteTable t = get(id);
        if (!t.associations.isEmpty()) {
            throw DomainException.dependency("DependencyViolation", "The routeTable '" + id + "' has dependencies and cannot be deleted.");
        }
        network.gate().open();
        tables.remove(id);
    }

    boolean hasCustomTables(String vpcId) {
        return tables.values().stream().anyMatch(t -> t.vpcId().equals(vpcId) && !t.isMain());
    }

    void deleteVpcTables(String vpcId) {
        tables.values().removeIf(t -> t.vpcId().equals(vpcId));
    }

    /** Forgets a deleted subnet's association, as EC2 does when the subnet goes. */
    void forgetSubnet(String subnetId) {
        tables.values().forEach(t -> t.associations.removeIf(a -> subnetId.equals(a.subnetId())));
    }

    public RouteTable.Association associate(String routeTableId, String subnetId) {
        RouteTable t = get(routeTableId);
        Subnet s = network.subnet(subnetId);
        if (!s.vpcId().equals(t.vpcId())) {
            throw DomainException.invalid("InvalidParameterValue", "route table " + routeTableId + " and subnet " + subnetId + " belong to different networks");
        }
        for (RouteTable other : tables.values()) {
            if (other.associations.stream().anyMatch(a -> subnetId.equals(a.subnetId()))) {
                throw DomainException.conflict("Resource.AlreadyAssociated", "the specified association for route table " + other.id()
                        + " conflicts with an existing association");
            }
        }
        network.gate().open();
        RouteTable.Association a = new RouteTable.Association(ids.resourceId("rtbassoc"), t.id(), subnetId, false);
        t.associations.add(a);
        return a;
    }

    public Optional<RouteTable.Association> findAssociation(String associationId) {
        return tables.values().stream().flatMap(t -> t.associations.stream()).filter(a -> a.id().equals(associationId)).findFirst();
    }

    private RouteTable.Association association(String associationId) {
        return findAssociation(associationId).orElseThrow(() -> DomainException.notFound("InvalidAssociationID.NotFound",
                "The association ID '" + associationId + "' does not exist"));
    }

    public void disassociate(String associationId) {
        RouteTable.Association a = association(associationId);
        if (a.main()) {
            throw DomainException.invalid("InvalidParameterValue", "cannot disassociate the main route table association " + associationId);
        }
        network.gate().open();
        get(a.routeTableId()).associations.remove(a);
    }

    /** Moves an association (the main one included) to another table of the same VPC; returns the new association. */
    public RouteTable.Association replaceAssociation(String associationId, String routeTableId) {
        RouteTable.Association a = association(associationId);
        RouteTable target = get(routeTableId);
        RouteTable from = get(a.routeTableId());
        if (!target.vpcId().equals(from.vpcId())) {
            throw DomainException.invalid("InvalidParameterValue", "route table " + routeTableId + " belongs to a different network");
        }
        network.gate().open();
        from.associations.remove(a);
        RouteTable.Association moved = new RouteTable.Association(ids.resourceId("rtbassoc"), target.id(), a.subnetId(), a.main());
        target.associations.add(moved);
        return moved;
    }

    /** A target as named by CreateRoute's parameters; exactly one must be given. */
    public record Target(TargetKind kind, String id) {
    }

    public void createRoute(String routeTableId, String cidr, String prefixListId, Target target) {
        createRoute(routeTableId, cidr, null, prefixListId, target);
    }

    /** CreateRoute to exactly one of an IPv4 CIDR, an IPv6 CIDR or a prefix list. */
    public void createRoute(String routeTableId, String cidr, String ipv6Cidr, String prefixListId, Target target) {
        RouteTable t = get(routeTableId);
        Route r = route(t, cidr, ipv6Cidr, prefixListId, target, "CreateRoute");
        if (t.routes.stream().anyMatch(x -> x.destination().equals(r.destination()))) {
            throw DomainException.conflict("RouteAlreadyExists", "The route identified by " + r.destination() + " already exists.");
        }
        network.gate().open();
        t.routes.add(r);
    }

    public void replaceRoute(String routeTableId, String cidr, String prefixListId, Target target) {
        replaceRoute(routeTableId, cidr, null, prefixListId, target);
    }

    public void replaceRoute(String routeTableId, String cidr, String ipv6Cidr, String prefixListId, Target target) {
        RouteTable t = get(routeTableId);
        Route r = route(t, cidr, ipv6Cidr, prefixListId, target, "CreateRoute");
        int index = indexOf(t, r.destination());
        network.gate().open();
        t.routes.set(index, r);
    }

    public void deleteRoute(String routeTableId, String cidr, String prefixListId) {
        deleteRoute(routeTableId, cidr, null, prefixListId);
    }

    public void deleteRoute(String routeTableId, String cidr, String ipv6Cidr, String prefixListId) {
        RouteTable t = get(routeTableId);
        String destination = cidr != null ? canonical(cidr) : ipv6Cidr != null ? canonicalIpv6(ipv6Cidr) : prefixListId;
        int index = indexOf(t, destination);
        if (t.routes.get(index).kind() == TargetKind.LOCAL) {
            throw DomainException.invalid("InvalidParameterValue", "cannot remove local route " + destination + " in route table " + routeTableId);
        }
        network.gate().open();
        t.routes.remove(index);
    }

    private int indexOf(RouteTable t, String destination) {
        for (int i = 0; i < t.routes.size(); i++) {
            if (t.routes.get(i).destination().equals(destination)) {
                return i;
            }
        }
        throw DomainException.notFound("InvalidRoute.NotFound", "no route with destination-cidr-block " + destination + " in route table " + t.id());
    }

    private static String canonical(String cidr) {
        return Cidr.parse(cidr).map(Cidr::toString).orElseThrow(() -> DomainException.invalid("InvalidParameterValue",
                "Value (" + cidr + ") for parameter destinationCidrBlock is invalid. This is not a valid CIDR block."));
    }

    private static String canonicalIpv6(String cidr) {
        return Ipv6Cidr.parse(cidr).map(Ipv6Cidr::toString).orElseThrow(() -> DomainException.invalid("InvalidParameterValue",
                "Value (" + cidr + ") for parameter destinationIpv6CidrBlock is invalid. This is not a valid IPv6 CIDR block."));
    }

    private Route route(RouteTable t, String cidr, String ipv6Cidr, String prefixListId, Target target, String origin) {
        if ((cidr != null ? 1 : 0) + (ipv6Cidr != null ? 1 : 0) + (prefixListId != null ? 1 : 0) != 1) {
            throw DomainException.invalid("InvalidParameterValue", "Exactly one of destinationCidrBlock, destinationIpv6CidrBlock or destinationPrefixListId must be specified.");
        }
        if (target == null) {
            throw DomainException.invalid("InvalidParameterValue", "The request must contain exactly one of gatewayId, natGatewayId, networkInterfaceId, vpcPeeringConnectionId, transitGatewayId, egressOnlyInternetGatewayId, instanceId or vpcEndpointId");
        }
        String destination = cidr != null ? canonical(cidr) : ipv6Cidr != null ? canonicalIpv6(ipv6Cidr) : prefixListId;
        if (prefixListId != null && network.prefixLists().cidrs(prefixListId).isEmpty()) {
            throw DomainException.notFound("InvalidPrefixListID.NotFound", "The prefix list (" + prefixListId + ") does not exist.");
        }
        switch (target.kind()) {
            case INTERNET_GATEWAY -> {
                InternetGateway igw = network.gateways().internetGateways().stream().filter(g -> g.id().equals(target.id())).findFirst()
                        .orElseThrow(() -> gatewayNotFound(target.id()));
                if (!t.vpcId().equals(igw.attachedVpcId())) {
                    throw DomainException.invalid("InvalidParameterValue", "route table " + t.id() + " and network gateway " + target.id() + " belong to different networks");
                }
            }
            case NAT_GATEWAY -> {
                NatGateway nat = network.gateways().natGateways().stream().filter(n -> n.id().equals(target.id()) && !n.isGone()).findFirst()
                        .orElseThrow(() -> gatewayNotFound(target.id()));
                if (!nat.vpcId().equals(t.vpcId())) {
                    throw DomainException.invalid("InvalidParameterValue", "route table " + t.id() + " and NAT gateway " + target.id() + " belong to different networks");
                }
            }
            case EGRESS_ONLY_INTERNET_GATEWAY -> {
                EgressOnlyInternetGateway eigw = network.egressOnlyInternetGateways().get(target.id());
                if (ipv6Cidr == null) {
                    throw DomainException.invalid("InvalidParameterValue", "Egress-only internet gateway " + target.id()
                            + " can only be the target of a route to an IPv6 destination (destinationIpv6CidrBlock).");
                }
                if (!eigw.vpcId().equals(t.vpcId())) {
                    throw DomainException.invalid("InvalidParameterValue", "route table " + t.id() + " and network gateway " + target.id() + " belong to different networks");
                }
            }
            case VPC_ENDPOINT -> network.endpoints().endpoint(target.id());
            case NETWORK_INTERFACE -> network.networkInterface(target.id());
            case VPC_PEERING_CONNECTION -> {
                VpcPeeringConnection pcx = network.peerings().find(target.id()).filter(c -> !c.status().isFinal())
                        .orElseThrow(() -> DomainException.notFound("InvalidVpcPeeringConnectionID.NotFound",
                                "The vpcPeeringConnection ID '" + target.id() + "' does not exist"));
                if (!pcx.requesterVpcId().equals(t.vpcId()) && !pcx.accepterVpcId().equals(t.vpcId())) {
                    throw DomainException.invalid("InvalidParameterValue", "route table " + t.id() + " and VPC peering connection "
                            + target.id() + " belong to different networks");
                }
                // a route to a connection that is not active yet carries nothing until it is
                return new Route(cidr != null ? destination : null, prefixListId, target.kind(), target.id(), origin,
                        pcx.isActive() ? "active" : "blackhole");
            }
            default -> throw DomainException.invalid("InvalidParameterValue", "cannot create a local route");
        }
        return new Route(cidr != null ? destination : null, ipv6Cidr != null ? destination : null, prefixListId, target.kind(),
                target.id(), origin, "active");
    }

    /** What CreateRoute/ReplaceRoute answer for an internet or NAT gateway that does not exist (or is going away). */
    private static DomainException gatewayNotFound(String id) {
        return DomainException.notFound("InvalidGatewayID.NotFound", "The gateway ID '" + id + "' does not exist");
    }

    /** Adds or removes the prefix-list route a gateway endpoint puts in a table (origin CreateRoute, as AWS shows). */
    void addEndpointRoute(String routeTableId, String prefixListId, String endpointId) {
        get(routeTableId).routes.add(new Route(null, prefixListId, TargetKind.VPC_ENDPOINT, endpointId, "CreateRoute", "active"));
    }

    void removeEndpointRoutes(String endpointId) {
        tables.values().forEach(t -> t.routes.removeIf(r -> r.kind() == TargetKind.VPC_ENDPOINT && r.targetId().equals(endpointId)));
    }

    /** A re-attached internet gateway makes its blackholed routes in that VPC's tables active again. */
    void reactivate(String targetId, String vpcId) {
        for (RouteTable t : tables.values()) {
            if (t.vpcId().equals(vpcId)) {
                t.routes.replaceAll(r -> r.targetId().equals(targetId) ? r.withState("active") : r);
            }
        }
    }

    /** Routes whose target went away stay, as blackholes, until someone deletes them. */
    void blackhole(String targetId) {
        for (RouteTable t : tables.values()) {
            t.routes.replaceAll(r -> r.targetId().equals(targetId) ? r.withState("blackhole") : r);
        }
    }
}
