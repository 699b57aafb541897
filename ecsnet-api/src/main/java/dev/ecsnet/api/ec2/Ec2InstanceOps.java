package dev.ecsnet.api.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.ec2.Image;
import dev.ecsnet.domain.ec2.Images;
import dev.ecsnet.domain.ec2.Instance;
import dev.ecsnet.domain.ec2.InstanceState;
import dev.ecsnet.domain.ec2.InstanceType;
import dev.ecsnet.domain.ec2.InstanceTypes;
import dev.ecsnet.domain.ec2.Instances;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.NetworkInterface;
import dev.ecsnet.protocol.AwsError;

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
        t.register("DescribeInstances", Ec2InstanceOps::describeInstances);
        t.register("TerminateInstances", Ec2InstanceOps::terminateInstances);
        t.register("DescribeImages", Ec2InstanceOps::describeImages);
        t.register("DescribeInstanceTypes", Ec2InstanceOps::describeInstanceTypes);
        t.register("DescribeInstanceTypeOfferings", Ec2InstanceOps::describeInstanceTypeOfferings);
    }

    private static ObjectNode runInstances(Call call) {
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
        String userData = p.string("UserData").map(Ec2InstanceOps::decodeUserData).orElse(null);
        Params profile = p.child("IamInstanceProfile");
        String profileArn = profile.string("Arn").orElse(profile.string("Name")
                .map(n -> "arn:aws:iam::" + call.accountId() + ":instance-profile/" + n).orElse(null));
        Instances.Launch launch = new Instances.Launch(p.required("ImageId"), p.string("InstanceType").orElse("m1.small"), min, max,
                subnetId, groups, userData, profileArn, p.string("KeyName").orElse(null),
                p.child("Placement").string("AvailabilityZone").filter(z -> !z.isEmpty()).orElse(null), Ec2Shapes.tagsFor(p, "instance", "volume", "network-interface", "spot-instances-request", "elastic-gpu"));
        List<Instance> launched = call.state().instances().run(launch);
        return reservation(net, launched.get(0).reservationId(), call.accountId(), launched);
    }

    private static String decodeUserData(String base64) {
        try {
            return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AwsError.badRequest("InvalidParameterValue", "Invalid BASE64 encoding of user data.");
        }
    }

    private static ObjectNode reservation(Network net, String reservationId, String ownerId, List<Instance> instances) {
        ObjectNode r = Ec2Shapes.object().put("reservationId", reservationId).put("ownerId", ownerId);
        r.set("groupSet", Ec2Shapes.array());
        ArrayNode set = r.putArray("instancesSet");
        instances.forEach(i -> set.add(instance(net, i)));
        return r;
    }

    private static ObjectNode state(InstanceState s) {
        return Ec2Shapes.object().put("code", s.code()).put("name", s.wireName());
    }

    static ObjectNode instance(Network net, Instance i) {
        boolean live = i.state() != InstanceState.TERMINATED;
        // the primary interface carries what can change after launch: groups, source/dest check, a public address
        java.util.Optional<NetworkInterface> primary = live ? net.findNetworkInterface(i.primaryEniId()) : java.util.Optional.empty();
        ObjectNode o = Ec2Shapes.object().put("instanceId", i.id()).put("imageId", i.image().imageId());
        o.set("instanceState", state(i.state()));
        o.put("privateDnsName", live ? i.privateDnsName() : "")
                .put("dnsName", primary.flatMap(NetworkInterface::publicDnsName).orElse("")).put("reason", i.stateTransitionReason());
        i.keyName().ifPresent(k -> o.put("keyName", k));
        o.put("amiLaunchIndex", i.launchIndex());
        o.set("productCodes", Ec2Shapes.array());
        o.put("instanceType", i.type().name()).put("launchTime", Ec2Shapes.time(i.launchTime()));
        o.putObject("placement").put("availabilityZone", i.zone().name()).put("availabilityZoneId", i.zone().zoneId())
                .put("groupName", "").put("tenancy", "default");
        o.putObject("monitoring").put("state", "disabled");
        if (live) {
            o.put("subnetId", i.subnetId()).put("vpcId", i.vpcId()).put("privateIpAddress", i.privateIpAddress());
        }
        primary.flatMap(NetworkInterface::publicIp).ifPresent(ip -> o.put("ipAddress", ip));
        o.put("sourceDestCheck", primary.map(NetworkInterface::sourceDestCheck).orElse(true));
        ArrayNode groups = o.putArray("groupSet");
        for (String g : primary.map(NetworkInterface::groupIds).orElse(i.groupIds())) {
            groups.addObject().put("groupId", g).put("groupName", net.findSecurityGroup(g).map(x -> x.name()).orElse(""));
        }
        o.put("architecture", i.type().architecture()).put("rootDeviceType", "ebs").put("rootDeviceName", Image.ROOT_DEVICE);
        o.set("blockDeviceMapping", Ec2Shapes.array());
        o.put("virtualizationType", "hvm").put("clientToken", "").put("hypervisor", "xen");
        o.set("tagSet", Ec2Shapes.tagSet(i.tags()));
        i.iamInstanceProfileArn().ifPresent(a -> o.putObject("iamInstanceProfile").put("arn", a).put("id", "AIPA" + i.id().substring(2, 19).toUpperCase(java.util.Locale.ROOT)));
        ArrayNode nics = o.putArray("networkInterfaceSet");
        if (live) {
            for (NetworkInterface n : net.networkInterfaces()) {
                if (n.attachment().filter(a -> i.id().equals(a.instanceId())).isEmpty() || "branch".equals(n.interfaceType())) {
                    continue;
                }
                ObjectNode nic = nics.addObject().put("networkInterfaceId", n.id()).put("subnetId", n.subnetId()).put("vpcId", n.vpcId())
                        .put("description", n.description()).put("ownerId", n.ownerId()).put("status", n.status())
                        .put("macAddress", n.macAddress()).put("privateIpAddress", n.privateIpAddress())
                        .put("privateDnsName", n.privateDnsName()).put("sourceDestCheck", n.sourceDestCheck())
                        .put("interfaceType", n.interfaceType());
                ArrayNode ng = nic.putArray("groupSet");
                n.groupIds().forEach(g -> ng.addObject().put("groupId", g).put("groupName", net.findSecurityGroup(g).map(x -> x.name()).orElse("")));
                n.attachment().ifPresent(a -> nic.putObject("attachment").put("attachmentId", a.attachmentId())
                        .put("deviceIndex", a.deviceIndex()).put("networkCardIndex", a.networkCardIndex()).put("status", a.status())
                        .put("attachTime", Ec2Shapes.time(a.attachTime())).put("deleteOnTermination", a.deleteOnTermination()));
                nic.putArray("privateIpAddressesSet").addObject().put("privateIpAddress", n.privateIpAddress())
                        .put("privateDnsName", n.privateDnsName()).put("primary", true);
            }
        }
        o.put("ebsOptimized", false).put("enaSupport", true);
        o.putObject("cpuOptions").put("coreCount", Math.max(1, i.type().vcpus() / (i.type().architecture().equals("arm64") ? 1 : 2)))
                .put("threadsPerCore", i.type().architecture().equals("arm64") || i.type().vcpus() == 1 ? 1 : 2);
        o.putObject("metadataOptions").put("state", "applied").put("httpTokens", "required").put("httpPutResponseHopLimit", 2)
                .put("httpEndpoint", "enabled");
        o.put("platformDetails", "Linux/UNIX").put("usageOperation", "RunInstances");
        return o;
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

    private static ObjectNode describeInstances(Call call) {
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
        ObjectNode out = Ec2Shapes.object();
        ArrayNode set = out.putArray("reservationSet");
        Network net = call.state().network();
        byReservation.forEach((r, list) -> set.add(reservation(net, r, call.accountId(), list)));
        page.putToken(out);
        return out;
    }

    private static ObjectNode terminateInstances(Call call) {
        List<String> ids = call.params().strings("InstanceId");
        if (ids.isEmpty()) {
            throw AwsError.badRequest("MissingParameter", "The request must contain the parameter InstanceId");
        }
        ObjectNode out = Ec2Shapes.object();
        ArrayNode set = out.putArray("instancesSet");
        for (Instances.StateChange c : call.state().instances().terminate(ids)) {
            ObjectNode item = set.addObject().put("instanceId", c.instanceId());
            item.set("currentState", state(c.current()));
            item.set("previousState", state(c.previous()));
        }
        return out;
    }

    private static ObjectNode describeImages(Call call) {
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
        ObjectNode out = Ec2Shapes.object();
        ArrayNode set = out.putArray("imagesSet");
        for (Image i : filters.apply(images, Ec2Filters.read(p, "Filter"))) {
            ObjectNode o = set.addObject().put("imageId", i.imageId()).put("imageLocation", "amazon/" + i.name())
                    .put("imageState", "available").put("imageOwnerId", i.ownerId()).put("creationDate", i.creationDate())
                    .put("isPublic", true).put("architecture", i.architecture()).put("imageType", "machine")
                    .put("imageOwnerAlias", i.ownerAlias()).put("name", i.name()).put("description", i.description())
                    .put("rootDeviceType", "ebs").put("rootDeviceName", Image.ROOT_DEVICE).put("virtualizationType", "hvm")
                    .put("hypervisor", "xen").put("enaSupport", true).put("sriovNetSupport", "simple")
                    .put("platformDetails", "Linux/UNIX").put("usageOperation", "RunInstances").put("bootMode", "uefi-preferred");
            o.putArray("blockDeviceMapping").addObject().put("deviceName", Image.ROOT_DEVICE).putObject("ebs")
                    .put("deleteOnTermination", true).put("volumeSize", 30).put("volumeType", "gp3").put("encrypted", false);
        }
        return out;
    }

    /** Every type (or every type asked for by name), from the same tables placement uses. */
    private static ObjectNode describeInstanceTypes(Call call) {
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
        ObjectNode out = Ec2Shapes.object();
        ArrayNode set = out.putArray("instanceTypeSet");
        for (InstanceType t : page.items()) {
            ObjectNode o = set.addObject().put("instanceType", t.name()).put("currentGeneration", true)
                    .put("freeTierEligible", t.name().equals("t2.micro") || t.name().equals("t3.micro"))
                    .put("bareMetal", t.name().contains("metal")).put("hypervisor", "nitro");
            o.putArray("supportedUsageClasses").add("on-demand").add("spot");
            o.putArray("supportedRootDeviceTypes").add("ebs");
            o.putArray("supportedVirtualizationTypes").add("hvm");
            o.putObject("processorInfo").putArray("supportedArchitectures").add(t.architecture());
            if (t.hasKnownSize()) {
                o.putObject("vCpuInfo").put("defaultVCpus", t.vcpus());
                o.putObject("memoryInfo").put("sizeInMiB", t.memoryMib());
            }
            o.put("instanceStorageSupported", false);
            ObjectNode n = o.putObject("networkInfo").put("networkPerformance", "Up to 10 Gigabit")
                    .put("maximumNetworkInterfaces", t.maxEnis()).put("maximumNetworkCards", 1).put("defaultNetworkCardIndex", 0);
            n.putArray("networkCards").addObject().put("networkCardIndex", 0).put("networkPerformance", "Up to 10 Gigabit")
                    .put("maximumNetworkInterfaces", t.maxEnis());
            n.put("ipv4AddressesPerInterface", t.ipv4PerEni()).put("ipv6AddressesPerInterface", t.ipv4PerEni())
                    .put("ipv6Supported", true).put("enaSupport", "required").put("efaSupported", false)
                    .put("encryptionInTransitSupported", false);
            o.put("hibernationSupported", false).put("burstablePerformanceSupported", t.burstable())
                    .put("dedicatedHostsSupported", false).put("autoRecoverySupported", true);
            o.putArray("supportedBootModes").add("legacy-bios").add("uefi");
        }
        page.putToken(out);
        return out;
    }

    private static ObjectNode describeInstanceTypeOfferings(Call call) {
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
        ObjectNode out = Ec2Shapes.object();
        ArrayNode set = out.putArray("instanceTypeOfferingSet");
        page.items().forEach(r -> set.addObject().put("instanceType", r[0]).put("locationType", locationType).put("location", r[1]));
        page.putToken(out);
        return out;
    }
}
