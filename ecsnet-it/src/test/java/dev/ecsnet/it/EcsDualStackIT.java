package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ECS awsvpc tasks in dual-stack subnets: with the {@code dualStackIPv6} account setting a task's ENI gets an IPv6
 * address (attachment detail {@code ipv6Address}, {@code containers[].networkInterfaces[].ipv6Address}); without it,
 * or in an IPv4-only subnet, nothing changes. Tasks also run in subnets of a secondary VPC CIDR.
 */
class EcsDualStackIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private NetFixture net;
    private String vpc;
    private String dualStack;
    private String ipv4Only;

    @BeforeEach
    void network() {
        net = new NetFixture(ecsnet.ec2());
        vpc = net.dualStackVpc("10.0.0.0/16");
        ecsnet.advance(Duration.ofSeconds(1));
        String slash64 = NetFixture.slash64(net.ipv6Block(vpc), 1);
        dualStack = ecsnet.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").ipv6CidrBlock(slash64).availabilityZone("us-east-1a"))
                .subnet().subnetId();
        ipv4Only = net.subnet(vpc, "10.0.2.0/24", "us-east-1b");
        ecsnet.advance(Duration.ofSeconds(1));
        EcsTaskIT.registerWebApp(ecsnet);
        ecsnet.ecs().createCluster(r -> r.clusterName("web"));
    }

    private Task run(String subnet) {
        String arn = ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition("web-app").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet)))).tasks().get(0).taskArn();
        ecsnet.settle();
        return ecsnet.ecs().describeTasks(r -> r.cluster("web").tasks(arn)).tasks().get(0);
    }

    private static Map<String, String> details(Task t) {
        return t.attachments().get(0).details().stream().collect(Collectors.toMap(KeyValuePair::name, KeyValuePair::value,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private List<String> eniIpv6(String eniId) {
        return ecsnet.ec2().describeNetworkInterfaces(r -> r.networkInterfaceIds(eniId)).networkInterfaces().get(0).ipv6Addresses()
                .stream().map(a -> a.ipv6Address()).toList();
    }

    private void dualStackSetting(String value) {
        ecsnet.ecs().putAccountSettingDefault(r -> r.name("dualStackIPv6").value(value));
    }

    @Test
    void withTheSettingATaskInADualStackSubnetGetsAnIpv6Address() {
        dualStackSetting("enabled");
        Task t = run(dualStack);
        assertThat(t.lastStatus()).isEqualTo("RUNNING");
        Map<String, String> d = details(t);
        assertThat(d.keySet()).containsExactly("subnetId", "networkInterfaceId", "macAddress", "privateDnsName", "privateIPv4Address", "ipv6Address");
        String v6 = d.get("ipv6Address");
        assertThat(v6).startsWith(NetFixture.slash64(net.ipv6Block(vpc), 1).replace("::/64", ":"));
        assertThat(t.containers().get(0).networkInterfaces()).singleElement().satisfies(n -> {
            assertThat(n.ipv6Address()).isEqualTo(v6);
            assertThat(n.privateIpv4Address()).isEqualTo(d.get("privateIPv4Address"));
        });
        assertThat(eniIpv6(d.get("networkInterfaceId"))).containsExactly(v6);
        ecsnet.ecs().stopTask(r -> r.cluster("web").task(t.taskArn()));
        ecsnet.settle();
        // the stopped task's ENI is gone and its address is free again
        assertThat(ecsnet.ec2().createNetworkInterface(r -> r.subnetId(dualStack).ipv6Addresses(a -> a.ipv6Address(v6))).networkInterface()
                .ipv6Addresses()).hasSize(1);
    }

    @Test
    void withoutTheSettingNothingChangesEvenWhenTheSubnetAssignsIpv6() {
        ecsnet.ec2().modifySubnetAttribute(r -> r.subnetId(dualStack).assignIpv6AddressOnCreation(AttributeBooleanValue.builder().value(true).build()));
        Task t = run(dualStack);
        assertThat(details(t)).doesNotContainKey("ipv6Address");
        assertThat(t.containers().get(0).networkInterfaces().get(0).ipv6Address()).isNull();
        assertThat(eniIpv6(details(t).get("networkInterfaceId"))).isEmpty();
    }

    @Test
    void inAnIpv4OnlySubnetTheSettingChangesNothing() {
        dualStackSetting("enabled");
        Task t = run(ipv4Only);
        assertThat(t.lastStatus()).isEqualTo("RUNNING");
        assertThat(details(t)).doesNotContainKey("ipv6Address");
        assertThat(t.containers().get(0).networkInterfaces().get(0).ipv6Address()).isNull();
    }

    @Test
    void tasksRunInASubnetOfASecondaryCidr() {
        ecsnet.ec2().associateVpcCidrBlock(r -> r.vpcId(vpc).cidrBlock("100.64.0.0/16"));
        ecsnet.advance(Duration.ofSeconds(1));
        String secondary = net.subnet(vpc, "100.64.0.0/24", "us-east-1c");
        Task t = run(secondary);
        assertThat(t.lastStatus()).isEqualTo("RUNNING");
        assertThat(details(t).get("privateIPv4Address")).startsWith("100.64.0.");
        assertThat(net.available(secondary)).isEqualTo(250);
    }
}
