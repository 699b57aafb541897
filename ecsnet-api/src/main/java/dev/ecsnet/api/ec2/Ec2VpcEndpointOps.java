package dev.ecsnet.api.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.net.EndpointServices;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.Subnet;
import dev.ecsnet.domain.net.VpcEndpoint;
import dev.ecsnet.domain.net.VpcEndpoints;

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

    static ObjectNode render(Call call, VpcEndpoint e) {
        Network net = call.state().network();
        ObjectNode o = Ec2Shapes.object()
                .put("vpcEndpointId", e.id())
                .put("vpcEndpointType", e.type())
                .put("vpcId", e.vpcId())
                .put("serviceName", e.serviceName())
                .put("state", e.state())
                .put("policyDocument", e.policyDocument());
        ArrayNode rts = o.putArray("routeTableIdSet");
        e.routeTableIds().forEach(rts::add);
        ArrayNode subnets = o.putArray("subnetIdSet");
        e.subnetIds().forEach(subnets::add);
        ArrayNode groups = o.putArray("groupSet");
        e.groupIds().forEach(g -> groups.addObject().put("groupId", g).put("groupName", net.findSecurityGroup(g).map(x -> x.name()).orElse("")));
        if (e.isInterface()) {
            o.put("ipAddressType", "ipv4");
            o.putObject("dnsOptions").put("dnsRecordIpType", "ipv4").put("privateDnsOnlyForInboundResolverEndpoint", false);
        }
        o.put("privateDnsEnabled", e.privateDnsEnabled()).put("requesterManaged", false);
        ArrayNode enis = o.putArray("networkInterfaceIdSet");
        e.networkInterfaceIds().forEach(enis::add);
        ArrayNode dns = o.putArray("dnsEntrySet");
        if (e.isInterface() && !e.subnetIds().isEmpty()) {
            String base = e.id() + "-" + e.id().substring(5, 13) + "." + e.service().shortName() + "." + call.region() + ".vpce.amazonaws.com";
            dns.addObject().put("dnsName", base).put("hostedZoneId", VPCE_HOSTED_ZONE);
            for (String s : e.subnetIds()) {
                net.findSubnet(s).map(Subnet::zone).ifPresent(z ->
                        dns.addObject().put("dnsName", e.id() + "-" + e.id().substring(5, 13) + "-" + z.name() + "." + e.service().shortName()
                                + "." + call.region() + ".vpce.amazonaws.com").put("hostedZoneId", VPCE_HOSTED_ZONE));
            }
            if (e.privateDnsEnabled() && e.service().privateDnsName() != null) {
                dns.addObject().put("dnsName", e.service().privateDnsName()).put("hostedZoneId", "Z" + e.id().substring(5, 18).toUpperCase(java.util.Locale.ROOT));
            }
        }
        o.put("creationTimestamp", Ec2Shapes.time(e.creationTimestamp()));
        o.set("tagSet", Ec2Shapes.tagSet(e.tags()));
        o.put("ownerId", e.ownerId());
        return o;
    }

    static ObjectNode create(Call call) {
        Params p = call.params();
        VpcEndpoint e = endpoints(call).create(new VpcEndpoints.Request(p.required("VpcId"), p.required("ServiceName"),
                p.string("VpcEndpointType").orElse(null), p.strings("SubnetId"), p.strings("SecurityGroupId"), p.strings("RouteTableId"),
                p.bool("PrivateDnsEnabled").orElse(null), p.string("PolicyDocument").orElse(null), Ec2Shapes.tagsFor(p, "vpc-endpoint")));
        ObjectNode out = Ec2Shapes.object();
        out.set("vpcEndpoint", render(call, e));
        p.string("ClientToken").ifPresent(t -> out.put("clientToken", t));
        return out;
    }

    static ObjectNode describe(Call call) {
        List<String> ids = call.params().strings("VpcEndpointId");
        List<VpcEndpoint> all = ids.isEmpty() ? List.copyOf(endpoints(call).all()) : ids.stream().distinct().map(endpoints(call)::endpoint).toList();
        var page = Ec2Pages.page(FILTERS.apply(all, Ec2Filters.read(call.params(), "Filter")), call.params(), 5, 1000);
        ArrayNode set = Ec2Shapes.array();
        page.items().forEach(e -> set.add(render(call, e)));
        ObjectNode out = Ec2Shapes.object();
        out.set("vpcEndpointSet", set);
        page.putToken(out);
        return out;
    }

    static ObjectNode delete(Call call) {
        List<String> unknown = endpoints(call).delete(call.params().strings("VpcEndpointId"));
        ObjectNode out = Ec2Shapes.object();
        ArrayNode set = out.putArray("unsuccessful");
        for (String id : unknown) {
            ObjectNode item = set.addObject();
            item.putObject("error").put("code", "InvalidVpcEndpoint.NotFound").put("message", "The Vpc Endpoint Id '" + id + "' does not exist");
            item.put("resourceId", id);
        }
        return out;
    }

    private static final Ec2Filters<EndpointServices.Service> SERVICE_FILTERS = Ec2Filters.<EndpointServices.Service>untagged()
            .field("service-name", EndpointServices.Service::name)
            .multi("service-type", s -> s.interfaceType() && s.gatewayType() ? List.of("Interface", "Gateway")
                    : List.of(s.interfaceType() ? "Interface" : "Gateway"))
            .field("owner", s -> "amazon");

    static ObjectNode describeServices(Call call) {
        List<String> names = call.params().strings("ServiceName");
        List<EndpointServices.Service> services = EndpointServices.of(call.region()).stream()
                .filter(s -> names.isEmpty() || names.contains(s.name())).toList();
        List<EndpointServices.Service> filtered = SERVICE_FILTERS.apply(services, Ec2Filters.read(call.params(), "Filter"));
        ObjectNode out = Ec2Shapes.object();
        ArrayNode nameSet = out.putArray("serviceNameSet");
        ArrayNode details = out.putArray("serviceDetailSet");
        List<String> zones = call.state().network().zones().stream().map(z -> z.name()).toList();
        for (EndpointServices.Service s : filtered) {
            nameSet.add(s.name());
            ObjectNode d = details.addObject().put("serviceName", s.name()).put("serviceId", s.serviceId());
            ArrayNode types = d.putArray("serviceType");
            if (s.interfaceType()) {
                types.addObject().put("serviceType", "Interface");
            }
            if (s.gatewayType()) {
                types.addObject().put("serviceType", "Gateway");
            }
            ArrayNode az = d.putArray("availabilityZoneSet");
            zones.forEach(az::add);
            d.put("owner", "amazon");
            d.putArray("baseEndpointDnsNameSet").add(s.shortName() + "." + call.region() + ".vpce.amazonaws.com");
            if (s.privateDnsName() != null) {
                d.put("privateDnsName", s.privateDnsName());
                d.putArray("privateDnsNameSet").addObject().put("privateDnsName", s.privateDnsName());
            }
            d.put("vpcEndpointPolicySupported", true).put("acceptanceRequired", false).put("managesVpcEndpoints", false)
                    .put("privateDnsNameVerificationState", "verified");
            d.putArray("supportedIpAddressTypeSet").add("ipv4");
            d.putArray("tagSet");
        }
        return out;
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

    static ObjectNode describePrefixLists(Call call) {
        ObjectNode out = Ec2Shapes.object();
        ArrayNode set = out.putArray("prefixListSet");
        for (EndpointServices.PrefixList p : prefixLists(call)) {
            ObjectNode x = set.addObject().put("prefixListId", p.id()).put("prefixListName", p.name());
            ArrayNode cidrs = x.putArray("cidrSet");
            p.cidrs().forEach(cidrs::add);
        }
        return out;
    }
}
