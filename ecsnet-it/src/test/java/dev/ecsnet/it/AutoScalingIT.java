package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.model.Activity;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.Filter;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.LifecycleHook;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.ecsnet.it.AutoScalingFixture.at;
import static dev.ecsnet.it.AwsRefusal.refused;
import static dev.ecsnet.it.AwsRefusal.refusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto Scaling through the SDK on the manual clock (FAST timing: the group reacts after 200 ms, instances boot in
 * 500 ms): every operation, the instances the groups launch and terminate, AWS's activity texts and errors.
 */
class AutoScalingIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();
    private AutoScalingFixture f;

    @BeforeEach
    void fixture() {
        f = new AutoScalingFixture(ecsnet.ec2(), ecsnet.autoScaling(), "no-such-cluster", "t3.medium");
    }

    /** Groups and activities: what a refused call must leave as it was. */
    private List<Object> picture() {
        List<Object> p = new java.util.ArrayList<>(ecsnet.autoScaling().describeAutoScalingGroups().autoScalingGroups());
        p.addAll(ecsnet.autoScaling().describeScalingActivities().activities());
        p.addAll(ecsnet.autoScaling().describeTags().tags());
        return p;
    }

    @Test
    void aGroupLaunchesItsInstancesOverItsZonesAndTheyGoPendingThenInService() {
        Instant created = ecsnet.now();
        f.createGroup("web", 0, 3, 2, r -> r.healthCheckGracePeriod(300).defaultInstanceWarmup(60)
                .tags(Tag.builder().key("Name").value("node").propagateAtLaunch(true).build(),
                        Tag.builder().key("cost").value("team-a").propagateAtLaunch(false).build()));
        AutoScalingGroup g = f.group("web");
        assertThat(g.autoScalingGroupARN()).matches("arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:[0-9a-f-]{36}"
                + ":autoScalingGroupName/web");
        assertThat(g.launchTemplate().launchTemplateId()).isEqualTo(f.launchTemplateId);
        assertThat(g.launchTemplate().launchTemplateName()).isEqualTo("ecs-nodes");
        assertThat(g.launchTemplate().version()).isEqualTo("$Latest");
        assertThat(g.availabilityZones()).containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
        assertThat(g.vpcZoneIdentifier()).isEqualTo(f.vpcZoneIdentifier());
        assertThat(g.healthCheckType()).isEqualTo("EC2");
        assertThat(g.healthCheckGracePeriod()).isEqualTo(300);
        assertThat(g.defaultCooldown()).isEqualTo(300);
        assertThat(g.defaultInstanceWarmup()).isEqualTo(60);
        assertThat(g.terminationPolicies()).containsExactly("Default");
        assertThat(g.serviceLinkedRoleARN()).isEqualTo(
                "arn:aws:iam::000000000000:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling");
        assertThat(g.suspendedProcesses()).isEmpty();
        assertThat(g.enabledMetrics()).isEmpty();
        assertThat(g.targetGroupARNs()).isEmpty();
        assertThat(g.warmPoolConfiguration()).isNull();
        assertThat(g.status()).isNull();
        assertThat(g.instances()).as("the group has not reacted yet").isEmpty();

        ecsnet.advance(Duration.ofMillis(200));
        assertThat(f.lifecycles("web")).containsExactly("Pending", "Pending");
        ecsnet.settle();
        List<Instance> instances = f.instances("web");
        assertThat(instances).extracting(Instance::lifecycleStateAsString).containsExactly("InService", "InService");
        assertThat(instances).extracting(Instance::availabilityZone).containsExactly("us-east-1a", "us-east-1b");
        assertThat(instances).allSatisfy(i -> {
            assertThat(i.healthStatus()).isEqualTo("Healthy");
            assertThat(i.protectedFromScaleIn()).isFalse();
            assertThat(i.instanceType()).isEqualTo("t3.medium");
            assertThat(i.launchTemplate().version()).isEqualTo("1");
        });

        assertThat(f.activities("web")).hasSize(2).allSatisfy(a -> {
            assertThat(a.description()).startsWith("Launching a new EC2 instance: i-");
            assertThat(a.cause()).isEqualTo(at(created) + "a user request created an AutoScalingGroup changing the desired capacity from 0 to 2.  "
                    + at(a.startTime()) + "an instance was started in response to a difference between desired and actual capacity, "
                    + "increasing the capacity from 0 to 2.");
            assertThat(a.statusCodeAsString()).isEqualTo("Successful");
            assertThat(a.progress()).isEqualTo(100);
            assertThat(a.endTime()).isNotNull();
            assertThat(a.details()).contains("\"Availability Zone\":\"us-east-1");
        });

        software.amazon.awssdk.services.ec2.model.Instance ec2 = ecsnet.ec2().describeInstances(r -> r.instanceIds(instances.get(0).instanceId()))
                .reservations().get(0).instances().get(0);
        assertThat(ec2.state().name()).isEqualTo(InstanceStateName.RUNNING);
        assertThat(ec2.subnetId()).isEqualTo(f.subnets.get(0));
        assertThat(ec2.securityGroups()).singleElement().satisfies(sg -> assertThat(sg.groupId()).isEqualTo(f.securityGroup));
        Map<String, String> tags = ec2.tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value()));
        assertThat(tags).containsEntry("Name", "node").containsEntry("aws:autoscaling:groupName", "web")
                .containsEntry("aws:ec2launchtemplate:id", f.launchTemplateId).doesNotContainKey("cost");
        List<NetworkInterface> enis = ecsnet.ec2().describeNetworkInterfaces(r -> r.filters(NetFixture.filter("attachment.instance-id",
                ec2.instanceId()))).networkInterfaces();
        assertThat(enis).singleElement().satisfies(n -> {
            assertThat(n.subnetId()).isEqualTo(f.subnets.get(0));
            assertThat(n.privateIpAddress()).startsWith("10.0.1.");
        });
        assertThat(ecsnet.autoScaling().describeAutoScalingInstances(r -> r.instanceIds(ec2.instanceId())).autoScalingInstances())
                .singleElement().satisfies(i -> {
                    assertThat(i.autoScalingGroupName()).isEqualTo("web");
                    assertThat(i.healthStatus()).isEqualTo("HEALTHY");
                    assertThat(i.lifecycleState()).isEqualTo("InService");
                    assertThat(i.launchTemplate().launchTemplateId()).isEqualTo(f.launchTemplateId);
                });
    }

    @Test
    void createIsRefusedWithAwsMessagesAndNothingChanges() {
        f.createGroup("taken", 0, 1, 0, r -> { });
        refusedWithoutChange(this::picture, () -> f.createGroup("taken", 0, 1, 0, r -> { }), "AlreadyExists",
                "AutoScalingGroup by this name already exists - A group with the name taken already exists");
        refusedWithoutChange(this::picture, () -> f.createGroup("g", 3, 1, null, r -> { }), "ValidationError",
                "Max bound, 1, must be greater than or equal to min bound, 3");
        refusedWithoutChange(this::picture, () -> f.createGroup("g", 1, 3, 5, r -> { }), "ValidationError",
                "Desired capacity:5 must be between the specified min size:1 and max size:3");
        refusedWithoutChange(this::picture, () -> ecsnet.autoScaling().createAutoScalingGroup(r -> r.autoScalingGroupName("g").minSize(0).maxSize(1)
                .vpcZoneIdentifier(f.vpcZoneIdentifier())), "ValidationError",
                "Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.");
        refusedWithoutChange(this::picture, () -> ecsnet.autoScaling().createAutoScalingGroup(r -> r.autoScalingGroupName("g").minSize(0).maxSize(1)
                .vpcZoneIdentifier(f.vpcZoneIdentifier()).launchTemplate(t -> t.launchTemplateId("lt-0123456789abcdef0"))), "ValidationError",
                "You must use a valid fully-formed launch template. The specified launch template, with template ID lt-0123456789abcdef0, "
                        + "does not exist.");
        refusedWithoutChange(this::picture, () -> ecsnet.autoScaling().createAutoScalingGroup(r -> r.autoScalingGroupName("g").minSize(0).maxSize(1)
                .vpcZoneIdentifier(f.vpcZoneIdentifier()).launchTemplate(t -> t.launchTemplateId(f.launchTemplateId).version("7"))), "ValidationError",
                "You must use a valid fully-formed launch template. Could not find the specified version 7 for the launch template with ID "
                        + f.launchTemplateId + ".");
        refusedWithoutChange(this::picture, () -> f.createGroup("g", 0, 1, 0, r -> r.vpcZoneIdentifier("subnet-0123456789abcdef0")),
                "ValidationError", "The subnet ID 'subnet-0123456789abcdef0' does not exist");
        refusedWithoutChange(this::picture, () -> ecsnet.autoScaling().createAutoScalingGroup(r -> r.autoScalingGroupName("g").minSize(0).maxSize(1)
                .launchTemplate(t -> t.launchTemplateId(f.launchTemplateId))), "ValidationError",
                "At least one Availability Zone or VPC Subnet is required.");
        refusedWithoutChange(this::picture, () -> f.createGroup("g", 0, 1, 0, r -> r.availabilityZones("us-east-1d")), "ValidationError",
                "The availability zones of the specified subnets and the Auto Scaling group do not match");
        refusedWithoutChange(this::picture, () -> f.createGroup("g", 0, 1, 0, r -> r.terminationPolicies("Random")), "ValidationError", null);
        refusedWithoutChange(this::picture, () -> f.createGroup("g", 0, 1, 0, r -> r.targetGroupARNs(
                "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/tg/0123456789abcdef")), "ValidationError", null);
        refusedWithoutChange(this::picture, () -> f.createGroup("g", 0, 1, 0, r -> r.tags(Tag.builder().key("aws:owner").value("x").build())),
                "ValidationError", "Tag keys starting with 'aws:' are reserved for internal use.");
        refusedWithoutChange(this::picture, () -> ecsnet.autoScaling().createAutoScalingGroup(r -> r.autoScalingGroupName("g").minSize(0).maxSize(1)
                .vpcZoneIdentifier(f.vpcZoneIdentifier()).mixedInstancesPolicy(m -> m.launchTemplate(l -> l.launchTemplateSpecification(
                        s -> s.launchTemplateId(f.launchTemplateId))))), "ValidationError", null);
    }

    @Test
    void updateFollowsAwssRulesForMinAndMaxAndNewInstancesUseTheNewTemplateVersion() {
        f.createGroup("web", 0, 3, 0, r -> { });
        ecsnet.settle();
        Instant at = ecsnet.now();
        ecsnet.autoScaling().updateAutoScalingGroup(r -> r.autoScalingGroupName("web").minSize(1));
        AutoScalingGroup g = f.group("web");
        assertThat(g.desiredCapacity()).as("a min above the desired capacity raises it").isEqualTo(1);
        ecsnet.settle();
        assertThat(f.activities("web")).singleElement().satisfies(a -> assertThat(a.cause()).startsWith(at(at)
                + "a user request update of AutoScalingGroup constraints to min: 1, max: 3, desired: 1 changing the desired capacity from 0 to 1.  "));
        ecsnet.ec2().createLaunchTemplateVersion(r -> r.launchTemplateId(f.launchTemplateId).sourceVersion("1")
                .launchTemplateData(d -> d.instanceType("c5.large")));
        ecsnet.autoScaling().updateAutoScalingGroup(r -> r.autoScalingGroupName("web").desiredCapacity(2));
        ecsnet.settle();
        assertThat(f.instances("web")).extracting(Instance::instanceType, i -> i.launchTemplate().version())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t3.medium", "1"), org.assertj.core.groups.Tuple.tuple("c5.large", "2"));
        ecsnet.autoScaling().updateAutoScalingGroup(r -> r.autoScalingGroupName("web").maxSize(1));
        assertThat(f.group("web").desiredCapacity()).as("a max below the desired capacity lowers it").isEqualTo(1);
        ecsnet.settle();
        assertThat(f.instances("web")).as("the instance of the older template version goes first").singleElement()
                .satisfies(i -> assertThat(i.launchTemplate().version()).isEqualTo("2"));

        refusedWithoutChange(this::picture, () -> ecsnet.autoScaling().updateAutoScalingGroup(r -> r.autoScalingGroupName("web").desiredCapacity(4)),
                "ValidationError", "Desired capacity:4 must be between the specified min size:1 and max size:1");
        refusedWithoutChange(this::picture, () -> ecsnet.autoScaling().updateAutoScalingGroup(r -> r.autoScalingGroupName("nope").minSize(0)),
                "ValidationError", "AutoScalingGroup name not found - AutoScalingGroup 'nope' not found");
    }

    @Test
    void setDesiredCapacityScalesInByTheTerminationPolicyAndHonorsTheCooldownWhenAsked() {
        f.createGroup("web", 0, 3, 0, r -> r.defaultCooldown(60));
        Instant at = ecsnet.now();
        ecsnet.autoScaling().setDesiredCapacity(r -> r.autoScalingGroupName("web").desiredCapacity(3));
        ecsnet.advance(Duration.ofMillis(200));
        String launching = f.activities("web").get(0).activityId();
        refusedWithoutChange(this::picture, () -> ecsnet.autoScaling().setDesiredCapacity(r -> r.autoScalingGroupName("web").desiredCapacity(1)
                .honorCooldown(true)), "ScalingActivityInProgress", "Scaling activity " + launching + " is in progress and blocks this action");
        ecsnet.settle();
        assertThat(f.activities("web")).hasSize(3).allSatisfy(a -> assertThat(a.cause()).startsWith(at(at)
                + "a user request explicitly set group desired capacity changing the desired capacity from 0 to 3.  "));
        refused(() -> ecsnet.autoScaling().setDesiredCapacity(r -> r.autoScalingGroupName("web").desiredCapacity(4)), "ValidationError",
                "New SetDesiredCapacity value 4 is above max value 3 for the AutoScalingGroup.");
        refused(() -> ecsnet.autoScaling().setDesiredCapacity(r -> r.autoScalingGroupName("web").desiredCapacity(1).honorCooldown(true)),
                "ScalingActivityInProgress", null);
        ecsnet.advance(Duration.ofSeconds(60));

        Instant scaleIn = ecsnet.now();
        ecsnet.autoScaling().setDesiredCapacity(r -> r.autoScalingGroupName("web").desiredCapacity(1).honorCooldown(true));
        ecsnet.advance(Duration.ofMillis(200));
        assertThat(f.lifecycles("web")).containsExactly("InService", "Terminating", "Terminating");
        List<Activity> terminating = f.activities("web").subList(0, 2);
        assertThat(terminating).allSatisfy(a -> {
            assertThat(a.description()).startsWith("Terminating EC2 instance: i-");
            assertThat(a.statusCodeAsString()).isEqualTo("InProgress");
            String id = a.description().substring("Terminating EC2 instance: ".length());
            assertThat(a.cause()).isEqualTo(at(scaleIn) + "a user request explicitly set group desired capacity changing the desired capacity "
                    + "from 3 to 1.  " + at(a.startTime()) + "an instance was taken out of service in response to a difference between desired "
                    + "and actual capacity, shrinking the capacity from 3 to 1.  " + at(a.startTime()) + "instance " + id
                    + " was selected for termination.");
        });
        ecsnet.settle();
        assertThat(f.instances("web")).singleElement().satisfies(i -> assertThat(i.availabilityZone()).isEqualTo("us-east-1a"));
        assertThat(f.activities("web").subList(0, 2)).allSatisfy(a -> assertThat(a.statusCodeAsString()).isEqualTo("Successful"));
    }

    @Test
    void terminateInstanceInAutoScalingGroupWithAndWithoutDecrement() {
        f.createGroup("web", 1, 3, 2, r -> { });
        ecsnet.settle();
        List<Instance> before = f.instances("web");
        Instant at = ecsnet.now();
        Activity a = ecsnet.autoScaling().terminateInstanceInAutoScalingGroup(r -> r.instanceId(before.get(0).instanceId())
                .shouldDecrementDesiredCapacity(true)).activity();
        assertThat(a.description()).isEqualTo("Terminating EC2 instance: " + before.get(0).instanceId());
        assertThat(a.cause()).isEqualTo(at(at) + "instance " + before.get(0).instanceId()
                + " was taken out of service in response to a user request, shrinking the capacity from 2 to 1.");
        assertThat(a.statusCodeAsString()).isEqualTo("InProgress");
        assertThat(a.progress()).isZero();
        assertThat(f.group("web").desiredCapacity()).isEqualTo(1);
        ecsnet.settle();
        assertThat(f.instances("web")).extracting(Instance::instanceId).containsExactly(before.get(1).instanceId());

        refusedWithoutChange(this::picture, () -> ecsnet.autoScaling().terminateInstanceInAutoScalingGroup(r -> r.instanceId(before.get(1).instanceId())
                .shouldDecrementDesiredCapacity(true)), "ValidationError", "Currently, desiredSize equals minSize (1). Terminating instance "
                + "without replacement will violate group's min size constraint. Either set shouldDecrementDesiredCapacity flag to false or "
                + "lower group's min size.");
        refusedWithoutChange(this::picture, () -> ecsnet.autoScaling().terminateInstanceInAutoScalingGroup(r -> r.instanceId("i-0123456789abcdef0")
                .shouldDecrementDesiredCapacity(false)), "ValidationError", "Instance Id not found - No managed instance found for instance ID: "
                + "i-0123456789abcdef0");

        Activity replaced = ecsnet.autoScaling().terminateInstanceInAutoScalingGroup(r -> r.instanceId(before.get(1).instanceId())
                .shouldDecrementDesiredCapacity(false)).activity();
        assertThat(replaced.cause()).endsWith("was taken out of service in response to a user request.");
        ecsnet.settle();
        assertThat(f.instances("web")).singleElement().satisfies(i -> {
            assertThat(i.instanceId()).isNotEqualTo(before.get(1).instanceId());
            assertThat(i.lifecycleStateAsString()).isEqualTo("InService");
        });
        assertThat(f.activities("web").get(0).cause()).endsWith("an instance was started in response to a difference between desired and "
                + "actual capacity, increasing the capacity from 0 to 1.");
    }

    @Test
    void protectedInstancesSurviveScaleInUntilTheirProtectionIsRemoved() {
        f.createGroup("web", 0, 3, 2, r -> r.newInstancesProtectedFromScaleIn(true));
        ecsnet.settle();
        assertThat(f.instances("web")).allSatisfy(i -> assertThat(i.protectedFromScaleIn()).isTrue());
        ecsnet.autoScaling().setDesiredCapacity(r -> r.autoScalingGroupName("web").desiredCapacity(0));
        ecsnet.settle();
        List<Instance> kept = f.instances("web");
        assertThat(kept).hasSize(2).extracting(Instance::lifecycleStateAsString).containsOnly("InService");
        ecsnet.autoScaling().setInstanceProtection(r -> r.autoScalingGroupName("web").instanceIds(kept.get(1).instanceId()).protectedFromScaleIn(false));
        ecsnet.settle();
        assertThat(f.instances("web")).extracting(Instance::instanceId).containsExactly(kept.get(0).instanceId());
        refusedWithoutChange(this::picture, () -> ecsnet.autoScaling().setInstanceProtection(r -> r.autoScalingGroupName("web")
                .instanceIds("i-0123456789abcdef0").protectedFromScaleIn(false)), "ValidationError",
                "The instance i-0123456789abcdef0 is not part of Auto Scaling group web.");
    }

    @Test
    void anInstanceTerminatedOutsideTheGroupIsReplaced() {
        f.createGroup("web", 1, 3, 1, r -> { });
        ecsnet.settle();
        String first = f.instances("web").get(0).instanceId();
        ecsnet.ec2().terminateInstances(r -> r.instanceIds(first));
        ecsnet.settle();
        assertThat(f.instances("web")).singleElement().satisfies(i -> assertThat(i.instanceId()).isNotEqualTo(first));
        List<Activity> activities = f.activities("web");
        assertThat(activities.get(1).description()).isEqualTo("Terminating EC2 instance: " + first);
        assertThat(activities.get(1).cause()).isEqualTo(at(activities.get(1).startTime()) + "an instance was taken out of service in response to a EC2 health check "
                + "indicating it has been terminated or stopped.");
        assertThat(activities.get(0).cause()).endsWith("increasing the capacity from 0 to 1.");
    }

    @Test
    void deleteNeedsForceWhileInstancesRemainAndThenShowsDeleteInProgressUntilTheyAreGone() {
        f.createGroup("web", 1, 3, 2, r -> { });
        ecsnet.settle();
        List<String> ids = f.instances("web").stream().map(Instance::instanceId).toList();
        refusedWithoutChange(this::picture, () -> ecsnet.autoScaling().deleteAutoScalingGroup(r -> r.autoScalingGroupName("web")), "ResourceInUse",
                "You cannot delete an AutoScalingGroup while there are instances or pending Spot instance request(s) still in the group.");
        ecsnet.autoScaling().deleteAutoScalingGroup(r -> r.autoScalingGroupName("web").forceDelete(true));
        AutoScalingGroup deleting = f.group("web");
        assertThat(deleting.status()).isEqualTo("Delete in progress");
        assertThat(List.of(deleting.minSize(), deleting.maxSize(), deleting.desiredCapacity())).containsOnly(0);
        assertThat(deleting.instances()).extracting(Instance::lifecycleStateAsString).containsOnly("Terminating");
        ecsnet.settle();
        assertThat(ecsnet.autoScaling().describeAutoScalingGroups(r -> r.autoScalingGroupNames("web")).autoScalingGroups()).isEmpty();
        assertThat(ecsnet.ec2().describeInstances(r -> r.instanceIds(ids)).reservations().stream().flatMap(r -> r.instances().stream())
                .map(i -> i.state().name())).containsOnly(InstanceStateName.TERMINATED);
        refused(() -> ecsnet.autoScaling().describeScalingActivities(r -> r.autoScalingGroupName("web")), "ValidationError", null);
        assertThat(ecsnet.autoScaling().describeScalingActivities(r -> r.autoScalingGroupName("web").includeDeletedGroups(true)).activities()).hasSize(4);
        refused(() -> ecsnet.autoScaling().deleteAutoScalingGroup(r -> r.autoScalingGroupName("web")), "ValidationError",
                "AutoScalingGroup name not found - AutoScalingGroup 'web' not found");

        f.createGroup("empty", 0, 1, 0, r -> { });
        ecsnet.autoScaling().deleteAutoScalingGroup(r -> r.autoScalingGroupName("empty"));
        assertThat(ecsnet.autoScaling().describeAutoScalingGroups().autoScalingGroups()).isEmpty();
    }

    @Test
    void tagsAreCreatedUpdatedDescribedFilteredAndDeleted() {
        f.createGroup("web", 0, 1, 0, r -> r.tags(Tag.builder().key("env").value("prod").propagateAtLaunch(true).build()));
        f.createGroup("batch", 0, 1, 0, r -> { });
        ecsnet.autoScaling().createOrUpdateTags(r -> r.tags(tag("web", "env", "staging", false), tag("batch", "team", "data", true)));
        List<TagDescription> tags = ecsnet.autoScaling().describeTags().tags();
        assertThat(tags).extracting(TagDescription::resourceId, TagDescription::key, TagDescription::value, TagDescription::propagateAtLaunch)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("batch", "team", "data", true),
                        org.assertj.core.groups.Tuple.tuple("web", "env", "staging", false));
        assertThat(ecsnet.autoScaling().describeTags(r -> r.filters(Filter.builder().name("key").values("team").build())).tags()).hasSize(1);
        assertThat(ecsnet.autoScaling().describeTags(r -> r.filters(Filter.builder().name("propagate-at-launch").values("false").build())).tags())
                .extracting(TagDescription::resourceId).containsExactly("web");
        assertThat(ecsnet.autoScaling().describeAutoScalingGroups(r -> r.filters(Filter.builder().name("tag:team").values("data").build()))
                .autoScalingGroups()).extracting(AutoScalingGroup::autoScalingGroupName).containsExactly("batch");
        assertThat(ecsnet.autoScaling().describeAutoScalingGroups(r -> r.filters(Filter.builder().name("tag-key").values("env").build()))
                .autoScalingGroups()).extracting(AutoScalingGroup::autoScalingGroupName).containsExactly("web");
        ecsnet.autoScaling().deleteTags(r -> r.tags(tag("web", "env", "", false)));
        assertThat(f.group("web").tags()).isEmpty();

        refusedWithoutChange(this::picture, () -> ecsnet.autoScaling().createOrUpdateTags(r -> r.tags(tag("nope", "a", "b", false))), "ValidationError",
                "AutoScalingGroup not found - AutoScaling Group nope not found");
        refusedWithoutChange(this::picture, () -> ecsnet.autoScaling().describeTags(r -> r.filters(Filter.builder().name("owner").values("x").build())),
                "ValidationError", null);
    }

    private static Tag tag(String group, String key, String value, boolean propagate) {
        return Tag.builder().resourceId(group).resourceType("auto-scaling-group").key(key).value(value).propagateAtLaunch(propagate).build();
    }

    @Test
    void suspendedLaunchesWaitUntilTheProcessResumes() {
        f.createGroup("web", 0, 2, 0, r -> { });
        ecsnet.autoScaling().suspendProcesses(r -> r.autoScalingGroupName("web").scalingProcesses("Launch"));
        assertThat(f.group("web").suspendedProcesses()).singleElement().satisfies(p -> {
            assertThat(p.processName()).isEqualTo("Launch");
            assertThat(p.suspensionReason()).startsWith("User suspended at ");
        });
        ecsnet.autoScaling().setDesiredCapacity(r -> r.autoScalingGroupName("web").desiredCapacity(2));
        ecsnet.settle();
        assertThat(f.instances("web")).isEmpty();
        ecsnet.autoScaling().resumeProcesses(r -> r.autoScalingGroupName("web"));
        ecsnet.settle();
        assertThat(f.lifecycles("web")).containsExactly("InService", "InService");
        refused(() -> ecsnet.autoScaling().suspendProcesses(r -> r.autoScalingGroupName("web").scalingProcesses("Reboot")), "ValidationError", null);
    }

    @Test
    void describePagesAndLifecycleHooks() {
        f.createGroup("a-group", 0, 1, 0, r -> r.lifecycleHookSpecificationList(h -> h.lifecycleHookName("drain")
                .lifecycleTransition("autoscaling:EC2_INSTANCE_TERMINATING").heartbeatTimeout(300).defaultResult("CONTINUE")));
        f.createGroup("b-group", 0, 1, 0, r -> { });
        DescribeAutoScalingGroupsResponse first = ecsnet.autoScaling().describeAutoScalingGroups(r -> r.maxRecords(1));
        assertThat(first.autoScalingGroups()).extracting(AutoScalingGroup::autoScalingGroupName).containsExactly("a-group");
        assertThat(ecsnet.autoScaling().describeAutoScalingGroups(r -> r.maxRecords(1).nextToken(first.nextToken())).autoScalingGroups())
                .extracting(AutoScalingGroup::autoScalingGroupName).containsExactly("b-group");
        refused(() -> ecsnet.autoScaling().describeAutoScalingGroups(r -> r.nextToken("not-a-token")), "InvalidNextToken", null);
        assertThat(ecsnet.autoScaling().describeLifecycleHooks(r -> r.autoScalingGroupName("a-group")).lifecycleHooks()).singleElement()
                .satisfies(h -> {
                    assertThat(h.lifecycleHookName()).isEqualTo("drain");
                    assertThat(h.heartbeatTimeout()).isEqualTo(300);
                    assertThat(h.globalTimeout()).isEqualTo(30_000);
                    assertThat(h.defaultResult()).isEqualTo("CONTINUE");
                });
        assertThat(ecsnet.autoScaling().describeLifecycleHooks(r -> r.autoScalingGroupName("b-group")).lifecycleHooks()).isEmpty();
    }
}
