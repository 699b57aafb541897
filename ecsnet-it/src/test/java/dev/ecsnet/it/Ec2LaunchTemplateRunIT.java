package dev.ecsnet.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;

import java.util.List;
import java.util.function.Consumer;

import static dev.ecsnet.it.Ec2Refusal.refusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RunInstances with a launch template: the version it launches, and the template's network interface (subnet,
 * groups, public address), monitoring, EBS optimization and metadata options unless the request gives its own.
 */
class Ec2LaunchTemplateRunIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private record Net(String vpc, String subnetA, String subnetB, String sg) {
    }

    private static Net net(String cidr16) {
        String vpc = ecsnet.ec2().createVpc(r -> r.cidrBlock(cidr16 + ".0.0/16")).vpc().vpcId();
        String a = ecsnet.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr16 + ".1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        String b = ecsnet.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr16 + ".2.0/24").availabilityZone("us-east-1b")).subnet().subnetId();
        String sg = ecsnet.ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("hosts").description("hosts")).groupId();
        return new Net(vpc, a, b, sg);
    }

    private static String ami() {
        return ecsnet.ec2().describeImages(r -> r.owners("amazon").filters(NetFixture.filter("architecture", "x86_64")))
                .images().get(0).imageId();
    }

    /** The ECS module's template: its own interface with groups and a public address, monitoring, metadata options. */
    private static RequestLaunchTemplateData ecsModuleTemplate(String subnet, String sg) {
        return RequestLaunchTemplateData.builder().imageId(ami()).instanceType("t3.small")
                .networkInterfaces(n -> n.deviceIndex(0).subnetId(subnet).groups(sg).associatePublicIpAddress(true).deleteOnTermination(true))
                .monitoring(m -> m.enabled(true)).ebsOptimized(true)
                .metadataOptions(m -> m.httpTokens("optional").httpPutResponseHopLimit(1).httpEndpoint("enabled").instanceMetadataTags("enabled"))
                .build();
    }

    private static Instance run(Consumer<RunInstancesRequest.Builder> more) {
        return ecsnet.ec2().runInstances(r -> {
            r.minCount(1).maxCount(1);
            more.accept(r);
        }).instances().get(0);
    }

    private static Instance described(String id) {
        return ecsnet.ec2().describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0);
    }

    @Test
    void withoutAVersionTheDefaultVersionLaunchesWithItsOwnInterfaceMonitoringAndMetadataOptions() {
        Net n = net("10.61");
        LaunchTemplate t = ecsnet.ec2().createLaunchTemplate(r -> r.launchTemplateName("ecs-module")
                .launchTemplateData(ecsModuleTemplate(n.subnetA(), n.sg()))).launchTemplate();
        // version 2 moves the interface to subnet B and becomes the default
        ecsnet.ec2().createLaunchTemplateVersion(r -> r.launchTemplateId(t.launchTemplateId()).sourceVersion("1")
                .launchTemplateData(d -> d.networkInterfaces(i -> i.deviceIndex(0).subnetId(n.subnetB()).groups(n.sg()).associatePublicIpAddress(true))));
        ecsnet.ec2().modifyLaunchTemplate(r -> r.launchTemplateId(t.launchTemplateId()).defaultVersion("2"));

        Instance i = run(r -> r.launchTemplate(l -> l.launchTemplateId(t.launchTemplateId())));
        assertThat(i.subnetId()).isEqualTo(n.subnetB());
        assertThat(i.vpcId()).isEqualTo(n.vpc());
        assertThat(i.securityGroups()).singleElement().satisfies(g -> assertThat(g.groupId()).isEqualTo(n.sg()));
        assertThat(i.tags()).anySatisfy(tag -> {
            assertThat(tag.key()).isEqualTo("aws:ec2launchtemplate:version");
            assertThat(tag.value()).isEqualTo("2");
        });
        // the subnet does not map public addresses; the template's interface asks for one
        assertThat(ecsnet.ec2().describeSubnets(r -> r.subnetIds(n.subnetB())).subnets().get(0).mapPublicIpOnLaunch()).isFalse();
        assertThat(i.publicIpAddress()).isNotBlank();
        assertThat(i.publicDnsName()).startsWith("ec2-" + i.publicIpAddress().replace('.', '-'));
        assertThat(i.networkInterfaces().get(0).association().publicIp()).isEqualTo(i.publicIpAddress());
        assertThat(i.monitoring().stateAsString()).isEqualTo("pending");
        assertThat(i.ebsOptimized()).isTrue();
        assertThat(i.metadataOptions().httpTokensAsString()).isEqualTo("optional");
        assertThat(i.metadataOptions().httpPutResponseHopLimit()).isEqualTo(1);
        assertThat(i.metadataOptions().instanceMetadataTagsAsString()).isEqualTo("enabled");
        Instance later = described(i.instanceId());
        assertThat(later.publicIpAddress()).isEqualTo(i.publicIpAddress());
        assertThat(later.monitoring().stateAsString()).isEqualTo(later.state().nameAsString().equals("pending") ? "pending" : "enabled");

        // by number and $Latest the same template launches version 1's interface, then version 2's
        assertThat(run(r -> r.launchTemplate(l -> l.launchTemplateId(t.launchTemplateId()).version("1"))).subnetId()).isEqualTo(n.subnetA());
        assertThat(run(r -> r.launchTemplate(l -> l.launchTemplateName("ecs-module").version("$Latest"))).subnetId()).isEqualTo(n.subnetB());
    }

    @Test
    void theRequestsOwnInterfaceMonitoringAndMetadataOptionsOverrideTheTemplates() {
        Net n = net("10.62");
        LaunchTemplate t = ecsnet.ec2().createLaunchTemplate(r -> r.launchTemplateName("override")
                .launchTemplateData(ecsModuleTemplate(n.subnetA(), n.sg()))).launchTemplate();
        Instance i = run(r -> r.launchTemplate(l -> l.launchTemplateId(t.launchTemplateId()))
                .networkInterfaces(InstanceNetworkInterfaceSpecification.builder().deviceIndex(0).subnetId(n.subnetB()).groups(n.sg())
                        .associatePublicIpAddress(false).build())
                .monitoring(m -> m.enabled(false)).ebsOptimized(false).metadataOptions(m -> m.httpTokens("required")));
        assertThat(i.subnetId()).isEqualTo(n.subnetB());
        assertThat(i.publicIpAddress()).isNull();
        assertThat(i.publicDnsName()).isEmpty();
        assertThat(i.monitoring().stateAsString()).isEqualTo("disabled");
        assertThat(i.ebsOptimized()).isFalse();
        // the request's MetadataOptions replace the template's whole: the members it leaves out take EC2's defaults
        assertThat(i.metadataOptions().httpTokensAsString()).isEqualTo("required");
        assertThat(i.metadataOptions().httpPutResponseHopLimit()).isEqualTo(2);
        assertThat(i.metadataOptions().instanceMetadataTags()).isNull();

        // a plain RunInstances (no template) takes the same parameters
        Instance plain = run(r -> r.imageId(ami()).instanceType("t3.micro").monitoring(m -> m.enabled(true))
                .networkInterfaces(InstanceNetworkInterfaceSpecification.builder().deviceIndex(0).subnetId(n.subnetA())
                        .associatePublicIpAddress(true).build()));
        assertThat(plain.publicIpAddress()).isNotBlank();
        assertThat(plain.monitoring().stateAsString()).isEqualTo("pending");
        assertThat(plain.ebsOptimized()).isFalse();
    }

    @Test
    void aDefaultVersionWithoutAnInterfaceLaunchesInTheDefaultVpcAndItsGroupFromAnotherVpcIsRefused() {
        Net n = net("10.63");
        LaunchTemplate t = ecsnet.ec2().createLaunchTemplate(r -> r.launchTemplateName("groups-only")
                .launchTemplateData(d -> d.imageId(ami()).instanceType("t3.micro").securityGroupIds(n.sg()))).launchTemplate();
        String defaultSubnet = ecsnet.ec2().describeSubnets(r -> r.filters(NetFixture.filter("default-for-az", "true"),
                NetFixture.filter("availability-zone", "us-east-1a"))).subnets().get(0).subnetId();
        refusedWithoutChange(Ec2LaunchTemplateRunIT::picture, () -> run(r -> r.launchTemplate(l -> l.launchTemplateId(t.launchTemplateId()))),
                "InvalidParameter", "Security group " + n.sg() + " and subnet " + defaultSubnet + " belong to different networks.");
        // with a subnet in the request the template's groups fit
        assertThat(run(r -> r.launchTemplate(l -> l.launchTemplateId(t.launchTemplateId())).subnetId(n.subnetA())).subnetId())
                .isEqualTo(n.subnetA());
    }

    @Test
    void badSettingsAreRefusedBeforeAnythingLaunches() {
        Net n = net("10.64");
        LaunchTemplate t = ecsnet.ec2().createLaunchTemplate(r -> r.launchTemplateName("bad-settings")
                .launchTemplateData(ecsModuleTemplate(n.subnetA(), n.sg()))).launchTemplate();
        refusedWithoutChange(Ec2LaunchTemplateRunIT::picture, () -> run(r -> r.launchTemplate(l -> l.launchTemplateId(t.launchTemplateId()))
                .metadataOptions(m -> m.httpPutResponseHopLimit(65))), "InvalidParameterValue", null);
        refusedWithoutChange(Ec2LaunchTemplateRunIT::picture, () -> run(r -> r.launchTemplate(l -> l.launchTemplateId(t.launchTemplateId()))
                .metadataOptions(m -> m.httpTokens("maybe"))), "InvalidParameterValue", null);
        refusedWithoutChange(Ec2LaunchTemplateRunIT::picture, () -> run(r -> r.imageId(ami()).instanceType("t3.micro").networkInterfaces(
                        InstanceNetworkInterfaceSpecification.builder().deviceIndex(0).subnetId(n.subnetA()).associatePublicIpAddress(true).build(),
                        InstanceNetworkInterfaceSpecification.builder().deviceIndex(1).subnetId(n.subnetA()).build())),
                "InvalidParameterCombination", "The associatePublicIPAddress parameter cannot be specified when launching with multiple network interfaces");
    }

    /** Instances, interfaces and addresses: what a refused launch must leave as it was. */
    private static List<Object> picture() {
        List<Object> out = new java.util.ArrayList<>(ecsnet.ec2().describeInstances().reservations());
        out.addAll(ecsnet.ec2().describeNetworkInterfaces().networkInterfaces());
        out.addAll(ecsnet.ec2().describeSubnets(r -> r.filters(Filter.builder().name("default-for-az").values("true", "false").build())).subnets());
        return out;
    }
}
