package dev.ecsnet.api.ec2;

import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.net.EndpointServices;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.Subnet;
import dev.ecsnet.domain.net.VpcEndpoint;
import dev.ecsnet.domain.net.VpcEndpoints;
import dev.ecsnet.protocol.Ec2XmlShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

import java.util.List;

/** VPC endpoints, the endpoint services a region offers, and the AWS-managed prefix lists (DescribePrefixLists). */
final class Ec2VpcEndpointOps {
    /** The hosted zone AWS uses for vpce DNS names in us-east-1 (data only). */
    private static final String VPCE_HOSTED_ZONE = "Z7HUB22UULQXV";

    private Ec2VpcEndpointOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateVpcEndpoint", Ec2VpcEndpointOps::create);
        t.register("DescribeVpcEndpoints", Ec2VpcEndpointOps::describe);
        t.register("DeleteVpcEndpoints", Ec2VpcEndpointOps::delete);
        t.register("DescribeVpcEndpointServices", Ec2VpcEndpointOps::describeServices);
        t.register("DescribePrefixLists", Ec2VpcEndpointOps::describePrefixLists);
    }

    private static VpcEndpoints endpoints(Call c) {
        return c.state().network().endpoints();
    }

    private static final Ec2Filters<VpcEndpoint> FILTERS = Ec2Filters.<VpcEndpoint>taggable()
            .field("vpc-endpoint-id", VpcEndpoint::id)
            .field("vpc-id", VpcEndpoint::vpcId)
            .field("service-name", VpcEndpoint::serviceName)
            .field("vpc-endpoint-state", VpcEndpoint::state)
            .field("vpc-endpoint-type", VpcEndpoint::type);

    static ShapeWriter render(ShapeWriter o, Call call, VpcEndpoint e) {
        Network net = call.state().network();
        o.value("vpcEndpointId", e.id())
                .value("vpcEndpointType", e.type())
                .value("vpcId", e.vpcId())
                .value("serviceName", e.serviceName())
                .value("state", e.state())
                .value("policyDocument", e.policyDocument());
        texts(o, "routeTableIdSet", e.routeTableIds());
        texts(o, "subnetIdSet", e.subnetIds());
        Ec2Shapes.groupSet(o, net, e.groupIds());
        if (e.isInterface()) {
            o.value("ipAddressType", "ipv4");
            o.object("dnsOptions").value("dnsRecordIpType", "ipv4").value("privateDnsOnlyForInboundResolverEndpoint", false).end();
        }
        o.value("privateDnsEnabled", e.privateDnsEnabled()).value("requesterManaged", false);
        texts(o, "networkInterfaceIdSet", e.networkInterfaceIds());
        o.list("dnsEntrySet");
        if (e.isInterface() && !e.subnetIds().isEmpty()) {
            String base = e.id() + "-" + e.id().substring(5, 13) + "." + e.service().shortName() + "." + call.region() + ".vpce.amazonaws.com";
            dnsEntry(o, base, VPCE_HOSTED_ZONE);
            for (String s : e.subnetIds()) {
                net.findSubnet(s).map(Subnet::zone).ifPresent(z ->
                        dnsEntry(o, e.id() + "-" + e.id().substring(5, 13) + "-" + z.name() + "." + e.service().shortName()
                                + "." + call.region() + ".vpce.amazonaws.com", VPCE_HOSTED_ZONE));
            }
            if (e.privateDnsEnabled() && e.service().privateDnsName() != null) {
                dnsEntry(o, e.service().privateDnsName(), "Z" + e.id().substring(5, 18).toUpperCase(java.util.Locale.ROOT));
            }
        }
        o.end();
        o.value("creationTimestamp", Ec2Shapes.time(e.creationTimestamp()));
        Ec2Shapes.tagSet(o, e.tags());
        return o.value("ownerId", e.ownerId());
    }

    private static void dnsEntry(ShapeWriter o, String dnsName, String hostedZoneId) {
        o.item().value("dnsName", dnsName).value("hostedZoneId", hostedZoneId).end();
    }

    /** A list of plain texts, one {@code <item>} each. */
    private static void texts(ShapeWriter o, String name, List<String> texts) {
        o.list(name);
        texts.forEach(o::item);
        o.end();
    }

    static RenderedAnswer create(Call call) {
        Params p = call.params();
        VpcEndpoint e = endpoints(call).create(new VpcEndpoints.Request(p.required("VpcId"), p.required("ServiceName"),
                p.string("VpcEndpointType").orElse(null), p.strings("SubnetId"), p.strings("SecurityGroupId"), p.strings("RouteTableId"),
                p.bool("PrivateDnsEnabled").orElse(null), p.string("PolicyDocument").orElse(null), Ec2Shapes.tagsFor(p, "vpc-endpoint")));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        render(out.object("vpcEndpoint"), call, e).end();
        p.string("ClientToken").ifPresent(t -> out.value("clientToken", t));
        return out.answer();
    }

    static RenderedAnswer describe(Call call) {
        List<String> ids = call.params().strings("VpcEndpointId");
        List<VpcEndpoint> all = ids.isEmpty() ? List.copyOf(endpoints(call).all()) : ids.stream().distinct().map(endpoints(call)::endpoint).toList();
        var page = Ec2Pages.page(FILTERS.apply(all, Ec2Filters.read(call.params(), "Filter")), call.params(), 5, 1000);
        return page.answer("vpcEndpointSet", (o, e) -> render(o, call, e));
    }

    static RenderedAnswer delete(Call call) {
        List<String> unknown = endpoints(call).delete(call.params().strings("VpcEndpointId"));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        out.list("unsuccessful");
        for (String id : unknown) {
            out.item().object("error").value("code", "InvalidVpcEndpoint.NotFound")
                    .value("message", "The Vpc Endpoint Id '" + id + "' does not exist").end()
                    .value("resourceId", id).end();
        }
        return out.end().answer();
    }

    private static final Ec2Filters<EndpointServices.Service> SERVICE_FILTERS = Ec2Filters.<EndpointServices.Service>untagged()
            .field("service-name", EndpointServices.Service::name)
            .multi("service-type", s -> s.interfaceType() && s.gatewayType() ? List.of("Interface", "Gateway")
                    : List.of(s.interfaceType() ? "Interface" : "Gateway"))
            .field("owner", s -> "amazon");

    static RenderedAnswer describeServices(Call call) {
        List<String> names = call.params().strings("ServiceName");
        List<EndpointServices.Service> services = EndpointServices.of(call.region()).stream()
                .filter(s -> names.isEmpty() || names.contains(s.name())).toList();
        List<EndpointServices.Service> filtered = SERVICE_FILTERS.apply(services, Ec2Filters.read(call.params(), "Filter"));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        texts(out, "serviceNameSet", filtered.stream().map(EndpointServices.Service::name).toList());
        List<String> zones = call.state().network().zones().stream().map(z -> z.name()).toList();
        out.list("serviceDetailSet");
        for (EndpointServices.Service s : filtered) {
            ShapeWriter d = out.item().value("serviceName", s.name()).value("serviceId", s.serviceId());
            d.list("serviceType");
            if (s.interfaceType()) {
                d.item().value("serviceType", "Interface").end();
            }
            if (s.gatewayType()) {
                d.item().value("serviceType", "Gateway").end();
            }
            d.end();
            texts(d, "availabilityZoneSet", zones);
            d.value("owner", "amazon");
            texts(d, "baseEndpointDnsNameSet", List.of(s.shortName() + "." + call.region() + ".vpce.amazonaws.com"));
            if (s.privateDnsName() != null) {
                d.value("privateDnsName", s.privateDnsName());
                d.list("privateDnsNameSet").item().value("privateDnsName", s.privateDnsName()).end().end();
            }
            d.value("vpcEndpointPolicySupported", true).value("acceptanceRequired", false).value("managesVpcEndpoints", false)
                    .value("privateDnsNameVerificationState", "verified");
            texts(d, "supportedIpAddressTypeSet", List.of("ipv4"));
            d.list("tagSet").end();
            d.end();
        }
        return out.end().answer();
    }

    private static final Ec2Filters<EndpointServices.PrefixList> PREFIX_FILTERS = Ec2Filters.<EndpointServices.PrefixList>untagged()
            .field("prefix-list-id", EndpointServices.PrefixList::id)
            .field("prefix-list-name", EndpointServices.PrefixList::name)
            .field("owner-id", p -> "AWS");

    private static List<EndpointServices.PrefixList> prefixLists(Call call) {
        List<String> ids = call.params().strings("PrefixListId");
        List<EndpointServices.PrefixList> all = EndpointServices.prefixLists(call.region());
        for (String id : ids) {
            if (all.stream().noneMatch(p -> p.id().equals(id))) {
                throw dev.ecsnet.protocol.AwsError.badRequest("InvalidPrefixListID.NotFound", "The prefix list ID '" + id + "' does not exist");
            }
        }
        return PREFIX_FILTERS.apply(all.stream().filter(p -> ids.isEmpty() || ids.contains(p.id())).toList(), Ec2Filters.read(call.params(), "Filter"));
    }

    static RenderedAnswer describePrefixLists(Call call) {
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        out.list("prefixListSet");
        for (EndpointServices.PrefixList p : prefixLists(call)) {
            texts(out.item().value("prefixListId", p.id()).value("prefixListName", p.name()), "cidrSet", p.cidrs());
            out.end();
        }
        return out.end().answer();
    }
}
