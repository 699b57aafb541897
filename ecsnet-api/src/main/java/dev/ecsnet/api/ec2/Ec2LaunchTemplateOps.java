package dev.ecsnet.api.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.ec2.Images;
import dev.ecsnet.domain.ec2.InstanceTypes;
import dev.ecsnet.domain.ec2.LaunchTemplate;
import dev.ecsnet.domain.ec2.LaunchTemplateData;
import dev.ecsnet.domain.ec2.LaunchTemplateVersion;
import dev.ecsnet.domain.ec2.LaunchTemplates;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.Ec2XmlShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CreateLaunchTemplate, CreateLaunchTemplateVersion, DescribeLaunchTemplates, DescribeLaunchTemplateVersions,
 * ModifyLaunchTemplate, DeleteLaunchTemplate, DeleteLaunchTemplateVersions; and {@link #withTemplate}, which
 * completes a RunInstances request from the launch template it names.
 */
final class Ec2LaunchTemplateOps {
    private static final String DATA_REQUEST = "RequestLaunchTemplateData";
    private static final String DATA_RESPONSE = "ResponseLaunchTemplateData";

    private Ec2LaunchTemplateOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateLaunchTemplate", Ec2LaunchTemplateOps::createLaunchTemplate);
        t.register("CreateLaunchTemplateVersion", Ec2LaunchTemplateOps::createLaunchTemplateVersion);
        t.register("DescribeLaunchTemplates", Ec2LaunchTemplateOps::describeLaunchTemplates);
        t.register("DescribeLaunchTemplateVersions", Ec2LaunchTemplateOps::describeLaunchTemplateVersions);
        t.register("ModifyLaunchTemplate", Ec2LaunchTemplateOps::modifyLaunchTemplate);
        t.register("DeleteLaunchTemplate", Ec2LaunchTemplateOps::deleteLaunchTemplate);
        t.register("DeleteLaunchTemplateVersions", Ec2LaunchTemplateOps::deleteLaunchTemplateVersions);
    }

    private static LaunchTemplates templates(Call call) {
        return call.state().launchTemplates();
    }

    private static LaunchTemplates.Ref ref(Params p) {
        return LaunchTemplates.Ref.of(p.string("LaunchTemplateId").orElse(null), p.string("LaunchTemplateName").orElse(null));
    }

    private static LaunchTemplateData data(Params p) {
        if (!p.has("LaunchTemplateData")) {
            throw AwsError.badRequest("MissingParameter", "The request must contain the parameter LaunchTemplateData");
        }
        return new LaunchTemplateData(Ec2ModelCodec.LAUNCH_TEMPLATE_DATA.decode(DATA_REQUEST, p.child("LaunchTemplateData").node(),
                "LaunchTemplateData"));
    }

    private static RenderedAnswer createLaunchTemplate(Call call) {
        Params p = call.params();
        String name = p.required("LaunchTemplateName");
        LaunchTemplateData data = data(p);
        LaunchTemplate t = templates(call).create(name, p.string("VersionDescription").orElse(null), data,
                Ec2Shapes.tagsFor(p, "launch-template"), p.string("ClientToken").orElse(null));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        template(out.object("launchTemplate"), t).end();
        warnings(call.state().network(), data, out);
        return out.answer();
    }

    private static RenderedAnswer createLaunchTemplateVersion(Call call) {
        Params p = call.params();
        LaunchTemplateData data = data(p);
        LaunchTemplateVersion v = templates(call).createVersion(ref(p), p.string("SourceVersion").orElse(null),
                p.string("VersionDescription").orElse(null), data, p.string("ClientToken").orElse(null));
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        LaunchTemplate t = templates(call).find(v.templateId()).orElseThrow();
        version(out.object("launchTemplateVersion"), t, v).end();
        warnings(call.state().network(), v.data(), out);
        return out.answer();
    }

    /**
     * EC2 creates a template whose parameters would not launch and says why in {@code warning}: here an AMI, an
     * instance type, a subnet or a security group that does not exist.
     */
    private static void warnings(Network network, LaunchTemplateData d, ShapeWriter out) {
        Map<String, String> problems = new LinkedHashMap<>();
        d.imageId().filter(i -> Images.find(i).isEmpty())
                .ifPresent(i -> problems.put("InvalidAMIID.NotFound", "The image id '[" + i + "]' does not exist"));
        d.instanceType().filter(i -> InstanceTypes.find(i).isEmpty())
                .ifPresent(i -> problems.put("InvalidInstanceType", "The following supplied instance types do not exist: [" + i + "]"));
        d.primaryNetworkInterface().flatMap(LaunchTemplateData.NetworkInterfaceSpec::subnetId).filter(s -> network.findSubnet(s).isEmpty())
                .ifPresent(s -> problems.put("InvalidSubnetID.NotFound", "The subnet ID '" + s + "' does not exist"));
        List<String> groups = new ArrayList<>(d.securityGroupIds());
        d.primaryNetworkInterface().ifPresent(n -> groups.addAll(n.groupIds()));
        groups.stream().filter(g -> network.findSecurityGroup(g).isEmpty()).findFirst()
                .ifPresent(g -> problems.put("InvalidGroup.NotFound", "The security group '" + g + "' does not exist"));
        if (!problems.isEmpty()) {
            out.object("warning").list("errorSet");
            problems.forEach((code, message) -> out.item().value("code", code).value("message", message).end());
            out.end().end();
        }
    }

    static ShapeWriter template(ShapeWriter o, LaunchTemplate t) {
        o.value("launchTemplateId", t.id()).value("launchTemplateName", t.name())
                .value("createTime", Ec2Shapes.time(t.createTime())).value("createdBy", t.createdBy())
                .value("defaultVersionNumber", t.defaultVersionNumber()).value("latestVersionNumber", t.latestVersionNumber());
        Ec2Shapes.tagSet(o, t.tags());
        return o.object("operator").value("managed", false).end();
    }

    private static ShapeWriter version(ShapeWriter o, LaunchTemplate t, LaunchTemplateVersion v) {
        o.value("launchTemplateId", v.templateId()).value("launchTemplateName", v.templateName())
                .value("versionNumber", v.number());
        v.versionDescription().ifPresent(d -> o.value("versionDescription", d));
        o.value("createTime", Ec2Shapes.time(v.createTime())).value("createdBy", v.createdBy())
                .value("defaultVersion", t.defaultVersionNumber() == v.number());
        Ec2ModelCodec.LAUNCH_TEMPLATE_DATA.write(o, "launchTemplateData", DATA_RESPONSE, v.data().document());
        return o.object("operator").value("managed", false).end();
    }

    private static RenderedAnswer describeLaunchTemplates(Call call) {
        Params p = call.params();
        List<String> ids = p.strings("LaunchTemplateId");
        List<String> names = p.strings("LaunchTemplateName");
        List<LaunchTemplate> found = ids.isEmpty() && names.isEmpty() ? new ArrayList<>(templates(call).all())
                : templates(call).describe(ids, names);
        Ec2Filters<LaunchTemplate> filters = Ec2Filters.<LaunchTemplate>taggable()
                .field("create-time", t -> Ec2Shapes.time(t.createTime()))
                .field("launch-template-name", LaunchTemplate::name);
        var page = Ec2Pages.page(filters.apply(found, Ec2Filters.read(p, "Filter")), p, 1, 200);
        return page.answer("launchTemplates", Ec2LaunchTemplateOps::template);
    }

    private record Row(LaunchTemplate template, LaunchTemplateVersion version) {
    }

    private static RenderedAnswer describeLaunchTemplateVersions(Call call) {
        Params p = call.params();
        List<String> asked = p.strings("LaunchTemplateVersion");
        boolean named = p.string("LaunchTemplateId").filter(s -> !s.isEmpty()).isPresent()
                || p.string("LaunchTemplateName").filter(s -> !s.isEmpty()).isPresent();
        LaunchTemplates templates = templates(call);
        List<Row> rows = new ArrayList<>();
        if (named) {
            LaunchTemplate t = templates.get(ref(p));
            templates.versions(t, asked, p.string("MinVersion").orElse(null), p.string("MaxVersion").orElse(null))
                    .forEach(v -> rows.add(new Row(t, v)));
        } else {
            templates.latestAndDefaultVersions(asked).forEach(v -> rows.add(new Row(templates.find(v.templateId()).orElseThrow(), v)));
        }
        Ec2Filters<Row> filters = Ec2Filters.<Row>untagged()
                .field("create-time", r -> Ec2Shapes.time(r.version().createTime()))
                .field("is-default-version", r -> r.template().defaultVersionNumber() == r.version().number())
                .multi("ebs-optimized", r -> r.version().data().values("EbsOptimized"))
                .multi("http-endpoint", r -> r.version().data().values("MetadataOptions", "HttpEndpoint"))
                .multi("http-tokens", r -> r.version().data().values("MetadataOptions", "HttpTokens"))
                .multi("http-protocol-ipv4", r -> List.of())
                .multi("host-resource-group-arn", r -> r.version().data().values("Placement", "HostResourceGroupArn"))
                .multi("iam-instance-profile", r -> r.version().data().values("IamInstanceProfile", "Arn"))
                .multi("image-id", r -> r.version().data().values("ImageId"))
                .multi("instance-type", r -> r.version().data().values("InstanceType"))
                .multi("kernel-id", r -> r.version().data().values("KernelId"))
                .multi("license-configuration-arn", r -> r.version().data().values("LicenseSpecifications", "LicenseConfigurationArn"))
                .multi("network-card-index", r -> r.version().data().values("NetworkInterfaces", "NetworkCardIndex"))
                .multi("ram-disk-id", r -> r.version().data().values("RamDiskId"));
        var page = Ec2Pages.page(filters.apply(rows, Ec2Filters.read(p, "Filter")), p, 1, 200);
        return page.answer("launchTemplateVersionSet", (o, r) -> version(o, r.template(), r.version()));
    }

    private static RenderedAnswer modifyLaunchTemplate(Call call) {
        Params p = call.params();
        LaunchTemplate t = templates(call).modify(ref(p), p.string("SetDefaultVersion").orElse(null));
        return templateAnswer(t);
    }

    private static RenderedAnswer deleteLaunchTemplate(Call call) {
        return templateAnswer(templates(call).delete(ref(call.params())));
    }

    private static RenderedAnswer templateAnswer(LaunchTemplate t) {
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        template(out.object("launchTemplate"), t).end();
        return out.answer();
    }

    private static RenderedAnswer deleteLaunchTemplateVersions(Call call) {
        Params p = call.params();
        LaunchTemplates.DeletedVersions result = templates(call).deleteVersions(ref(p), p.strings("LaunchTemplateVersion"));
        LaunchTemplate t = result.template();
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        out.list("successfullyDeletedLaunchTemplateVersionSet");
        result.deleted().forEach(n -> out.item().value("launchTemplateId", t.id()).value("launchTemplateName", t.name())
                .value("versionNumber", n).end());
        out.end().list("unsuccessfullyDeletedLaunchTemplateVersionSet");
        for (LaunchTemplates.VersionFailure f : result.failed()) {
            out.item().value("launchTemplateId", t.id()).value("launchTemplateName", t.name()).value("versionNumber", f.number())
                    .object("responseError").value("code", f.code()).value("message", f.message()).end().end();
        }
        return out.end().answer();
    }

    /**
     * RunInstances with {@code LaunchTemplate} (id or name, and a version: {@code $Default} when none): the request
     * completed from the template, each member the request does not give taken from it (instance tags merged, the
     * request's winning), plus EC2's {@code aws:ec2launchtemplate:*} tags. Without a template, the request as it is.
     */
    static Params withTemplate(Call call) {
        Params p = call.params();
        if (!p.has("LaunchTemplate")) {
            return p;
        }
        Params spec = p.child("LaunchTemplate");
        LaunchTemplates templates = templates(call);
        LaunchTemplateVersion v = templates.resolve(LaunchTemplates.Ref.of(spec.string("LaunchTemplateId").orElse(null),
                spec.string("LaunchTemplateName").orElse(null)), spec.string("Version").orElse(null));
        LaunchTemplateData d = v.data();
        ObjectNode merged = p.node().deepCopy();
        merged.remove("LaunchTemplate");
        putIfAbsent(merged, "ImageId", d.imageId().orElse(null));
        putIfAbsent(merged, "InstanceType", d.instanceType().orElse(null));
        putIfAbsent(merged, "KeyName", d.keyName().orElse(null));
        putIfAbsent(merged, "UserData", d.userData().orElse(null));
        putIfAbsent(merged, "EbsOptimized", d.ebsOptimized().map(String::valueOf).orElse(null));
        if (!merged.has("Monitoring")) {
            d.monitoringEnabled().ifPresent(m -> merged.putObject("Monitoring").put("Enabled", String.valueOf(m)));
        }
        if (!merged.has("MetadataOptions")) {
            d.metadataOptions().ifPresent(m -> {
                ObjectNode options = merged.putObject("MetadataOptions");
                m.forEach(options::put);
            });
        }
        boolean requestNetwork = merged.has("SubnetId") || merged.has("NetworkInterface") || merged.has("SecurityGroupId") || merged.has("SecurityGroup");
        if (!requestNetwork) {
            d.securityGroupIds().forEach(g -> merged.withArray("SecurityGroupId").add(g));
            d.securityGroupNames().forEach(g -> merged.withArray("SecurityGroup").add(g));
            d.primaryNetworkInterface().ifPresent(n -> {
                ObjectNode nic = merged.withArray("NetworkInterface").addObject().put("DeviceIndex", "0");
                n.subnetId().ifPresent(s -> nic.put("SubnetId", s));
                n.groupIds().forEach(g -> nic.withArray("SecurityGroupId").add(g));
                n.associatePublicIpAddress().ifPresent(a -> nic.put("AssociatePublicIpAddress", String.valueOf(a)));
            });
        }
        if (!merged.has("IamInstanceProfile")) {
            ObjectNode profile = Ec2Shapes.object();
            d.iamInstanceProfileArn(call.accountId()).ifPresent(a -> profile.put("Arn", a));
            if (profile.size() > 0) {
                merged.set("IamInstanceProfile", profile);
            }
        }
        if (!merged.path("Placement").has("AvailabilityZone")) {
            d.availabilityZone().ifPresent(z -> {
                ObjectNode placement = merged.get("Placement") instanceof ObjectNode o ? o : merged.putObject("Placement");
                placement.put("AvailabilityZone", z);
            });
        }
        Map<String, String> tags = new LinkedHashMap<>(d.tagsFor("instance"));
        tags.putAll(Ec2Shapes.tagsFor(p, "instance", "volume", "network-interface", "spot-instances-request", "elastic-gpu"));
        tags.put(LaunchTemplates.TAG_TEMPLATE_ID, v.templateId());
        tags.put(LaunchTemplates.TAG_TEMPLATE_VERSION, String.valueOf(v.number()));
        ArrayNode specs = Ec2Shapes.array();
        for (var s : merged.withArray("TagSpecification")) {
            if (!"instance".equals(s.path("ResourceType").asText())) {
                specs.add(s);
            }
        }
        ObjectNode instanceSpec = specs.addObject().put("ResourceType", "instance");
        ArrayNode tagList = instanceSpec.putArray("Tag");
        tags.forEach((k, val) -> tagList.addObject().put("Key", k).put("Value", val));
        merged.set("TagSpecification", specs);
        return p.withNode(merged);
    }

    private static void putIfAbsent(ObjectNode node, String field, String value) {
        if (value != null && !node.has(field)) {
            node.put(field, value);
        }
    }
}
