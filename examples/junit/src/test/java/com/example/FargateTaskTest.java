package com.example;

import dev.ecsnet.junit.EcsnetExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FargateTaskTest {
    // one emulator for the class, on a free port of 127.0.0.1; each test method gets a fresh account of its own
    @RegisterExtension
    static EcsnetExtension ECSNET = new EcsnetExtension();

    @Test
    void aFargateTaskGetsAnAddressInItsSubnet(Ec2Client ec2, EcsClient ecs) {
        // the clients come configured: ECSNET.endpoint(), ECSNET.region() and the test's account's keys
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        Subnet subnet = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a")).subnet();
        assertEquals(251, subnet.availableIpAddressCount()); // 256 less the 5 addresses AWS reserves

        ecs.createCluster(r -> r.clusterName("web"));
        ecs.registerTaskDefinition(r -> r.family("web-app").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx:latest")));
        String taskArn = ecs.runTask(r -> r.cluster("web").taskDefinition("web-app").launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet.subnetId()))))
                .tasks().get(0).taskArn();

        ECSNET.settle(); // the manual clock moves on until the task is through PROVISIONING and PENDING

        Task task = ecs.describeTasks(r -> r.cluster("web").tasks(taskArn)).tasks().get(0);
        assertEquals("RUNNING", task.lastStatus());
        String ip = detail(task, "privateIPv4Address");
        assertTrue(ip.startsWith("10.0.1."), ip);
        String eniId = detail(task, "networkInterfaceId");
        assertEquals(ip, ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eniId))
                .networkInterfaces().get(0).privateIpAddress());
        assertEquals(250, ec2.describeSubnets(r -> r.subnetIds(subnet.subnetId()))
                .subnets().get(0).availableIpAddressCount());
    }

    private static String detail(Task task, String name) {
        return task.attachments().get(0).details().stream()
                .filter(d -> d.name().equals(name)).findFirst().orElseThrow().value();
    }
}
