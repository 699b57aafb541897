package dev.ecsnet.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * settle() runs lifecycle steps to the end, or fails loudly, naming them, when they never end; with a fresh account
 * per test it waits for that account's steps only. Any order of the tests passes: one that leaves a watcher armed
 * removes it before it ends.
 */
class SettleTest {
    @RegisterExtension
    static EcsnetExtension ECSNET = new EcsnetExtension();

    @Test
    void settleRunsAFargateTaskToRunningAndAdvanceMovesTheClock(Ec2Client ec2, EcsClient ecs) {
        String arn = runFargateTask(ec2, ecs);
        assertThat(ecs.describeTasks(r -> r.tasks(arn)).tasks().get(0).lastStatus()).isEqualTo("PROVISIONING");
        var before = ECSNET.now();
        ECSNET.settle();
        assertThat(ecs.describeTasks(r -> r.tasks(arn)).tasks().get(0).lastStatus()).isEqualTo("RUNNING");
        assertThat(ECSNET.now()).isAfter(before);
        var settled = ECSNET.now();
        ECSNET.advance(Duration.ofMinutes(5));
        assertThat(ECSNET.now()).isEqualTo(settled.plus(Duration.ofMinutes(5)));
    }

    @Test
    void settleFailsLoudlyWhenAServiceCanNeverBePlaced(Ec2Client ec2, EcsClient ecs) {
        String service = createServiceThatCanNeverBePlaced(ec2, ecs);
        var from = ECSNET.now();
        assertThatThrownBy(() -> ECSNET.settle(Duration.ofMinutes(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("settle() did not finish: after 1800 s of simulated time (from " + from)
                .hasMessageContaining("lifecycle step(s) of account " + ECSNET.accountId() + " are still pending")
                .hasMessageContaining("re-arms itself")
                .hasMessageContaining(": ecs.service.").hasMessageContaining(" " + service + " ")
                .hasMessageContaining(" in " + ECSNET.accountId() + "/" + ECSNET.region() + " due ")
                .hasMessageContaining("advance(Duration)");
        assertThat(ECSNET.now()).isEqualTo(from.plus(Duration.ofMinutes(30)));

        // the clock is the server's: left running, this service would keep every later test's settle() from finishing
        ecs.deleteService(r -> r.cluster("no-instances").service("waits").force(true));
        ECSNET.settle();
    }

    @Test
    void anotherAccountThatNeverSettlesDoesNotHoldThisTestsSettleUp(Ec2Client ec2, EcsClient ecs) {
        EcsnetAccount other = ECSNET.server().newAccount();
        try (EcsClient otherEcs = (EcsClient) SdkClients.build(EcsClient.class, ECSNET.endpoint(), ECSNET.region(), other);
             Ec2Client otherEc2 = (Ec2Client) SdkClients.build(Ec2Client.class, ECSNET.endpoint(), ECSNET.region(), other)) {
            createServiceThatCanNeverBePlaced(otherEc2, otherEcs);
            String arn = runFargateTask(ec2, ecs);

            ECSNET.settle(Duration.ofMinutes(30));
            assertThat(ecs.describeTasks(r -> r.tasks(arn)).tasks().get(0).lastStatus()).isEqualTo("RUNNING");
            // the whole server does not settle: the other account's service still waits for an instance
            assertThatThrownBy(() -> ECSNET.server().settle(Duration.ofMinutes(1)))
                    .hasMessageContaining(" in " + other.accountId() + "/");

            otherEcs.deleteService(r -> r.cluster("no-instances").service("waits").force(true));
        }
        ECSNET.server().settle();
    }

    private static String runFargateTask(Ec2Client ec2, EcsClient ecs) {
        String subnet = subnet(ec2);
        ecs.createCluster(r -> r.clusterName("default"));
        ecs.registerTaskDefinition(r -> r.family("app").networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE)
                .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("nginx:latest")));
        return ecs.runTask(r -> r.taskDefinition("app").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet)))).tasks().get(0).taskArn();
    }

    /** An EC2 service in a cluster without instances: its scheduler retries for ever. */
    private static String createServiceThatCanNeverBePlaced(Ec2Client ec2, EcsClient ecs) {
        String subnet = subnet(ec2);
        ecs.createCluster(r -> r.clusterName("no-instances"));
        ecs.registerTaskDefinition(r -> r.family("ec2-app").networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.EC2)
                .containerDefinitions(c -> c.name("app").image("nginx:latest").memory(128)));
        return ecs.createService(r -> r.cluster("no-instances").serviceName("waits").taskDefinition("ec2-app").desiredCount(1)
                .launchType(LaunchType.EC2).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet)))).service().serviceArn();
    }

    private static String subnet(Ec2Client ec2) {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        return ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
    }
}
