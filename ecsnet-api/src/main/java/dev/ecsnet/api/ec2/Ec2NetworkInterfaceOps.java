package dev.ecsnet.api.ec2;

import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.net.EniAttachment;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.NetworkInterface;
import dev.ecsnet.domain.net.NetworkIndexes;
import dev.ecsnet.domain.net.NetworkInterfaceChanges;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.Ec2XmlShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Network interfaces: create, describe, delete, attach to an instance, detach, modify an attribute, Assign/UnassignIpv6Addresses. */
final class Ec2NetworkInterfaceOps {
    private static final Set<String> USER_INTERFACE_TYPES = Set.of("interface", "efa", "efa-only", "trunk");

    private Ec2NetworkInterfaceOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateNetworkInterface", Ec2NetworkInterfaceOps::createNetworkInterface);
        t.registerRead("DescribeNetworkInterfaces", Ec2NetworkInterfaceOps::describeNetworkInterfaces);
        t.register("DeleteNetworkInterface", Ec2NetworkInterfaceOps::deleteNetworkInterface);
        t.register("AssignIpv6Addresses", Ec2NetworkInterfaceOps::assignIpv6Addresses);
        t.register("UnassignIpv6Addresses", Ec2NetworkInterfaceOps::unassignIpv6Addresses);
        t.register("AttachNetworkInterface", Ec2NetworkInterfaceOps::attachNetworkInterface);
        t.register("DetachNetworkInterface", c -> {
            c.state().network().interfaceChanges().detach(c.params().required("AttachmentId"), c.params().bool("Force").orElse(false));
            return ShapeWriter.ec2Xml().value("return", true).answer();
        });
        t.register("ModifyNetworkInterfaceAttribute", Ec2NetworkInterfaceOps::modifyNetworkInterfaceAttribute);
    }

    /** The filters answered from the network's indexes instead of a scan (see {@link NetworkIndexes}). */
    private static Map<String, Function<Collection<String>, List<NetworkInterface>>> lookups(NetworkIndexes indexes) {
        return Map.of(
                "network-interface-id", v -> indexes.networkInterfaces(NetworkIndexes.EniField.NETWORK_INTERFACE_ID, v),
                "subnet-id", v -> indexes.networkInterfaces(NetworkIndexes.EniField.SUBNET_ID, v),
                "vpc-id", v -> indexes.networkInterfaces(NetworkIndexes.EniField.VPC_ID, v),
                "private-ip-address", v -> indexes.networkInterfaces(NetworkIndexes.EniField.PRIVATE_IP_ADDRESS, v),
                "addresses.private-ip-address", v -> indexes.networkInterfaces(NetworkIndexes.EniField.PRIVATE_IP_ADDRESS, v),
                "group-id", v -> indexes.networkInterfaces(NetworkIndexes.EniField.GROUP_ID, v));
    }

    private static Ec2Filters<NetworkInterface> filters(Network net) {
        return Ec2Filters.<NetworkInterface>taggable()
                .field("network-interface-id", NetworkInterface::id)
                .field("subnet-id", NetworkInterface::subnetId)
                .field("vpc-id", NetworkInterface::vpcId)
                .field("availability-zone", n -> n.zone().name())
                .field("availability-zone-id", n -> n.zone().zoneId())
                .multi("group-id", NetworkInterface::groupIds)
                .multi("group-name", n -> n.groupIds().stream().map(g -> net.findSecurityGroup(g).map(x -> x.name()).orElse("")).toList())
                .field("private-ip-address", NetworkInterface::privateIpAddress)
                .field("addresses.private-ip-address", NetworkInterface::privateIpAddress)
                .field("addresses.primary", n -> true)
                .field("private-dns-name", NetworkInterface::privateDnsName)
                .multi("ipv6-addresses.ipv6-address", n -> n.ipv6Addresses().stream().map(Object::toString).toList())
                .field("mac-address", NetworkInterface::macAddress)
                .field("status", NetworkInterface::status)
                .field("description", NetworkInterface::description)
                .field("interface-type", NetworkInterface::interfaceType)
                .field("owner-id", NetworkInterface::ownerId)
                .field("requester-managed", NetworkInterface::requesterManaged)
                .field("requester-id", n -> n.requesterId().orElse(null))
                .field("source-dest-check", NetworkInterface::sourceDestCheck)
                .field("association.public-ip", n -> n.publicIp().orElse(null))
                .field("association.ip-owner-id", n -> n.publicIp().map(ip -> "amazon").orElse(null))
                .field("attachment.attachment-id", n -> n.lastAttachment().map(EniAttachment::attachmentId).orElse(null))
                .field("attachment.instance-id", n -> n.lastAttachment().map(EniAttachment::instanceId).orElse(null))
                .field("attachment.instance-owner-id", n -> n.lastAttachment().map(EniAttachment::instanceOwnerId).orElse(null))
                .field("attachment.device-index", n -> n.lastAttachment().map(EniAttachment::deviceIndex).orElse(null))
                .field("attachment.status", n -> n.lastAttachment().map(EniAttachment::status).orElse(null))
                .field("attachment.delete-on-termination", n -> n.lastAttachment().map(EniAttachment::deleteOnTermination).orElse(null));
    }

    /** A NetworkInterface's members (CreateNetworkInterface, DescribeNetworkInterfaces). */
    static ShapeWriter render(ShapeWriter o, Network net, NetworkInterface n) {
        o.value("networkInterfaceId", n.id())
                .value("subnetId", n.subnetId())
                .value("vpcId", n.vpcId())
                .value("availabilityZone", n.zone().name())
                .value("availabilityZoneId", n.zone().zoneId())
                .value("description", n.description())
                .value("ownerId", n.ownerId());
        n.requesterId().ifPresent(r -> o.value("requesterId", r));
        o.value("requesterManaged", n.requesterManaged())
                .value("status", n.status())
                .value("macAddress", n.macAddress())
                .value("privateIpAddress", n.privateIpAddress())
                .value("privateDnsName", n.privateDnsName())
                .value("sourceDestCheck", n.sourceDestCheck());
        Ec2Shapes.groupSet(o, net, n.groupIds());
        n.lastAttachment().ifPresent(a -> {
            o.object("attachment")
                    .value("attachmentId", a.attachmentId())
                    .value("attachTime", Ec2Shapes.time(a.attachTime()))
                    .value("deleteOnTermination", a.deleteOnTermination())
                    .value("deviceIndex", a.deviceIndex())
                    .value("networkCardIndex", a.networkCardIndex());
            if (a.instanceId() != null) {
                o.value("instanceId", a.instanceId());
            }
            o.value("instanceOwnerId", a.instanceOwnerId()).value("status", a.status()).end();
        });
        association(o, n);
        o.value("interfaceType", n.interfaceType());
        o.list("ipv6AddressesSet");
        n.ipv6Addresses().forEach(a -> o.item().value("ipv6Address", a.toString()).value("isPrimaryIpv6", false).end());
        o.end();
        n.ipv6Addresses().stream().findFirst().ifPresent(a -> o.value("ipv6Address", a.toString()));
        o.value("ipv6Native", false);
        o.list("privateIpAddressesSet").item()
                .value("privateIpAddress", n.privateIpAddress())
                .value("privateDnsName", n.privateDnsName())
                .value("primary", true);
        association(o, n);
        o.end().end();
        Ec2Shapes.tagSet(o, n.tags());
        return o;
    }

    /** The public address's association, when the ENI has one (on the ENI and again on its primary address). */
    private static void association(ShapeWriter o, NetworkInterface n) {
        n.publicIp().ifPresent(ip -> {
            o.object("association");
            if (n.allocationId() != null) {
                o.value("allocationId", n.allocationId()).value("associationId", n.associationId());
            }
            o.value("ipOwnerId", n.publicIpOwnerId())
                    .value("publicDnsName", n.publicDnsName().orElse(""))
                    .value("publicIp", ip)
                    .end();
        });
    }

    static RenderedAnswer createNetworkInterface(Call call) {
        Params p = call.params();
        String type = p.string("InterfaceType").orElse(null);
        if (type != null && !USER_INTERFACE_TYPES.contains(type)) {
            throw AwsError.badRequest("InvalidParameterValue", "Value (" + type + ") for parameter interfaceType is invalid.");
        }
        if (p.has("SecondaryPrivateIpAddressCount") || p.has("PrivateIpAddresses")) {
            throw AwsError.badRequest("InvalidParameterValue", "ecsnet models one primary private IPv4 address per network interface; "
                    + "secondary private IPv4 addresses are not supported.");
        }
        refusePrefixes(p, "Ipv4Prefix", "Ipv4PrefixCount", "Ipv6Prefix", "Ipv6PrefixCount");
        if (p.bool("EnablePrimaryIpv6").orElse(false)) {
            throw AwsError.badRequest("InvalidParameterValue", "ecsnet does not model primary IPv6 addresses (EnablePrimaryIpv6).");
        }
        Network net = call.state().network();
        List<String> ipv6 = p.list("Ipv6Addresses").stream().map(a -> a.required("Ipv6Address")).toList();
        NetworkInterface eni = net.createNetworkInterface(new Network.EniRequest(p.required("SubnetId"),
                p.string("Description").orElse(null), p.strings("SecurityGroupId"), p.string("PrivateIpAddress").orElse(null),
                type, null, Ec2Shapes.tagsFor(p, "network-interface"), p.integer("Ipv6AddressCount").orElse(null),
                ipv6.isEmpty() ? null : ipv6));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        render(out.object("networkInterface"), net, eni).end();
        return out.answer();
    }

    static RenderedAnswer describeNetworkInterfaces(Call call) {
        Network net = call.state().network();
        List<String> ids = call.params().strings("NetworkInterfaceId");
        List<Ec2Filters.Filter> filters = Ec2Filters.read(call.params(), "Filter");
        List<NetworkInterface> matched;
        if (ids.isEmpty()) {
            matched = filters(net).apply(net.networkInterfaces(), filters, lookups(net.indexes()),
                    Ec2Filters.TagLookups.of(net.indexes().eniTags()));
        } else {
            matched = filters(net).apply(ids.stream().distinct().map(net::networkInterface).toList(), filters);
        }
        var page = Ec2Pages.page(matched, call.params(), 5, 1000);
        return page.answer("networkInterfaceSet", (o, n) -> render(o, net, n));
    }

    static RenderedAnswer deleteNetworkInterface(Call call) {
        call.state().network().deleteNetworkInterface(call.params().required("NetworkInterfaceId"));
        return ShapeWriter.ec2Xml().value("return", true).answer();
    }

    /** Prefix delegation (IPv4 or IPv6 prefixes on an interface) is not modelled. */
    private static void refusePrefixes(Params p, String... members) {
        for (String m : members) {
            if (p.has(m)) {
                throw AwsError.badRequest("InvalidParameterValue", "ecsnet does not model prefix delegation (" + m + ").");
            }
        }
    }

    static RenderedAnswer assignIpv6Addresses(Call call) {
        Params p = call.params();
        refusePrefixes(p, "Ipv6Prefix", "Ipv6PrefixCount");
        String id = p.required("NetworkInterfaceId");
        List<String> addresses = p.strings("Ipv6Addresses");
        var assigned = call.state().network().interfaceIpv6().assign(id, p.integer("Ipv6AddressCount").orElse(null), addresses);
        return ipv6Answer(id, "assignedIpv6Addresses", assigned, "assignedIpv6PrefixSet");
    }

    static RenderedAnswer unassignIpv6Addresses(Call call) {
        Params p = call.params();
        refusePrefixes(p, "Ipv6Prefix");
        String id = p.required("NetworkInterfaceId");
        var removed = call.state().network().interfaceIpv6().unassign(id, p.strings("Ipv6Addresses"));
        return ipv6Answer(id, "unassignedIpv6Addresses", removed, "unassignedIpv6PrefixSet");
    }

    /** The interface, the addresses assigned or unassigned, and the (always empty: not modelled) prefix set. */
    private static RenderedAnswer ipv6Answer(String id, String addressesMember, Collection<?> addresses, String prefixesMember) {
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        out.value("networkInterfaceId", id).list(addressesMember);
        addresses.forEach(a -> out.item(a.toString()));
        return out.end().list(prefixesMember).end().answer();
    }

    static RenderedAnswer attachNetworkInterface(Call call) {
        Params p = call.params();
        for (String unsupported : List.of("EnaSrdSpecification", "EnaQueueCount")) {
            if (p.has(unsupported)) {
                throw AwsError.badRequest("InvalidParameterValue", "ecsnet does not model " + unsupported + ".");
            }
        }
        int deviceIndex = p.integer("DeviceIndex").orElseThrow(() -> AwsError.badRequest("MissingParameter",
                "The request must contain the parameter deviceIndex"));
        EniAttachment a = call.state().instances().attachNetworkInterface(p.required("NetworkInterfaceId"), p.required("InstanceId"),
                deviceIndex, p.integer("NetworkCardIndex").orElse(0));
        return ShapeWriter.ec2Xml().value("attachmentId", a.attachmentId()).value("networkCardIndex", a.networkCardIndex()).answer();
    }

    /** One attribute per call, as EC2 takes them; the ones ecsnet does not model are refused by name. */
    static RenderedAnswer modifyNetworkInterfaceAttribute(Call call) {
        Params p = call.params();
        for (String unsupported : List.of("EnaSrdSpecification", "EnablePrimaryIpv6", "ConnectionTrackingSpecification",
                "AssociatePublicIpAddress", "AssociatedSubnetId")) {
            if (p.has(unsupported)) {
                throw AwsError.badRequest("InvalidParameterValue", "ecsnet does not model the network interface attribute " + unsupported + ".");
            }
        }
        Params attachment = p.child("Attachment");
        List<String> groups = p.strings("SecurityGroupId");
        call.state().network().interfaceChanges().modify(p.required("NetworkInterfaceId"), new NetworkInterfaceChanges.Modification(
                p.child("Description").string("Value").orElse(p.has("Description") ? "" : null),
                p.child("SourceDestCheck").bool("Value").orElse(null),
                groups.isEmpty() ? null : groups,
                attachment.string("AttachmentId").orElse(null), attachment.bool("DeleteOnTermination").orElse(null)));
        return ShapeWriter.ec2Xml().value("return", true).answer();
    }
}
