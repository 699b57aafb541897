package dev.ecsnet.domain.autoscaling;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.TimerQueue;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.ec2.Images;
import dev.ecsnet.domain.ec2.InstanceState;
import dev.ecsnet.domain.ec2.Instances;
import dev.ecsnet.domain.ec2.LaunchTemplateData;
import dev.ecsnet.domain.ec2.LaunchTemplates;
import dev.ecsnet.domain.net.Network;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain API another service drives a group through (ECS capacity providers: desired capacity with its own
 * cause, scale-in protection, the instances with their lifecycle states, the group's tags), on INSTANT timing with
 * a hand-run scheduler.
 */
class AutoScalingTest {
    private final TimerQueue due = new TimerQueue(() -> Instant.parse("2026-05-01T08:00:00Z"));
    private final IdSource ids = new IdSource(3);
    private final Instant now = Instant.parse("2026-05-01T08:00:00Z");
    private final Network network = new Network("123456789012", "us-east-1", ids, () -> now);
    private final Instances instances = new Instances(network, ids, () -> now, due.timers(), TimingProfile.INSTANT);
    private final LaunchTemplates templates = new LaunchTemplates(network, ids, () -> now);
    private final AutoScaling autoScaling = new AutoScaling(new AccountRegion("123456789012", "us-east-1"), ids, () -> now,
            due.timers(), TimingProfile.INSTANT, network, instances, templates);

    private void settle() {
        due.runAll(1000);
    }

    private AutoScalingGroup group() {
        String vpc = network.createVpc("10.0.0.0/16", "default", Map.of()).id();
        String a = network.createSubnet(vpc, "10.0.1.0/24", "us-east-1a", null, Map.of()).id();
        String b = network.createSubnet(vpc, "10.0.2.0/24", "us-east-1b", null, Map.of()).id();
        String lt = templates.create("nodes", null, new LaunchTemplateData(Map.of("ImageId", Images.all().get(0).imageId(),
                "InstanceType", "t3.medium")), Map.of(), null).id();
        return autoScaling.createGroup(new GroupRequest("ecs", 0, 4, 0, new LaunchTemplateSpec(lt, null, "$Latest"), a + "," + b, null, null,
                null, null, null, null, true, null, null, null, null, null, Map.of()));
    }

    @Test
    void anotherServiceScalesTheGroupWithItsOwnCauseAndSeesTheInstancesLifecycle() {
        AutoScalingGroup g = group();
        autoScaling.setDesiredCapacity("ecs", 2, false, "a monitor alarm TargetTracking-ecs-AlarmHigh in state ALARM triggered policy ecs-managed");
        settle();
        assertThat(g.instances()).extracting(GroupInstance::lifecycle).containsExactly(LifecycleState.IN_SERVICE, LifecycleState.IN_SERVICE);
        assertThat(g.instances()).allMatch(GroupInstance::protectedFromScaleIn);
        assertThat(autoScaling.activities("ecs", false, List.of())).allSatisfy(a -> assertThat(a.cause()).startsWith(
                "At 2026-05-01T08:00:00Z a monitor alarm TargetTracking-ecs-AlarmHigh in state ALARM triggered policy ecs-managed changing the "
                        + "desired capacity from 0 to 2.  At 2026-05-01T08:00:00Z an instance was started"));

        autoScaling.tag("ecs", "AmazonECSManaged", "", true);
        assertThat(g.tags()).containsExactly(new GroupTag("AmazonECSManaged", "", true));

        autoScaling.setDesiredCapacity("ecs", 1, false);
        settle();
        assertThat(g.capacity()).as("protected instances stay").hasSize(2);
        GroupInstance released = g.instances().iterator().next();
        autoScaling.setInstanceProtection("ecs", List.of(released.instanceId()), false);
        settle();
        assertThat(g.instances()).extracting(GroupInstance::instanceId).doesNotContain(released.instanceId());
        assertThat(instances.get(released.instanceId()).state()).isEqualTo(InstanceState.TERMINATED);
    }
}
