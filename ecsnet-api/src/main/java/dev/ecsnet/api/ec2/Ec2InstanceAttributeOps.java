package dev.ecsnet.api.ec2;

import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.domain.ec2.Image;
import dev.ecsnet.domain.ec2.Instance;
import dev.ecsnet.domain.ec2.Instances;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.NetworkInterface;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.Ec2XmlShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The instance attributes that clients read after launch (the Terraform provider reads several on every refresh):
 * DescribeInstanceAttribute and DescribeInstanceCreditSpecifications. ecsnet launches every instance with EC2's
 * defaults for them and has no operation that changes them.
 */
final class Ec2InstanceAttributeOps {
    private Ec2InstanceAttributeOps() {
    }

    static void register(OperationTable t) {
        t.register("DescribeInstanceAttribute", Ec2InstanceAttributeOps::describeInstanceAttribute);
        t.register("DescribeInstanceCreditSpecifications", Ec2InstanceAttributeOps::describeCreditSpecifications);
    }

    /** An attribute as EC2 wraps it: {@code <name><value>text</value></name>}, an empty element when it has none. */
    private static void value(ShapeWriter out, String name, String text) {
        out.object(name).value("value", text).end();
    }

    private static void value(ShapeWriter out, String name, boolean flag) {
        out.object(name).value("value", flag).end();
    }

    static RenderedAnswer describeInstanceAttribute(Call call) {
        Network net = call.state().network();
        Instance i = call.state().instances().get(call.params().required("InstanceId"));
        String attribute = call.params().required("Attribute");
        Optional<NetworkInterface> primary = net.findNetworkInterface(i.primaryEniId());
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        out.value("instanceId", i.id());
        switch (attribute) {
            case "instanceType" -> value(out, "instanceType", i.type().name());
            case "kernel" -> value(out, "kernel", null);
            case "ramdisk" -> value(out, "ramdisk", null);
            case "userData" -> value(out, "userData", i.userData().isEmpty() ? null
                    : Base64.getEncoder().encodeToString(i.userData().getBytes(StandardCharsets.UTF_8)));
            case "disableApiTermination" -> value(out, "disableApiTermination", false);
            case "disableApiStop" -> value(out, "disableApiStop", false);
            case "instanceInitiatedShutdownBehavior" -> value(out, "instanceInitiatedShutdownBehavior", "stop");
            case "rootDeviceName" -> value(out, "rootDeviceName", Image.ROOT_DEVICE);
            case "blockDeviceMapping" -> out.list("blockDeviceMapping").end();
            case "productCodes" -> out.list("productCodes").end();
            case "sourceDestCheck" -> value(out, "sourceDestCheck", primary.map(NetworkInterface::sourceDestCheck).orElse(true));
            case "groupSet" -> {
                out.list("groupSet");
                primary.map(NetworkInterface::groupIds).orElse(i.groupIds()).forEach(g -> out.item().value("groupId", g).end());
                out.end();
            }
            case "ebsOptimized" -> value(out, "ebsOptimized", false);
            case "sriovNetSupport" -> value(out, "sriovNetSupport", "simple");
            case "enaSupport" -> value(out, "enaSupport", true);
            case "enclaveOptions" -> out.object("enclaveOptions").value("enabled", false).end();
            default -> throw AwsError.badRequest("InvalidParameterValue", "Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
        }
        return out.answer();
    }

    /**
     * T2 instances launch in {@code standard} credit mode, T3, T3a and T4g in {@code unlimited} (EC2 User Guide,
     * "Burstable performance instances"); other types have no credit specification.
     */
    static RenderedAnswer describeCreditSpecifications(Call call) {
        Instances instances = call.state().instances();
        List<String> ids = call.params().strings("InstanceId");
        List<Instance> selected = ids.isEmpty() ? new ArrayList<>(instances.all()) : ids.stream().map(instances::get).toList();
        for (Instance i : selected) {
            if (!ids.isEmpty() && !i.type().burstable()) {
                throw AwsError.badRequest("InvalidInstanceID.NotFound", "The instance ID '" + i.id() + "' does not exist");
            }
        }
        Ec2Filters<Instance> filters = Ec2Filters.<Instance>untagged().field("instance-id", Instance::id);
        var page = Ec2Pages.page(filters.apply(selected.stream().filter(i -> i.type().burstable()).toList(),
                Ec2Filters.read(call.params(), "Filter")), call.params(), 5, 1000);
        return page.answer("instanceCreditSpecificationSet",
                (o, i) -> o.value("instanceId", i.id()).value("cpuCredits", i.type().family().equals("t2") ? "standard" : "unlimited"));
    }
}
