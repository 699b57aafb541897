package dev.ecsnet.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.LocationType;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;

import java.util.List;

import static dev.ecsnet.it.Ec2Refusal.refused;
import static dev.ecsnet.it.Ec2Refusal.refusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;

/** RunInstances, DescribeInstances, TerminateInstances, DescribeImages, DescribeInstanceTypes(Offerings) through the SDK. */
class Ec2InstanceIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private static String ami(String arch) {
        return ecsnet.ec2().describeImages(r -> r.owners("amazon").filters(
                Filter.builder().name("name").values("al2023-ami-ecs-hvm-*").build(),
                Filter.builder().name("architecture").values(arch).build())).images().get(0).imageId();
    }

    private static String subnet() {
        String vpc = ecsnet.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        return ecsnet.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/28").availabilityZone("us-east-1b")).subnet().subnetId();
    }

    private static int instanceCount() {
        return ecsnet.ec2().describeInstances().reservations().stream().mapToInt(r -> r.instances().size()).sum();
    }

    @Test
    void describeImagesListsTheEcsOptimizedCatalogue() {
        List<Image> images = ecsnet.ec2().describeImages(r -> r.owners("amazon")).images();
        assertThat(images).extracting(Image::name).anyMatch(n -> n.startsWith("al2023-ami-ecs-hvm-"))
                .anyMatch(n -> n.startsWith("amzn2-ami-ecs-hvm-"));
        assertThat(images).allSatisfy(i -> {
            assertThat(i.imageId()).matches("ami-[0-9a-f]{17}");
            assertThat(i.stateAsString()).isEqualTo("available");
            assertThat(i.rootDeviceName()).isEqualTo("/dev/xvda");
        });
        assertThat(ecsnet.ec2().describeImages(r -> r.filters(Filter.builder().name("name").values("amzn2-ami-ecs-hvm-*-arm64-ebs").build()))
                .images()).singleElement().satisfies(i -> assertThat(i.architectureAsString()).isEqualTo("arm64"));
        refused(() -> ecsnet.ec2().describeImages(r -> r.imageIds("ami-00000000000000000")), "InvalidAMIID.NotFound",
                "The image id '[ami-00000000000000000]' does not exist");
    }

    @Test
    void runInstancesGivesEachInstanceAPrimaryEniInItsSubnetAndBootsOnTheClock() {
        String subnet = subnet();
        List<Instance> launched = ecsnet.ec2().runInstances(r -> r.imageId(ami("x86_64")).instanceType(InstanceType.M5_LARGE)
                .minCount(2).maxCount(2).subnetId(subnet).tagSpecifications(t -> t.resourceType("instance").tags(tag -> tag.key("Name").value("web"))))
                .instances();
        assertThat(launched).hasSize(2).allSatisfy(i -> {
            assertThat(i.instanceId()).matches("i-[0-9a-f]{17}");
            assertThat(i.state().nameAsString()).isEqualTo("pending");
            assertThat(i.state().code()).isZero();
            assertThat(i.subnetId()).isEqualTo(subnet);
            assertThat(i.placement().availabilityZone()).isEqualTo("us-east-1b");
            assertThat(i.privateIpAddress()).startsWith("10.0.1.");
            assertThat(i.networkInterfaces()).singleElement().satisfies(n -> assertThat(n.attachment().deviceIndex()).isZero());
            assertThat(i.tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("web"));
        });
        ecsnet.settle();
        assertThat(ecsnet.ec2().describeInstances(r -> r.filters(Filter.builder().name("instance-state-name").values("running").build()))
                .reservations().get(0).instances()).hasSize(2);
        List<NetworkInterface> enis = ecsnet.ec2().describeNetworkInterfaces(r -> r.filters(Filter.builder()
                .name("attachment.instance-id").values(launched.get(0).instanceId()).build())).networkInterfaces();
        assertThat(enis).singleElement().satisfies(n -> {
            assertThat(n.privateIpAddress()).isEqualTo(launched.get(0).privateIpAddress());
            assertThat(n.attachment().deleteOnTermination()).isTrue();
            assertThat(n.statusAsString()).isEqualTo("in-use");
        });
        assertThat(ecsnet.ec2().describeSubnets(r -> r.subnetIds(subnet)).subnets().get(0).availableIpAddressCount()).isEqualTo(9);
    }

    @Test
    void terminateInstancesMovesThroughShuttingDownAndFreesTheAddress() {
        String subnet = subnet();
        String id = ecsnet.ec2().runInstances(r -> r.imageId(ami("x86_64")).instanceType(InstanceType.T3_MICRO).minCount(1).maxCount(1)
                .subnetId(subnet)).instances().get(0).instanceId();
        ecsnet.settle();
        InstanceStateChange change = ecsnet.ec2().terminateInstances(r -> r.instanceIds(id)).terminatingInstances().get(0);
        assertThat(change.previousState().nameAsString()).isEqualTo("running");
        assertThat(change.currentState().nameAsString()).isEqualTo("shutting-down");
        ecsnet.settle();
        Instance gone = ecsnet.ec2().describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0);
        assertThat(gone.state().nameAsString()).isEqualTo("terminated");
        assertThat(gone.state().code()).isEqualTo(48);
        assertThat(ecsnet.ec2().describeSubnets(r -> r.subnetIds(subnet)).subnets().get(0).availableIpAddressCount()).isEqualTo(11);
        refused(() -> ecsnet.ec2().terminateInstances(r -> r.instanceIds("i-00000000000000000")), "InvalidInstanceID.NotFound",
                "The instance ID 'i-00000000000000000' does not exist");
        refused(() -> ecsnet.ec2().describeInstances(r -> r.instanceIds("i-00000000000000000")), "InvalidInstanceID.NotFound", null);
    }

    @Test
    void runInstancesRefusals() {
        String subnet = subnet();
        String x86 = ami("x86_64");
        refusedWithoutChange(Ec2InstanceIT::instanceCount, () -> ecsnet.ec2().runInstances(r -> r.imageId("ami-00000000000000000")
                .instanceType(InstanceType.T3_MICRO).minCount(1).maxCount(1)), "InvalidAMIID.NotFound", null);
        refusedWithoutChange(Ec2InstanceIT::instanceCount, () -> ecsnet.ec2().runInstances(r -> r.imageId(x86)
                .instanceType("t3.gigantic").minCount(1).maxCount(1)), "InvalidParameterValue", "Invalid value 't3.gigantic' for InstanceType.");
        refusedWithoutChange(Ec2InstanceIT::instanceCount, () -> ecsnet.ec2().runInstances(r -> r.imageId(x86)
                .instanceType(InstanceType.C6_G_LARGE).minCount(1).maxCount(1)), "InvalidParameterValue", null);
        refusedWithoutChange(Ec2InstanceIT::instanceCount, () -> ecsnet.ec2().runInstances(r -> r.imageId(x86)
                        .instanceType(InstanceType.T3_MICRO).minCount(12).maxCount(12).subnetId(subnet)), "InsufficientFreeAddressesInSubnet",
                "There are not enough free addresses in subnet '" + subnet + "' to satisfy the requested number of instances.");
        refusedWithoutChange(Ec2InstanceIT::instanceCount, () -> ecsnet.ec2().runInstances(r -> r.imageId(x86)
                .instanceType(InstanceType.T3_MICRO).minCount(1).maxCount(1).subnetId("subnet-00000000000000000")), "InvalidSubnetID.NotFound", null);
        refusedWithoutChange(Ec2InstanceIT::instanceCount, () -> ecsnet.ec2().runInstances(r -> r.imageId(x86)
                .instanceType(InstanceType.T3_MICRO).minCount(1).maxCount(1).userData("!!not base64!!")), "InvalidParameterValue",
                "Invalid BASE64 encoding of user data");
        // characters outside the alphabet are not skipped: %%% is not empty user data
        for (String bad : new String[] {"%%%", "IyEvYmlu*"}) {
            refusedWithoutChange(Ec2InstanceIT::instanceCount, () -> ecsnet.ec2().runInstances(r -> r.imageId(x86)
                    .instanceType(InstanceType.T3_MICRO).minCount(1).maxCount(1).userData(bad)), "InvalidParameterValue",
                    "Invalid BASE64 encoding of user data");
        }
    }

    @Test
    void withoutAnInstanceTypeRunInstancesLaunchesEc2sDefaultAndEveryTypeOfTheTableLaunches() {
        String x86 = ami("x86_64");
        Instance small = ecsnet.ec2().runInstances(r -> r.imageId(x86).minCount(1).maxCount(1)).instances().get(0);
        assertThat(small.instanceTypeAsString()).isEqualTo("m1.small");
        Instance newest = ecsnet.ec2().runInstances(r -> r.imageId(x86).instanceType("c8i.large").minCount(1).maxCount(1)).instances().get(0);
        assertThat(newest.instanceTypeAsString()).isEqualTo("c8i.large");
        InstanceTypeInfo info = ecsnet.ec2().describeInstanceTypes(r -> r.instanceTypesWithStrings("c8i.large")).instanceTypes().get(0);
        assertThat(info.vCpuInfo()).as("no size figure is known for c8i").isNull();
        assertThat(info.processorInfo().supportedArchitecturesAsStrings()).containsExactly("x86_64");
        InstanceTypeInfo large = ecsnet.ec2().describeInstanceTypes(r -> r.instanceTypesWithStrings("x2iedn.32xlarge")).instanceTypes().get(0);
        assertThat(large.vCpuInfo().defaultVCpus()).isEqualTo(128);
        assertThat(large.memoryInfo().sizeInMiB()).isEqualTo(4194304L);
    }

    @Test
    void instanceAttributesAndCreditSpecificationsReadTheLaunchDefaults() {
        String x86 = ami("x86_64");
        String t3 = ecsnet.ec2().runInstances(r -> r.imageId(x86).instanceType(InstanceType.T3_MICRO).minCount(1).maxCount(1)
                .userData(java.util.Base64.getEncoder().encodeToString("echo hi".getBytes()))).instances().get(0).instanceId();
        String t2 = ecsnet.ec2().runInstances(r -> r.imageId(x86).instanceType(InstanceType.T2_MICRO).minCount(1).maxCount(1))
                .instances().get(0).instanceId();
        String m5 = ecsnet.ec2().runInstances(r -> r.imageId(x86).instanceType(InstanceType.M5_LARGE).minCount(1).maxCount(1))
                .instances().get(0).instanceId();
        var ec2 = ecsnet.ec2();
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(t3).attribute("instanceInitiatedShutdownBehavior"))
                .instanceInitiatedShutdownBehavior().value()).isEqualTo("stop");
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(t3).attribute("disableApiTermination")).disableApiTermination().value()).isFalse();
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(t3).attribute("userData")).userData().value())
                .isEqualTo(java.util.Base64.getEncoder().encodeToString("echo hi".getBytes()));
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(t2).attribute("userData")).userData().value()).isNull();
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(m5).attribute("instanceType")).instanceType().value()).isEqualTo("m5.large");
        refused(() -> ec2.describeInstanceAttribute(r -> r.instanceId(m5).attribute("colour")), "InvalidParameterValue", null);
        assertThat(ec2.describeInstanceCreditSpecifications(r -> r.instanceIds(t3, t2)).instanceCreditSpecifications())
                .extracting(c -> c.instanceId() + " " + c.cpuCredits()).containsExactlyInAnyOrder(t3 + " unlimited", t2 + " standard");
        assertThat(ec2.describeInstanceCreditSpecifications(r -> { }).instanceCreditSpecifications())
                .extracting(c -> c.instanceId()).doesNotContain(m5);
    }

    @Test
    void describeInstanceTypesAnswersFromTheSameTables() {
        List<InstanceTypeInfo> types = ecsnet.ec2().describeInstanceTypes(r -> r.instanceTypes(InstanceType.T3_MEDIUM, InstanceType.C5_LARGE))
                .instanceTypes();
        assertThat(types).hasSize(2);
        InstanceTypeInfo t3 = types.stream().filter(t -> t.instanceTypeAsString().equals("t3.medium")).findFirst().orElseThrow();
        assertThat(t3.vCpuInfo().defaultVCpus()).isEqualTo(2);
        assertThat(t3.memoryInfo().sizeInMiB()).isEqualTo(4096L);
        assertThat(t3.networkInfo().maximumNetworkInterfaces()).isEqualTo(3);
        assertThat(t3.networkInfo().ipv4AddressesPerInterface()).isEqualTo(6);
        assertThat(t3.processorInfo().supportedArchitecturesAsStrings()).containsExactly("x86_64");
        assertThat(t3.burstablePerformanceSupported()).isTrue();
        var page = ecsnet.ec2().describeInstanceTypes(r -> r.maxResults(5).filters(Filter.builder()
                .name("processor-info.supported-architecture").values("arm64").build()));
        assertThat(page.instanceTypes()).hasSize(5).allSatisfy(t -> assertThat(t.processorInfo().supportedArchitecturesAsStrings()).contains("arm64"));
        assertThat(page.nextToken()).isNotNull();
        refused(() -> ecsnet.ec2().describeInstanceTypes(r -> r.instanceTypesWithStrings("t3.gigantic")), "InvalidInstanceType",
                "The following supplied instance types do not exist: [t3.gigantic]");
        assertThat(ecsnet.ec2().describeInstanceTypeOfferings(r -> r.locationType(LocationType.AVAILABILITY_ZONE)
                .filters(Filter.builder().name("instance-type").values("c5.large").build())).instanceTypeOfferings())
                .extracting(o -> o.location()).contains("us-east-1a", "us-east-1b");
    }
}
