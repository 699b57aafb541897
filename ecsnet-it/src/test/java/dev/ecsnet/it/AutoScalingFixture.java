package dev.ecsnet.it;

import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Activity;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the Auto Scaling tests share: a VPC with one subnet in each of us-east-1a, b and c, a launch template with
 * the ECS-optimized AMI whose user data names {@code cluster}, and short reads of groups and activities.
 */
final class AutoScalingFixture {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    final Ec2Client ec2;
    final AutoScalingClient autoScaling;
    final String vpc;
    final List<String> subnets;
    final String securityGroup;
    final String launchTemplateId;

    AutoScalingFixture(Ec2Client ec2, AutoScalingClient autoScaling, String cluster, String instanceType) {
        this.ec2 = ec2;
        this.autoScaling = autoScaling;
        NetFixture net = new NetFixture(ec2);
        vpc = net.vpc("10.0.0.0/16");
        subnets = List.of(net.subnet(vpc, "10.0.1.0/24", "us-east-1a"), net.subnet(vpc, "10.0.2.0/24", "us-east-1b"),
                net.subnet(vpc, "10.0.3.0/24", "us-east-1c"));
        securityGroup = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("nodes").description("ECS nodes")).groupId();
        String ami = ec2.describeImages(r -> r.owners("amazon").filters(Filter.builder().name("name")
                .values("al2023-ami-ecs-hvm-*-x86_64").build())).images().get(0).imageId();
        String userData = Base64.getEncoder().encodeToString(("#!/bin/bash\necho ECS_CLUSTER=" + cluster + " >> /etc/ecs/ecs.config\n")
                .getBytes(StandardCharsets.UTF_8));
        launchTemplateId = ec2.createLaunchTemplate(r -> r.launchTemplateName("ecs-nodes").launchTemplateData(d -> d.imageId(ami)
                .instanceType(instanceType).userData(userData).securityGroupIds(securityGroup))).launchTemplate().launchTemplateId();
    }

    String vpcZoneIdentifier() {
        return String.join(",", subnets);
    }

    /** A group of the fixture's template ({@code $Latest}) over its three subnets; {@code more} sets the rest. */
    void createGroup(String name, int min, int max, Integer desired, Consumer<CreateAutoScalingGroupRequest.Builder> more) {
        autoScaling.createAutoScalingGroup(r -> {
            r.autoScalingGroupName(name).minSize(min).maxSize(max).desiredCapacity(desired).vpcZoneIdentifier(vpcZoneIdentifier())
                    .launchTemplate(t -> t.launchTemplateId(launchTemplateId).version("$Latest"));
            more.accept(r);
        });
    }

    AutoScalingGroup group(String name) {
        return autoScaling.describeAutoScalingGroups(r -> r.autoScalingGroupNames(name)).autoScalingGroups().get(0);
    }

    List<Instance> instances(String name) {
        return group(name).instances();
    }

    List<String> lifecycles(String name) {
        return instances(name).stream().map(Instance::lifecycleStateAsString).toList();
    }

    /** Newest first (in-progress ones first), as AWS lists them. */
    List<Activity> activities(String name) {
        return autoScaling.describeScalingActivities(r -> r.autoScalingGroupName(name)).activities();
    }

    static String at(Instant t) {
        return "At " + AT.format(t) + " ";
    }
}
