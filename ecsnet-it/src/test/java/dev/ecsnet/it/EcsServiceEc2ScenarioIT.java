package dev.ecsnet.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An awsvpc service on the EC2 launch type: with no instance it says there are none; a t3.medium runs 2 of its 3
 * tasks and the scheduler writes AWS's "unable to place a task ... RESOURCE:ENI" event once; a second instance
 * registers and the service reaches its count and a steady state.
 */
class EcsServiceEc2ScenarioIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private static final String USER_DATA = Base64.getEncoder().encodeToString(
            "#!/bin/bash\necho ECS_CLUSTER=ec2-demo >> /etc/ecs/ecs.config\n".getBytes(StandardCharsets.UTF_8));

    private List<String> messages() {
        return describe().events().stream().map(ServiceEvent::message).toList();
    }

    private Service describe() {
        return ecsnet.ecs().describeServices(r -> r.cluster("ec2-demo").services("api")).services().get(0);
    }

    @Test
    void aServiceThatCannotBePlacedSaysWhyAndRecoversWhenCapacityArrives() {
        NetFixture net = new NetFixture(ecsnet.ec2());
        String vpc = net.vpc("10.0.0.0/16");
        String subnet = net.subnet(vpc, "10.0.1.0/24", "us-east-1a");
        String sg = ecsnet.ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("api").description("api")).groupId();
        ecsnet.ecs().createCluster(r -> r.clusterName("ec2-demo"));
        ecsnet.ecs().registerTaskDefinition(r -> r.family("api").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.EC2).cpu("128").memory("256")
                .containerDefinitions(c -> c.name("app").image("nginx").portMappings(p -> p.containerPort(8080))));
        ecsnet.ecs().createService(r -> r.cluster("ec2-demo").serviceName("api").taskDefinition("api").desiredCount(3)
                .launchType(LaunchType.EC2).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet).securityGroups(sg))));
        ecsnet.advance(Duration.ofSeconds(5));
        assertThat(messages()).contains("(service api) was unable to place a task. Reason: No Container Instances were found in your "
                + "cluster. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.");

        String ami = ecsnet.ec2().describeImages(r -> r.owners("amazon").filters(Filter.builder().name("name")
                .values("al2023-ami-ecs-hvm-*-x86_64").build())).images().get(0).imageId();
        ecsnet.ec2().runInstances(r -> r.imageId(ami).instanceType(InstanceType.T3_MEDIUM).minCount(1).maxCount(1)
                .subnetId(subnet).securityGroupIds(sg).userData(USER_DATA));
        ecsnet.advance(Duration.ofSeconds(30));
        assertThat(describe().runningCount()).isEqualTo(2);
        String ci = ecsnet.ecs().listContainerInstances(r -> r.cluster("ec2-demo")).containerInstanceArns().get(0);
        String ciId = ci.substring(ci.lastIndexOf('/') + 1);
        String unplaced = "(service api) was unable to place a task because no container instance met all of its requirements. "
                + "The closest matching (container-instance " + ciId + ") encountered error \"RESOURCE:ENI\". "
                + "For more information, see the Troubleshooting section.";
        assertThat(messages()).contains(unplaced);
        assertThat(messages().stream().filter(unplaced::equals)).hasSize(1);

        ecsnet.ec2().runInstances(r -> r.imageId(ami).instanceType(InstanceType.T3_MEDIUM).minCount(1).maxCount(1)
                .subnetId(subnet).securityGroupIds(sg).userData(USER_DATA));
        ecsnet.advance(Duration.ofSeconds(30));
        assertThat(describe().runningCount()).isEqualTo(3);
        assertThat(messages().get(0)).isEqualTo("(service api) has reached a steady state.");
    }
}
