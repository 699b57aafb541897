package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;

import java.time.Duration;
import java.util.List;

import static dev.ecsnet.it.Ec2Refusal.refused;
import static dev.ecsnet.it.Ec2Refusal.refusedWithoutChange;
import static dev.ecsnet.it.NetFixture.filter;
import static dev.ecsnet.it.NetFixture.tag;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Network interfaces on instances: attach and detach on the clock with AWS's rules (Availability Zone, device index,
 * the type's interface limit, primary and service-managed interfaces), ModifyNetworkInterfaceAttribute, Elastic IPs
 * associated by instance, and tags on instances.
 */
class Ec2InterfaceAttachmentIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private NetFixture f;
    private String vpc;
    private String subnetA;
    private String subnetB;
    private String instance;

    private static Ec2Client ec2() {
        return ecsnet.ec2();
    }

    @BeforeEach
    void instance() {
        f = new NetFixture(ec2());
        vpc = f.vpc("10.0.0.0/16");
        subnetA = f.subnet(vpc, "10.0.1.0/24", "us-east-1a");
        subnetB = f.subnet(vpc, "10.0.2.0/24", "us-east-1b");
        String ami = ec2().describeImages(r -> r.owners("amazon").filters(filter("architecture", "x86_64"))).images().get(0).imageId();
        instance = ec2().runInstances(r -> r.imageId(ami).instanceType("t3.medium").minCount(1).maxCount(1).subnetId(subnetA))
                .instances().get(0).instanceId();
        ecsnet.advance(Duration.ofSeconds(1));
    }

    private static NetworkInterface eni(String id) {
        return ec2().describeNetworkInterfaces(r -> r.networkInterfaceIds(id)).networkInterfaces().get(0);
    }

    private String newEni(String subnet) {
        return ec2().createNetworkInterface(r -> r.subnetId(subnet).description("extra")).networkInterface().networkInterfaceId();
    }

    private Instance describeInstance() {
        return ec2().describeInstances(r -> r.instanceIds(instance)).reservations().get(0).instances().get(0);
    }

    private List<String> interfaces() {
        return ec2().describeNetworkInterfaces(r -> r.filters(filter("vpc-id", vpc))).networkInterfaces().stream()
                .map(n -> n.networkInterfaceId() + " " + n.statusAsString() + " " + (n.attachment() == null ? null
                        : n.attachment().deviceIndex() + " " + n.attachment().statusAsString())).sorted().toList();
    }

    @Test
    void attachAndDetachMoveThroughTheirStatesOnTheClock() {
        String id = newEni(subnetA);
        var attached = ec2().attachNetworkInterface(r -> r.networkInterfaceId(id).instanceId(instance).deviceIndex(1));
        assertThat(attached.attachmentId()).startsWith("eni-attach-");
        assertThat(attached.networkCardIndex()).isZero();
        assertThat(eni(id).statusAsString()).isEqualTo("in-use");
        assertThat(eni(id).attachment().statusAsString()).isEqualTo("attaching");
        ecsnet.advance(Duration.ofSeconds(1));
        NetworkInterface in = eni(id);
        assertThat(in.attachment().statusAsString()).isEqualTo("attached");
        assertThat(in.attachment().instanceId()).isEqualTo(instance);
        assertThat(in.attachment().deleteOnTermination()).isFalse();
        assertThat(describeInstance().networkInterfaces()).extracting(x -> x.networkInterfaceId()).contains(id);
        assertThat(ec2().describeNetworkInterfaces(r -> r.filters(filter("attachment.attachment-id", attached.attachmentId())))
                .networkInterfaces()).hasSize(1);

        ec2().detachNetworkInterface(r -> r.attachmentId(attached.attachmentId()));
        assertThat(eni(id).attachment().statusAsString()).isEqualTo("detaching");
        ecsnet.advance(Duration.ofSeconds(1));
        assertThat(eni(id).statusAsString()).isEqualTo("available");
        assertThat(eni(id).attachment().statusAsString()).isEqualTo("detached");
        assertThat(describeInstance().networkInterfaces()).extracting(x -> x.networkInterfaceId()).doesNotContain(id);
        refused(() -> ec2().detachNetworkInterface(r -> r.attachmentId(attached.attachmentId())), "InvalidAttachmentID.NotFound",
                "The attachment ID '" + attached.attachmentId() + "' does not exist");
        ec2().deleteNetworkInterface(r -> r.networkInterfaceId(id));
    }

    @Test
    void attachmentRules() {
        String primaryAttachment = describeInstance().networkInterfaces().get(0).attachment().attachmentId();
        String first = newEni(subnetA);
        ec2().attachNetworkInterface(r -> r.networkInterfaceId(first).instanceId(instance).deviceIndex(1));
        ecsnet.settle();
        String other = newEni(subnetA);
        refusedWithoutChange(this::interfaces, () -> ec2().attachNetworkInterface(r -> r.networkInterfaceId(other).instanceId(instance)
                .deviceIndex(1)), "InvalidParameterValue", "Instance '" + instance + "' already has an interface attached at device index '1'.");
        refusedWithoutChange(this::interfaces, () -> ec2().attachNetworkInterface(r -> r.networkInterfaceId(first).instanceId(instance)
                .deviceIndex(2)), "InvalidNetworkInterface.InUse", "Interface: [" + first + "] in use.");
        String elsewhere = newEni(subnetB);
        refusedWithoutChange(this::interfaces, () -> ec2().attachNetworkInterface(r -> r.networkInterfaceId(elsewhere).instanceId(instance)
                .deviceIndex(2)), "InvalidParameterCombination", null);
        ec2().attachNetworkInterface(r -> r.networkInterfaceId(other).instanceId(instance).deviceIndex(2));
        ecsnet.settle();
        String fourth = newEni(subnetA);
        refusedWithoutChange(this::interfaces, () -> ec2().attachNetworkInterface(r -> r.networkInterfaceId(fourth).instanceId(instance)
                .deviceIndex(3)), "AttachmentLimitExceeded", "Interface count 4 exceeds the limit for t3.medium");
        refusedWithoutChange(this::interfaces, () -> ec2().detachNetworkInterface(r -> r.attachmentId(primaryAttachment)),
                "OperationNotPermitted", "The network interface at device index 0 and networkCard index 0 cannot be detached.");
        refused(() -> ec2().attachNetworkInterface(r -> r.networkInterfaceId(fourth).instanceId("i-0123456789abcdef0").deviceIndex(1)),
                "InvalidInstanceID.NotFound", null);
    }

    @Test
    void serviceManagedInterfacesCannotBeDetached() {
        f.attachedIgw(vpc);
        String nat = f.nat(subnetA, f.eip());
        ecsnet.settle();
        String natEni = ec2().describeNatGateways(r -> r.natGatewayIds(nat)).natGateways().get(0).natGatewayAddresses().get(0).networkInterfaceId();
        String attachment = eni(natEni).attachment().attachmentId();
        assertThat(attachment).startsWith("ela-attach-");
        refusedWithoutChange(this::interfaces, () -> ec2().detachNetworkInterface(r -> r.attachmentId(attachment).force(true)),
                "OperationNotPermitted", "You are not allowed to manage 'ela-attach' attachments.");
    }

    @Test
    void modifyNetworkInterfaceAttributeChangesOneAttributeAtATime() {
        String primary = describeInstance().networkInterfaces().get(0).networkInterfaceId();
        String web = ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("web")).groupId();
        ec2().modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(primary).groups(web));
        ec2().modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(primary).sourceDestCheck(b -> b.value(false)));
        ec2().modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(primary).description(d -> d.value("primary")));
        NetworkInterface n = eni(primary);
        assertThat(n.groups()).extracting(g -> g.groupId()).containsExactly(web);
        assertThat(n.sourceDestCheck()).isFalse();
        assertThat(n.description()).isEqualTo("primary");
        assertThat(describeInstance().securityGroups()).extracting(g -> g.groupId()).containsExactly(web);
        assertThat(describeInstance().sourceDestCheck()).isFalse();

        String extra = newEni(subnetA);
        String attachment = ec2().attachNetworkInterface(r -> r.networkInterfaceId(extra).instanceId(instance).deviceIndex(1)).attachmentId();
        ecsnet.settle();
        ec2().modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(extra).attachment(a -> a.attachmentId(attachment).deleteOnTermination(true)));
        assertThat(eni(extra).attachment().deleteOnTermination()).isTrue();

        String otherVpcGroup = ec2().createSecurityGroup(r -> r.vpcId(f.vpc("10.9.0.0/16")).groupName("x").description("x")).groupId();
        refusedWithoutChange(this::interfaces, () -> ec2().modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(primary).groups(otherVpcGroup)),
                "InvalidParameterValue", null);
        refusedWithoutChange(() -> eni(primary).toString(), () -> ec2().modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(primary)
                .groups(web).sourceDestCheck(b -> b.value(true))), "InvalidParameterCombination", null);
        refused(() -> ec2().modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(extra)
                .attachment(a -> a.attachmentId("eni-attach-0123456789abcdef0").deleteOnTermination(false))), "InvalidAttachmentID.NotFound", null);
    }

    @Test
    void elasticIpsAssociateWithAnInstanceThroughItsPrimaryInterfaceAndInstancesTakeTags() {
        f.attachedIgw(vpc);
        String eip = f.eip();
        String association = ec2().associateAddress(r -> r.allocationId(eip).instanceId(instance)).associationId();
        var address = ec2().describeAddresses(r -> r.allocationIds(eip)).addresses().get(0);
        assertThat(address.associationId()).isEqualTo(association);
        assertThat(address.instanceId()).isEqualTo(instance);
        assertThat(address.networkInterfaceId()).isEqualTo(describeInstance().networkInterfaces().get(0).networkInterfaceId());
        assertThat(describeInstance().publicIpAddress()).isEqualTo(address.publicIp());
        assertThat(ec2().describeAddresses(r -> r.filters(filter("instance-id", instance))).addresses()).hasSize(1);

        ec2().createTags(r -> r.resources(instance).tags(tag("Name", "web-1")));
        assertThat(describeInstance().tags()).containsExactly(tag("Name", "web-1"));
        assertThat(ec2().describeTags(r -> r.filters(filter("resource-type", "instance"))).tags()).singleElement()
                .satisfies(t -> assertThat(t.resourceId()).isEqualTo(instance));
        ec2().deleteTags(r -> r.resources(instance));
        assertThat(describeInstance().tags()).isEmpty();

        String second = newEni(subnetA);
        ec2().attachNetworkInterface(r -> r.networkInterfaceId(second).instanceId(instance).deviceIndex(1));
        String other = f.eip();
        refused(() -> ec2().associateAddress(r -> r.allocationId(other).instanceId(instance)), "InvalidInstanceID",
                "There are multiple interfaces attached to instance '" + instance + "'. Please specify an interface ID for the operation instead.");
    }
}
