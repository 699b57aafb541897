package dev.ecsnet.api.ec2;

import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.ec2.Image;
import dev.ecsnet.domain.ec2.Images;
import dev.ecsnet.domain.ec2.Instance;
import dev.ecsnet.domain.ec2.InstanceSettings;
import dev.ecsnet.domain.ec2.InstanceState;
import dev.ecsnet.domain.ec2.InstanceType;
import dev.ecsnet.domain.ec2.InstanceTypes;
import dev.ecsnet.domain.ec2.Instances;
import dev.ecsnet.domain.ec2.LaunchTemplateData;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.NetworkInterface;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.Ec2XmlShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RunInstances, DescribeInstances, TerminateInstances, DescribeImages, DescribeInstanceTypes, DescribeInstanceTypeOfferings. */
final class Ec2InstanceOps {
    private Ec2InstanceOps() {
    }

    static void register(OperationTable t) {
        t.register("RunInstances", Ec2InstanceOps::runInstances);
        t.registerRead("DescribeInstances", Ec2InstanceOps::describeInstances);
        t.register("TerminateInstances", Ec2InstanceOps::terminateInstances);
        t.register("DescribeImages", Ec2InstanceOps::describeImages);
        t.register("DescribeInstanceTypes", Ec2InstanceOps::describeInstanceTypes);
        t.register("DescribeInstanceTypeOfferings", Ec2InstanceOps::describeInstanceTypeOfferings);
    }

    private static RenderedAnswer runInstances(Call call) {
        Params p = Ec2LaunchTemplateOps.withTemplate(call);
        int min = p.integer("MinCount").orElseThrow(() -> AwsError.badRequest("MissingParameter", "The request must contain the parameter MinCount"));
        int max = p.integer("MaxCount").orElseThrow(() -> AwsError.badRequest("MissingParameter", "The request must contain the parameter MaxCount"));
        String subnetId = p.string("SubnetId").filter(s -> !s.isEmpty()).orElse(null);
        List<String> groups = new ArrayList<>(p.strings("SecurityGroupId"));
        List<Params> nics = p.list("NetworkInterface");
        if (!nics.isEmpty()) {
            Params nic = nics.get(0);
            subnetId = nic.string("SubnetId").orElse(subnetId);
            groups.addAll(nic.strings("SecurityGroupId"));
        }
        Network net = call.state().network();
        for (String name : p.strings("SecurityGroup")) {
            String vpc = subnetId != null ? net.subnet(subnetId).vpcId() : net.defaultVpc().orElseThrow().id();
            groups.add(net.securityGroupByName(vpc, name).id());
        }
        InstanceSettings settings = settings(p, nics);
        String userData = p.string("UserData").map(Ec2InstanceOps::decodeUserData).orElse(null);
        Params profile = p.child("IamInstanceProfile");
        String profileArn = profile.string("Arn").orElse(profile.string("Name")
                .map(n -> "arn:aws:iam::" + call.accountId() + ":instance-profile/" + n).orElse(null));
        Instances.Launch launch = new Instances.Launch(p.required("ImageId"), p.string("InstanceType").orElse("m1.small"), min, max,
                subnetId, groups, userData, profileArn, p.string("KeyName").orElse(null),
                p.child("Placement").string("AvailabilityZone").filter(z -> !z.isEmpty()).orElse(null), Ec2Shapes.tagsFor(p, "instance", "volume", "network-interface", "spot-instances-request", "elastic-gpu"),
                settings);
        List<Instance> launched = call.state().instances().run(launch);
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        reservation(out, net, launched.get(0).reservationId(), call.accountId(), launched);
        return out.answer();
    }

    /**
     * {@code Monitoring.Enabled}, {@code EbsOptimized}, {@code MetadataOptions} and the primary interface's
     * {@code AssociatePublicIpAddress} (a launch template's are already in {@code p}); checked before anything launches.
     */
    private static InstanceSettings settings(Params p, List<Params> nics) {
        boolean monitoring = p.child("Monitoring").bool("Enabled").orElse(false);
        boolean ebsOptimized = p.bool("EbsOptimized").orElse(false);
        boolean publicIp = !nics.isEmpty() && nics.get(0).bool("AssociatePublicIpAddress").orElse(false);
        if (nics.size() > 1 && nics.stream().anyMatch(n -> n.has("AssociatePublicIpAddress"))) {
            throw AwsError.badRequest("InvalidParameterCombination",
                    "The associatePublicIPAddress parameter cannot be specified when launching with multiple network interfaces");
        }
        Params m = p.child("MetadataOptions");
        Map<String, String> given = new LinkedHashMap<>();
        for (String member : List.of("HttpTokens", "HttpPutResponseHopLimit", "HttpEndpoint", "HttpProtocolIpv6", "InstanceMetadataTags")) {
            m.string(member).ifPresent(v -> given.put(member, v));
        }
        oneOf(given, "HttpTokens", "optional", "required");
        oneOf(given, "HttpEndpoint", "enabled", "disabled");
        oneOf(given, "HttpProtocolIpv6", "enabled", "disabled");
        oneOf(given, "InstanceMetadataTags", "enabled", "disabled");
        if (given.containsKey("HttpPutResponseHopLimit")) {
            int hops = m.integer("HttpPutResponseHopLimit").orElseThrow();
            if (hops < 1 || hops > 64) {
                throw AwsError.badRequest("InvalidParameterValue", "The HttpPutResponseHopLimit must be between 1 and 64.");
            }
        }
        return new InstanceSettings(monitoring, ebsOptimized, publicIp, LaunchTemplateData.metadataOptions(given));
    }

    private static void oneOf(Map<String, String> given, String member, String... allowed) {
        String v = given.get(member);
        if (v != null && !List.of(allowed).contains(v)) {
            throw AwsError.badRequest("InvalidParameterValue", "Value (" + v + ") for parameter " + member + " is invalid. Valid values are "
                    + String.join(", ", allowed) + ".");
        }
    }

    /**
     * RunInstances' user data: base64, line breaks between its lines allowed; any other character outside the
     * alphabet is EC2's {@code InvalidParameterValue} "Invalid BASE64 encoding of user data" (no full stop, as the
     * raw answer in aws/aws-cli#19 and users' SDK errors show it).
     */
    private static String decodeUserData(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64.replaceAll("[\\r\\n]", "")), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AwsError.badRequest("InvalidParameterValue", "Invalid BASE64 encoding of user data");
        }
    }

    private static void reservation(ShapeWriter r, Network net, String reservationId, String ownerId, List<Instance> instances) {
        r.value("reservationId", reservationId).value("ownerId", ownerId);
        r.list("groupSet").end();
        r.list("instancesSet");
        instances.forEach(i -> instance(r.item(), net, i).end());
        r.end();
    }

    private static ShapeWriter state(ShapeWriter o, String name, InstanceState s) {
        return o.object(name).value("code", s.code()).value("name", s.wireName()).end();
    }

    static ShapeWriter instance(ShapeWriter o, Network net, Instance i) {
        boolean live = i.state() != InstanceState.TERMINATED;
        // the primary interface carries what can change after launch: groups, source/dest check, a public address
        java.util.Optional<NetworkInterface> primary = live ? net.findNetworkInterface(i.primaryEniId()) : java.util.Optional.empty();
        o.value("instanceId", i.id()).value("imageId", i.image().imageId());
        state(o, "instanceState", i.state());
        o.value("privateDnsName", live ? i.privateDnsName() : "")
                .value("dnsName", primary.flatMap(NetworkInterface::publicDnsName).orElse("")).value("reason", i.stateTransitionReason());
        i.keyName().ifPresent(k -> o.value("keyName", k));
        o.value("amiLaunchIndex", i.launchIndex());
        o.list("productCodes").end();
        o.value("instanceType", i.type().name()).value("launchTime", Ec2Shapes.time(i.launchTime()));
        o.object("placement").value("availabilityZone", i.zone().name()).value("availabilityZoneId", i.zone().zoneId())
                .value("groupName", "").value("tenancy", "default").end();
        // detailed monitoring shows pending until the instance runs (ecsnet's approximation of EC2's enabling delay)
        o.object("monitoring").value("state", !i.settings().monitoring() ? "disabled"
                : i.state() == InstanceState.PENDING ? "pending" : "enabled").end();
        if (live) {
            o.value("subnetId", i.subnetId()).value("vpcId", i.vpcId()).value("privateIpAddress", i.privateIpAddress());
        }
        primary.flatMap(NetworkInterface::publicIp).ifPresent(ip -> o.value("ipAddress", ip));
        o.value("sourceDestCheck", primary.map(NetworkInterface::sourceDestCheck).orElse(true));
        Ec2Shapes.groupSet(o, net, primary.map(NetworkInterface::groupIds).orElse(i.groupIds()));
        o.value("architecture", i.type().architecture()).value("rootDeviceType", "ebs").value("rootDeviceName", Image.ROOT_DEVICE);
        o.list("blockDeviceMapping").end();
        o.value("virtualizationType", "hvm").value("clientToken", "").value("hypervisor", "xen");
        Ec2Shapes.tagSet(o, i.tags());
        i.iamInstanceProfileArn().ifPresent(a -> o.object("iamInstanceProfile").value("arn", a)
                .value("id", "AIPA" + i.id().substring(2, 19).toUpperCase(java.util.Locale.ROOT)).end());
        o.list("networkInterfaceSet");
        if (live) {
            for (NetworkInterface n : net.networkInterfaces()) {
                if (n.attachment().filter(a -> i.id().equals(a.instanceId())).isEmpty() || "branch".equals(n.interfaceType())) {
                    continue;
                }
                ShapeWriter nic = o.item().value("networkInterfaceId", n.id()).value("subnetId", n.subnetId()).value("vpcId", n.vpcId())
                        .value("description", n.description()).value("ownerId", n.ownerId()).value("status", n.status())
                        .value("macAddress", n.macAddress()).value("privateIpAddress", n.privateIpAddress())
                        .value("privateDnsName", n.privateDnsName()).value("sourceDestCheck", n.sourceDestCheck())
                        .value("interfaceType", n.interfaceType());
                Ec2Shapes.groupSet(nic, net, n.groupIds());
                n.attachment().ifPresent(a -> nic.object("attachment").value("attachmentId", a.attachmentId())
                        .value("deviceIndex", a.deviceIndex()).value("networkCardIndex", a.networkCardIndex()).value("status", a.status())
                        .value("attachTime", Ec2Shapes.time(a.attachTime())).value("deleteOnTermination", a.deleteOnTermination()).end());
                association(nic, n);
                ShapeWriter address = nic.list("privateIpAddressesSet").item().value("privateIpAddress", n.privateIpAddress())
                        .value("privateDnsName", n.privateDnsName()).value("primary", true);
                association(address, n);
                address.end().end();
                nic.end();
            }
        }
        o.end();
        o.value("ebsOptimized", i.settings().ebsOptimized()).value("enaSupport", true);
        o.object("cpuOptions").value("coreCount", Math.max(1, i.type().vcpus() / (i.type().architecture().equals("arm64") ? 1 : 2)))
                .value("threadsPerCore", i.type().architecture().equals("arm64") || i.type().vcpus() == 1 ? 1 : 2).end();
        InstanceSettings.MetadataOptions md = i.settings().metadataOptions();
        ShapeWriter metadata = o.object("metadataOptions").value("state", "applied").value("httpTokens", md.httpTokens())
                .value("httpPutResponseHopLimit", md.httpPutResponseHopLimit()).value("httpEndpoint", md.httpEndpoint());
        if (!md.httpProtocolIpv6().isEmpty()) {
            metadata.value("httpProtocolIpv6", md.httpProtocolIpv6());
        }
        if (!md.instanceMetadataTags().isEmpty()) {
            metadata.value("instanceMetadataTags", md.instanceMetadataTags());
        }
        metadata.end();
        return o.value("platformDetails", "Linux/UNIX").value("usageOperation", "RunInstances");
    }

    /** An interface's public address (auto-assigned or Elastic), on the interface and again on its primary address. */
    private static void association(ShapeWriter o, NetworkInterface n) {
        n.publicIp().ifPresent(ip -> o.object("association").value("ipOwnerId", n.publicIpOwnerId())
                .value("publicDnsName", n.publicDnsName().orElse("")).value("publicIp", ip).end());
    }

    private static Ec2Filters<Instance> filters() {
        return Ec2Filters.<Instance>taggable()
                .field("instance-id", Instance::id)
                .field("instance-state-name", i -> i.state().wireName())
                .field("instance-state-code", i -> i.state().code())
                .field("instance-type", i -> i.type().name())
                .field("image-id", i -> i.image().imageId())
                .field("subnet-id", Instance::subnetId)
                .field("vpc-id", Instance::vpcId)
                .field("availability-zone", i -> i.zone().name())
                .field("private-ip-address", Instance::privateIpAddress)
                .field("reservation-id", Instance::reservationId)
                .field("architecture", i -> i.type().architecture())
                .multi("instance.group-id", Instance::groupIds);
    }

    private static RenderedAnswer describeInstances(Call call) {
        Params p = call.params();
        Instances all = call.state().instances();
        List<String> ids = p.strings("InstanceId");
        if (!ids.isEmpty() && p.has("MaxResults")) {
            throw AwsError.badRequest("InvalidParameterCombination", "The parameter instancesSet cannot be used with the parameter maxResults");
        }
        List<Instance> found = ids.isEmpty() ? new ArrayList<>(all.all()) : ids.stream().distinct().map(all::get).toList();
        var page = Ec2Pages.page(filters().apply(found, Ec2Filters.read(p, "Filter")), p, 5, 1000);
        Map<String, List<Instance>> byReservation = new LinkedHashMap<>();
        page.items().forEach(i -> byReservation.computeIfAbsent(i.reservationId(), r -> new ArrayList<>()).add(i));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        out.list("reservationSet");
        Network net = call.state().network();
        byReservation.forEach((r, list) -> {
            reservation(out.item(), net, r, call.accountId(), list);
            out.end();
        });
        out.end();
        page.writeToken(out);
        return out.answer();
    }

    private static RenderedAnswer terminateInstances(Call call) {
        List<String> ids = call.params().strings("InstanceId");
        if (ids.isEmpty()) {
            throw AwsError.badRequest("MissingParameter", "The request must contain the parameter InstanceId");
        }
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        out.list("instancesSet");
        for (Instances.StateChange c : call.state().instances().terminate(ids)) {
            ShapeWriter item = out.item().value("instanceId", c.instanceId());
            state(item, "currentState", c.current());
            state(item, "previousState", c.previous()).end();
        }
        return out.end().answer();
    }

    private static RenderedAnswer describeImages(Call call) {
        Params p = call.params();
        List<String> ids = p.strings("ImageId");
        List<Image> images = new ArrayList<>();
        for (Image i : Images.all()) {
            if (ids.isEmpty() || ids.contains(i.imageId())) {
                images.add(i);
            }
        }
        for (String id : ids) {
            if (Images.find(id).isEmpty()) {
                throw AwsError.badRequest("InvalidAMIID.NotFound", "The image id '[" + id + "]' does not exist");
            }
        }
        List<String> owners = p.strings("Owner");
        images.removeIf(i -> !owners.isEmpty() && !owners.contains(i.ownerId()) && !owners.contains(i.ownerAlias()));
        Ec2Filters<Image> filters = Ec2Filters.<Image>untagged()
                .field("image-id", Image::imageId).field("name", Image::name).field("architecture", Image::architecture)
                .field("owner-id", Image::ownerId).field("owner-alias", Image::ownerAlias).field("state", i -> "available")
                .field("virtualization-type", i -> "hvm").field("root-device-type", i -> "ebs").field("is-public", i -> true)
                .field("image-type", i -> "machine").field("platform-details", i -> "Linux/UNIX").field("description", Image::description);
        List<Image> matching = filters.apply(images, Ec2Filters.read(p, "Filter"));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        out.list("imagesSet");
        for (Image i : matching) {
            out.item().value("imageId", i.imageId()).value("imageLocation", "amazon/" + i.name())
                    .value("imageState", "available").value("imageOwnerId", i.ownerId()).value("creationDate", i.creationDate())
                    .value("isPublic", true).value("architecture", i.architecture()).value("imageType", "machine")
                    .value("imageOwnerAlias", i.ownerAlias()).value("name", i.name()).value("description", i.description())
                    .value("rootDeviceType", "ebs").value("rootDeviceName", Image.ROOT_DEVICE).value("virtualizationType", "hvm")
                    .value("hypervisor", "xen").value("enaSupport", true).value("sriovNetSupport", "simple")
                    .value("platformDetails", "Linux/UNIX").value("usageOperation", "RunInstances").value("bootMode", "uefi-preferred");
            out.list("blockDeviceMapping").item().value("deviceName", Image.ROOT_DEVICE).object("ebs")
                    .value("deleteOnTermination", true).value("volumeSize", 30).value("volumeType", "gp3").value("encrypted", false)
                    .end().end().end();
            out.end();
        }
        return out.end().answer();
    }

    /** Every type (or every type asked for by name), from the same tables placement uses. */
    private static RenderedAnswer describeInstanceTypes(Call call) {
        Params p = call.params();
        List<String> names = p.strings("InstanceType");
        List<InstanceType> types = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        if (names.isEmpty()) {
            types.addAll(InstanceTypes.all());
        } else {
            for (String n : names) {
                InstanceTypes.find(n).ifPresentOrElse(types::add, () -> unknown.add(n));
            }
        }
        if (!unknown.isEmpty()) {
            throw AwsError.badRequest("InvalidInstanceType", "The following supplied instance types do not exist: [" + String.join(", ", unknown) + "]");
        }
        Ec2Filters<InstanceType> filters = Ec2Filters.<InstanceType>untagged()
                .field("instance-type", InstanceType::name)
                .field("processor-info.supported-architecture", InstanceType::architecture)
                .field("vcpu-info.default-vcpus", InstanceType::vcpus)
                .field("memory-info.size-in-mib", InstanceType::memoryMib)
                .field("network-info.maximum-network-interfaces", InstanceType::maxEnis)
                .field("network-info.ipv4-addresses-per-interface", InstanceType::ipv4PerEni)
                .field("burstable-performance-supported", InstanceType::burstable)
                .field("current-generation", t -> true);
        var page = Ec2Pages.page(filters.apply(types, Ec2Filters.read(p, "Filter")), p, 5, 100);
        return page.answer("instanceTypeSet", Ec2InstanceOps::renderInstanceType);
    }

    private static void renderInstanceType(ShapeWriter o, InstanceType t) {
        o.value("instanceType", t.name()).value("currentGeneration", true)
                .value("freeTierEligible", t.name().equals("t2.micro") || t.name().equals("t3.micro"))
                .value("bareMetal", t.name().contains("metal")).value("hypervisor", "nitro");
        o.list("supportedUsageClasses").item("on-demand").item("spot").end();
        o.list("supportedRootDeviceTypes").item("ebs").end();
        o.list("supportedVirtualizationTypes").item("hvm").end();
        o.object("processorInfo").list("supportedArchitectures").item(t.architecture()).end().end();
        if (t.hasKnownSize()) {
            o.object("vCpuInfo").value("defaultVCpus", t.vcpus()).end();
            o.object("memoryInfo").value("sizeInMiB", t.memoryMib()).end();
        }
        o.value("instanceStorageSupported", false);
        o.object("networkInfo").value("networkPerformance", "Up to 10 Gigabit")
                .value("maximumNetworkInterfaces", t.maxEnis()).value("maximumNetworkCards", 1).value("defaultNetworkCardIndex", 0);
        o.list("networkCards").item().value("networkCardIndex", 0).value("networkPerformance", "Up to 10 Gigabit")
                .value("maximumNetworkInterfaces", t.maxEnis()).end().end();
        o.value("ipv4AddressesPerInterface", t.ipv4PerEni()).value("ipv6AddressesPerInterface", t.ipv4PerEni())
                .value("ipv6Supported", true).value("enaSupport", "required").value("efaSupported", false)
                .value("encryptionInTransitSupported", false).end();
        o.value("hibernationSupported", false).value("burstablePerformanceSupported", t.burstable())
                .value("dedicatedHostsSupported", false).value("autoRecoverySupported", true);
        o.list("supportedBootModes").item("legacy-bios").item("uefi").end();
    }

    private static RenderedAnswer describeInstanceTypeOfferings(Call call) {
        Params p = call.params();
        String locationType = p.string("LocationType").orElse("region");
        List<String[]> rows = new ArrayList<>();
        List<String> locations = switch (locationType) {
            case "availability-zone" -> call.state().network().zones().stream().map(z -> z.name()).toList();
            case "availability-zone-id" -> call.state().network().zones().stream().map(z -> z.zoneId()).toList();
            default -> List.of(call.region());
        };
        for (InstanceType t : InstanceTypes.all()) {
            locations.forEach(l -> rows.add(new String[]{t.name(), l}));
        }
        Ec2Filters<String[]> filters = Ec2Filters.<String[]>untagged().field("instance-type", r -> r[0]).field("location", r -> r[1]);
        var page = Ec2Pages.page(filters.apply(rows, Ec2Filters.read(p, "Filter")), p, 5, 1000);
        return page.answer("instanceTypeOfferingSet",
                (o, r) -> o.value("instanceType", r[0]).value("locationType", locationType).value("location", r[1]));
    }
}
