package dev.ecsnet.api.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.domain.ec2.Image;
import dev.ecsnet.domain.ec2.Instance;
import dev.ecsnet.domain.ec2.Instances;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.NetworkInterface;
import dev.ecsnet.protocol.AwsError;

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

    private static ObjectNode value(Object v) {
        ObjectNode o = Ec2Shapes.object();
        if (v instanceof Boolean b) {
            o.put("value", b);
        } else if (v != null) {
            o.put("value", v.toString());
        }
        return o;
    }

    static ObjectNode describeInstanceAttribute(Call call) {
        Network net = call.state().network();
        Instance i = call.state().instances().get(call.params().required("InstanceId"));
        String attribute = call.params().required("Attribute");
        Optional<NetworkInterface> primary = net.findNetworkInterface(i.primaryEniId());
        ObjectNode out = Ec2Shapes.object().put("instanceId", i.id());
        switch (attribute) {
            case "instanceType" -> out.set("instanceType", value(i.type().name()));
            case "kernel" -> out.set("kernel", value(null));
            case "ramdisk" -> out.set("ramdisk", value(null));
            case "userData" -> out.set("userData", value(i.userData().isEmpty() ? null
                    : Base64.getEncoder().encodeToString(i.userData().getBytes(StandardCharsets.UTF_8))));
            case "disableApiTermination" -> out.set("disableApiTermination", value(false));
            case "disableApiStop" -> out.set("disableApiStop", value(false));
            case "instanceInitiatedShutdownBehavior" -> out.set("instanceInitiatedShutdownBehavior", value("stop"));
            case "rootDeviceName" -> out.set("rootDeviceName", value(Image.ROOT_DEVICE));
            case "blockDeviceMapping" -> out.set("blockDeviceMapping", Ec2Shapes.array());
            case "productCodes" -> out.set("productCodes", Ec2Shapes.array());
            case "sourceDestCheck" -> out.set("sourceDestCheck", value(primary.map(NetworkInterface::sourceDestCheck).orElse(true)));
            case "groupSet" -> {
                ArrayNode groups = out.putArray("groupSet");
                primary.map(NetworkInterface::groupIds).orElse(i.groupIds()).forEach(g -> groups.addObject().put("groupId", g));
            }
            case "ebsOptimized" -> out.set("ebsOptimized", value(false));
            case "sriovNetSupport" -> out.set("sriovNetSupport", value("simple"));
            case "enaSupport" -> out.set("enaSupport", value(true));
            case "enclaveOptions" -> out.putObject("enclaveOptions").put("enabled", false);
            default -> throw AwsError.badRequest("InvalidParameterValue", "Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
        }
        return out;
    }

    /**
     * T2 instances launch in {@code standard} credit mode, T3, T3a and T4g in {@code unlimited} (EC2 User Guide,
     * "Burstable performance instances"); other types have no credit specification.
     */
    static ObjectNode describeCreditSpecifications(Call call) {
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
        ObjectNode out = Ec2Shapes.object();
        ArrayNode set = out.putArray("instanceCreditSpecificationSet");
        page.items().forEach(i -> set.addObject().put("instanceId", i.id()).put("cpuCredits", i.type().family().equals("t2") ? "standard" : "unlimited"));
        page.putToken(out);
        return out;
    }
}
