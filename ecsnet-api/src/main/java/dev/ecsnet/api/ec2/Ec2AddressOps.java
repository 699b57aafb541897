package dev.ecsnet.api.ec2;

import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.net.ElasticIp;
import dev.ecsnet.domain.net.Gateways;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.Ec2XmlShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

import java.util.ArrayList;
import java.util.List;

/** Elastic IP addresses: allocate, associate with an ENI, disassociate, release, describe. */
final class Ec2AddressOps {
    private Ec2AddressOps() {
    }

    static void register(OperationTable t) {
        t.register("AllocateAddress", Ec2AddressOps::allocate);
        t.register("AssociateAddress", Ec2AddressOps::associate);
        t.register("DisassociateAddress", Ec2AddressOps::disassociate);
        t.register("ReleaseAddress", Ec2AddressOps::release);
        t.register("DescribeAddresses", Ec2AddressOps::describe);
        t.register("DescribeAddressesAttribute", Ec2AddressOps::describeAttribute);
    }

    private static Ec2Filters<ElasticIp> filters(Network net) {
        return Ec2Filters.<ElasticIp>taggable()
                .field("allocation-id", ElasticIp::allocationId)
                .field("association-id", ElasticIp::associationId)
                .field("domain", a -> "vpc")
                .field("public-ip", ElasticIp::publicIp)
                .field("network-interface-id", ElasticIp::networkInterfaceId)
                .field("instance-id", a -> instanceOf(net, a))
                .field("network-interface-owner-id", a -> a.networkInterfaceId() == null ? null : a.ownerId())
                .field("network-border-group", ElasticIp::networkBorderGroup)
                .field("private-ip-address", a -> a.networkInterfaceId() == null ? null
                        : net.findNetworkInterface(a.networkInterfaceId()).map(n -> n.privateIpAddress()).orElse(null));
    }

    private static Gateways gateways(Call c) {
        return c.state().network().gateways();
    }

    static RenderedAnswer allocate(Call call) {
        String domain = call.params().string("Domain").orElse("vpc");
        if (!domain.equals("vpc") && !domain.equals("standard")) {
            throw AwsError.badRequest("InvalidParameterValue", "Invalid value '" + domain + "' for domain.");
        }
        if (call.params().has("Address") || call.params().has("PublicIpv4Pool") || call.params().has("IpamPoolId")) {
            throw AwsError.badRequest("InvalidParameterValue", "ecsnet allocates from Amazon's pool only; BYOIP and IPAM pools are not supported.");
        }
        ElasticIp eip = gateways(call).allocateAddress(Ec2Shapes.tagsFor(call.params(), "elastic-ip"));
        return ShapeWriter.ec2Xml()
                .value("publicIp", eip.publicIp())
                .value("domain", "vpc")
                .value("allocationId", eip.allocationId())
                .value("publicIpv4Pool", "amazon")
                .value("networkBorderGroup", eip.networkBorderGroup())
                .answer();
    }

    private static String allocationId(Call call) {
        Params p = call.params();
        return p.string("AllocationId").orElseGet(() -> gateways(call).addressByPublicIp(p.required("PublicIp")).allocationId());
    }

    static RenderedAnswer associate(Call call) {
        Params p = call.params();
        if (p.has("PrivateIpAddress")) {
            throw AwsError.badRequest("InvalidParameterValue", "ecsnet models one private IPv4 address per network interface; PrivateIpAddress is not supported.");
        }
        if (p.has("InstanceId") && p.has("NetworkInterfaceId")) {
            throw AwsError.badRequest("InvalidParameterCombination", "Only one of instanceId and networkInterfaceId may be specified.");
        }
        String eni = p.string("InstanceId").map(call.state().instances()::interfaceForAddress)
                .orElseGet(() -> p.required("NetworkInterfaceId"));
        ElasticIp eip = gateways(call).associateAddress(allocationId(call), eni, p.bool("AllowReassociation").orElse(false));
        return ShapeWriter.ec2Xml().value("return", true).value("associationId", eip.associationId()).answer();
    }

    static RenderedAnswer disassociate(Call call) {
        Params p = call.params();
        String associationId = p.string("AssociationId").orElseGet(() -> {
            String id = gateways(call).addressByPublicIp(p.required("PublicIp")).associationId();
            if (id == null) {
                throw AwsError.badRequest("InvalidAssociationID.NotFound", "The address '" + p.required("PublicIp") + "' is not associated");
            }
            return id;
        });
        gateways(call).disassociateAddress(associationId);
        return ShapeWriter.ec2Xml().value("return", true).answer();
    }

    static RenderedAnswer release(Call call) {
        gateways(call).releaseAddress(allocationId(call));
        return ShapeWriter.ec2Xml().value("return", true).answer();
    }

    static ShapeWriter render(ShapeWriter o, Network net, ElasticIp a) {
        o.value("publicIp", a.publicIp())
                .value("allocationId", a.allocationId())
                .value("domain", "vpc");
        if (a.associationId() != null) {
            o.value("instanceId", instanceOf(net, a));
            o.value("associationId", a.associationId()).value("networkInterfaceId", a.networkInterfaceId())
                    .value("networkInterfaceOwnerId", a.ownerId());
            net.findNetworkInterface(a.networkInterfaceId()).ifPresent(n -> o.value("privateIpAddress", n.privateIpAddress()));
        }
        o.value("publicIpv4Pool", "amazon").value("networkBorderGroup", a.networkBorderGroup());
        Ec2Shapes.tagSet(o, a.tags());
        return o;
    }

    /** The instance whose interface holds the address, if it is attached to one of the account's instances. */
    private static String instanceOf(Network net, ElasticIp a) {
        return a.networkInterfaceId() == null ? null : net.findNetworkInterface(a.networkInterfaceId())
                .flatMap(n -> n.attachment()).map(x -> x.instanceId()).filter(i -> i.startsWith("i-")).orElse(null);
    }

    static RenderedAnswer describe(Call call) {
        Network net = call.state().network();
        List<ElasticIp> selected = new ArrayList<>();
        List<String> ids = call.params().strings("AllocationId");
        List<String> ips = call.params().strings("PublicIp");
        if (ids.isEmpty() && ips.isEmpty()) {
            selected.addAll(gateways(call).addresses());
        } else {
            ids.stream().distinct().map(gateways(call)::address).forEach(selected::add);
            ips.stream().distinct().map(gateways(call)::addressByPublicIp).forEach(selected::add);
        }
        List<ElasticIp> matching = filters(net).apply(selected, Ec2Filters.read(call.params(), "Filter"));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        out.list("addressesSet");
        matching.forEach(a -> render(out.item(), net, a).end());
        return out.end().answer();
    }

    /** The reverse-DNS attribute: ecsnet sets no PTR records, so each address answers with its allocation only. */
    static RenderedAnswer describeAttribute(Call call) {
        String attribute = call.params().required("Attribute");
        if (!attribute.equals("domain-name")) {
            throw AwsError.badRequest("InvalidParameterValue", "Value (" + attribute + ") for parameter attribute is invalid.");
        }
        List<String> ids = call.params().strings("AllocationId");
        List<ElasticIp> selected = ids.isEmpty() ? List.copyOf(gateways(call).addresses()) : ids.stream().map(gateways(call)::address).toList();
        var page = Ec2Pages.page(selected, call.params(), 1, 1000);
        return page.answer("addressSet", (o, a) -> o.value("publicIp", a.publicIp()).value("allocationId", a.allocationId()));
    }
}
