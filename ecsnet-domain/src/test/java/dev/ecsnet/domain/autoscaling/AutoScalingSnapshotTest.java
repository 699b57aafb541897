package dev.ecsnet.domain.autoscaling;

import dev.ecsnet.domain.ec2.Instance;
import dev.ecsnet.domain.ec2.LaunchTemplateData;
import dev.ecsnet.domain.ec2.LaunchTemplates;
import dev.ecsnet.domain.net.NetworkRecord;
import dev.ecsnet.domain.net.Subnet;
import dev.ecsnet.domain.state.RegionTwin;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Auto Scaling restored into a twin region mid-lifecycle (a reconcile armed with its merged requests and pending
 * cause, launches pending, an instance terminating, one stopped outside its group awaiting its health check, a
 * group being deleted, a group whose launches fail and back off, a deleted group's activities): the twin exports
 * what it was given and, driven the same way, arms the same timers, answers and exports what the original does.
 */
class AutoScalingSnapshotTest {
    private static final String IMAGE = "ami-0f6e8d7c9b0a1c2d3";
    private static final Duration TICK = Duration.ofMillis(100);

    private static RegionTwin groupsMidLifecycle() {
        RegionTwin a = new RegionTwin(23);
        AutoScaling asg = a.region.autoScaling();
        LaunchTemplates lts = a.region.launchTemplates();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ImageId", IMAGE);
        data.put("InstanceType", "t3.medium");
        data.put("TagSpecifications", List.of(Map.of("ResourceType", "instance", "Tags", List.of(Map.of("Key", "from", "Value", "template")))));
        String nodes = lts.create("nodes", null, new LaunchTemplateData(data), Map.of(), null).id();
        String broken = lts.create("broken", null, new LaunchTemplateData(Map.of("ImageId", IMAGE, "InstanceType", "t3.micro")), Map.of(), null).id();

        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("MaxInstanceLifetime", 86_400);
        extras.put("InstanceMaintenancePolicy", new LinkedHashMap<>(Map.of("MinHealthyPercentage", "90", "MaxHealthyPercentage", "120")));
        extras.put("Context", "ctx");
        asg.createGroup(new GroupRequest("alpha", 1, 6, 3, new LaunchTemplateSpec(nodes, null, "$Latest"),
                defaultSubnet(a, "us-east-1a") + "," + defaultSubnet(a, "us-east-1b"), null, null, "EC2", 10, 60, 30, false, true,
                List.of("OldestInstance", "Default"), List.of(new LifecycleHookSpec("drain", "autoscaling:EC2_INSTANCE_TERMINATING", "meta",
                300, "CONTINUE", null, null)), List.of(new GroupTag("team", "web", true), new GroupTag("cost", "x", false)), null, extras));
        asg.createGroup(new GroupRequest("gamma", 0, 2, 1, new LaunchTemplateSpec(null, "nodes", null), null, List.of("us-east-1c"), null,
                null, null, null, null, true, null, null, null, null, "arn:aws:iam::000000000000:role/custom", Map.of()));
        asg.createGroup(new GroupRequest("old", 0, 1, 1, new LaunchTemplateSpec(nodes, null, "1"), defaultSubnet(a, "us-east-1d"), null, null,
                null, null, null, null, null, null, null, null, null, null, Map.of()));
        asg.createGroup(new GroupRequest("beta", 0, 2, 1, new LaunchTemplateSpec(broken, null, "$Latest"), defaultSubnet(a, "us-east-1a"),
                null, null, null, null, null, null, null, null, null, null, null, null, Map.of()));
        lts.createVersion(new LaunchTemplates.Ref(broken, null), null, null, new LaunchTemplateData(Map.of("InstanceType", "t3.micro")), null);
        a.advance(Duration.ofSeconds(40));

        // launched from version 2 of "nodes"; kept past its unhealthy instance by a suspended ReplaceUnhealthy
        lts.createVersion(new LaunchTemplates.Ref(nodes, null), "1", "larger", new LaunchTemplateData(Map.of("InstanceType", "t3.large")), null);
        asg.createGroup(new GroupRequest("zeta", 0, 3, 2, new LaunchTemplateSpec(nodes, null, "$Latest"), defaultSubnet(a, "us-east-1f"),
                null, null, null, null, 300, null, null, null, null, null, null, null, Map.of()));
        a.advance(Duration.ofSeconds(2));
        asg.suspendProcesses("zeta", List.of("ReplaceUnhealthy"));
        a.region.instances().terminate(List.of(asg.get("zeta").instances().iterator().next().instanceId()));
        a.advance(Duration.ofSeconds(2));

        asg.deleteGroup("old", true);
        asg.suspendProcesses("alpha", List.of("AZRebalance", "AlarmNotification"));
        List<String> alpha = asg.get("alpha").instances().stream().map(GroupInstance::instanceId).toList();
        asg.setInstanceProtection("alpha", List.of(alpha.get(0)), true);
        a.advance(Duration.ofSeconds(2));
        asg.deleteGroup("gamma", true);
        asg.terminateInstance(alpha.get(1), false);
        a.region.instances().terminate(List.of(alpha.get(2)));
        asg.setDesiredCapacity("alpha", 4, false);
        asg.tag("alpha", "AmazonECSManaged", "", true);
        a.advance(TICK);
        return a;
    }

    @Test
    void groupsMidLifecycleAreRestoredAndGoOnAsTheOriginalDoes() {
        RegionTwin a = groupsMidLifecycle();
        AutoScaling asg = a.region.autoScaling();
        assertThat(asg.find("old")).isEmpty();
        assertThat(asg.get("gamma").deleting()).isTrue();
        assertThat(asg.get("alpha").instances()).extracting(GroupInstance::lifecycle)
                .containsExactly(LifecycleState.IN_SERVICE, LifecycleState.TERMINATING, LifecycleState.IN_SERVICE);
        assertThat(asg.activities("beta", false, List.of())).extracting(ScalingActivity::status).contains(ActivityStatus.FAILED);
        assertThat(asg.activities("old", true, List.of())).isNotEmpty();
        assertThat(asg.get("zeta").instances()).extracting(GroupInstance::healthy).containsExactly(false, true);
        assertThat(asg.get("zeta").instances()).extracting(GroupInstance::templateVersion).containsOnly(2L);

        RegionTwin b = a.twin();

        assertThat(b.exports()).isEqualTo(a.exports());
        assertThat(described(b)).isEqualTo(described(a));

        List<String> outcomes = new java.util.ArrayList<>();
        for (int step = 0; step < 12; step++) {
            for (RegionTwin t : new RegionTwin[] {a, b}) {
                if (step == 0) {
                    // merged into the reconcile already armed, which then takes the cause the group waits with
                    t.region.autoScaling().setInstanceProtection("alpha", List.of(t.region.autoScaling().get("alpha").instances()
                            .iterator().next().instanceId()), false);
                }
                if (step == 4) {
                    outcomes.add(attempt(() -> t.region.autoScaling().setDesiredCapacity("zeta", 1, true)));
                }
                if (step == 8) {
                    t.region.autoScaling().resumeProcesses("alpha", List.of("AlarmNotification"));
                }
                t.advance(TICK);
            }
            assertThat(described(b)).as("after step %d", step).isEqualTo(described(a));
            assertThat(b.pending()).as("timers after step %d", step).isEqualTo(a.pending());
        }
        assertThat(outcomes).hasSize(2).first().asString().contains("cooldown");
        assertThat(outcomes.get(1)).isEqualTo(outcomes.get(0));
        for (RegionTwin t : new RegionTwin[] {a, b}) {
            t.advance(Duration.ofSeconds(45));
            t.region.autoScaling().createGroup(new GroupRequest("delta", 0, 3, 2, new LaunchTemplateSpec(null, "nodes", "$Default"),
                    defaultSubnet(t, "us-east-1c"), null, null, null, null, null, null, null, null, null, null, null, null, Map.of()));
            t.region.autoScaling().setDesiredCapacity("alpha", 2, false);
            t.settle();
        }
        assertThat(b.region.autoScaling().get("delta").arn()).isEqualTo(a.region.autoScaling().get("delta").arn());
        assertThat(described(b)).isEqualTo(described(a));
        assertThat(b.pending()).isEqualTo(a.pending());
        assertThat(b.region.autoScaling().export()).isEqualTo(a.region.autoScaling().export());
        assertThat(b.region.launchTemplates().export()).isEqualTo(a.region.launchTemplates().export());
        if (networkSnapshotsExist()) {
            assertThat(b.exports()).isEqualTo(a.exports());
        }
    }

    @Test
    void theInstancesARestoredGroupLaunchesGetTheAddressesTheOriginalsGet() {
        assumeTrue(networkSnapshotsExist(), "the network's snapshot record holds nothing yet, so a twin cannot know the addresses taken");
        RegionTwin a = groupsMidLifecycle();
        RegionTwin b = a.twin();
        for (RegionTwin t : new RegionTwin[] {a, b}) {
            t.settle();
        }
        assertThat(addresses(b)).isEqualTo(addresses(a));
        assertThat(b.exports()).isEqualTo(a.exports());
    }

    private static String defaultSubnet(RegionTwin t, String zone) {
        return t.region.network().subnets().stream().filter(s -> s.defaultForAz() && s.zone().name().equals(zone)).map(Subnet::id)
                .findFirst().orElseThrow();
    }

    /**
     * What DescribeAutoScalingGroups, DescribeAutoScalingInstances, DescribeScalingActivities (deleted groups
     * included) and DescribeTags answer, and the EC2 states of the groups' instances.
     */
    private static List<String> described(RegionTwin t) {
        AutoScaling asg = t.region.autoScaling();
        List<String> out = new java.util.ArrayList<>();
        for (AutoScalingGroup g : asg.groups()) {
            out.add(String.join(" | ", g.name(), g.arn(), g.createdTime().toString(), String.valueOf(g.status().orElse(null)),
                    g.minSize() + "/" + g.maxSize() + "/" + g.desiredCapacity(), g.settings().toString(), g.tags().toString(),
                    g.suspendedProcesses().toString()));
        }
        for (AutoScaling.Membership m : asg.memberships(List.of())) {
            GroupInstance i = m.instance();
            Instance ec2 = t.region.instances().get(i.instanceId());
            out.add(String.join(" | ", m.group().name(), i.instanceId(), i.instanceType(), i.imageId(), i.availabilityZone(),
                    i.availabilityZoneId(), i.subnetId(), i.launchTemplate().toString(), i.launchTime().toString(), i.lifecycle().wireName(),
                    String.valueOf(i.healthy()), String.valueOf(i.protectedFromScaleIn()), ec2.state().wireName(), ec2.tags().toString()));
        }
        for (ScalingActivity a : asg.activities(null, true, List.of())) {
            out.add(String.join(" | ", a.id(), a.groupName(), a.groupArn(), String.valueOf(a.instanceId().orElse(null)), a.description(),
                    a.cause(), a.details(), a.startTime().toString(), String.valueOf(a.endTime().orElse(null)), a.status().wireName(),
                    String.valueOf(a.progress()), String.valueOf(a.statusMessage().orElse(null))));
        }
        asg.tags().forEach(tag -> out.add(tag.toString()));
        return out;
    }

    private static String attempt(Runnable call) {
        try {
            call.run();
            return "done";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    private static List<String> addresses(RegionTwin t) {
        return t.region.instances().all().stream().map(i -> i.id() + " " + i.privateIpAddress() + " " + i.primaryEniId()).toList();
    }

    private static boolean networkSnapshotsExist() {
        return NetworkRecord.class.getRecordComponents().length > 0;
    }
}
