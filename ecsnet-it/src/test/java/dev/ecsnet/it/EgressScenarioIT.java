package dev.ecsnet.it;

import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code --egress enforce}: a Fargate task reaches RUNNING only if its ENI can reach the registry, the layer
 * store and CloudWatch Logs, and its log group exists; otherwise it stops with AWS's state and reason. Each case
 * is fixed the way a user fixes it, and the next task runs.
 */
class EgressScenarioIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension(TimingProfile.FAST, EgressPolicy.ENFORCE);
    static CloudWatchLogsClient logs;
    static final String ECR_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/web-app:latest";

    String vpc;
    String publicSubnet;
    String privateSubnet;
    String privateRt;
    String taskSg;

    @BeforeAll
    static void clients() {
        logs = ecsnet.configure(CloudWatchLogsClient.builder()).build();
    }

    @AfterAll
    static void close() {
        logs.close();
    }

    Ec2Client ec2() {
        return ecsnet.ec2();
    }

    EcsClient ecs() {
        return ecsnet.ecs();
    }

    @BeforeEach
    void network() {
        vpc = ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        ec2().modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(b -> b.value(true)));
        publicSubnet = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.101.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        privateSubnet = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        privateRt = ec2().createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2().associateRouteTable(r -> r.routeTableId(privateRt).subnetId(privateSubnet));
        taskSg = ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("task").description("task")).groupId();
        ecs().createCluster(r -> r.clusterName("web"));
        logs.createLogGroup(r -> r.logGroupName("/ecs/web-app"));
        register("web-app", ECR_IMAGE, "/ecs/web-app", false);
    }

    void register(String family, String image, String logGroup, boolean createGroup) {
        Map<String, String> options = createGroup
                ? Map.of("awslogs-group", logGroup, "awslogs-region", "us-east-1", "awslogs-stream-prefix", "ecs", "awslogs-create-group", "true")
                : Map.of("awslogs-group", logGroup, "awslogs-region", "us-east-1", "awslogs-stream-prefix", "ecs");
        ecs().registerTaskDefinition(r -> r.family(family).networkMode(NetworkMode.AWSVPC).requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256").memory("512").executionRoleArn("arn:aws:iam::000000000000:role/exec")
                .containerDefinitions(ContainerDefinition.builder().name("app").image(image).essential(true)
                        .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(options)).build()));
    }

    Task run(String family, String subnet, boolean publicIp) {
        String arn = ecs().runTask(r -> r.cluster("web").taskDefinition(family).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet).securityGroups(taskSg)
                        .assignPublicIp(publicIp ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED)))).tasks().get(0).taskArn();
        ecsnet.settle();
        return ecs().describeTasks(r -> r.cluster("web").tasks(arn)).tasks().get(0);
    }

    void assertFailedToStart(Task t, String reasonStart, String... contains) {
        assertThat(t.lastStatus()).isEqualTo("STOPPED");
        assertThat(t.stopCodeAsString()).isEqualTo("TaskFailedToStart");
        assertThat(t.stoppedReason()).startsWith(reasonStart);
        for (String part : contains) {
            assertThat(t.stoppedReason()).contains(part);
        }
        assertThat(t.startedAt()).isNull();
    }

    void natGateway() {
        String igw = ec2().createInternetGateway().internetGateway().internetGatewayId();
        ec2().attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        String publicRt = ec2().createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2().createRoute(r -> r.routeTableId(publicRt).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        ec2().associateRouteTable(r -> r.routeTableId(publicRt).subnetId(publicSubnet));
        String eip = ec2().allocateAddress(r -> r.domain("vpc")).allocationId();
        String nat = ec2().createNatGateway(r -> r.subnetId(publicSubnet).allocationId(eip)).natGateway().natGatewayId();
        ecsnet.settle();
        ec2().createRoute(r -> r.routeTableId(privateRt).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));
    }

    String endpointSg() {
        String sg = ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("vpce").description("vpce")).groupId();
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                .ipRanges(x -> x.cidrIp("10.0.0.0/16")).build()));
        return sg;
    }

    void interfaceEndpoint(String service, String sg) {
        ec2().createVpcEndpoint(r -> r.vpcId(vpc).vpcEndpointType(VpcEndpointType.INTERFACE).serviceName("com.amazonaws.us-east-1." + service)
                .subnetIds(privateSubnet).securityGroupIds(sg).privateDnsEnabled(true));
        ecsnet.settle();
    }

    @Test
    void privateSubnetWithoutNatOrEndpointsCannotGetRegistryAuthUntilANatRouteIsAdded() {
        assertFailedToStart(run("web-app", privateSubnet, false),
                "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth",
                "Post \"https://api.ecr.us-east-1.amazonaws.com/\"", ":443: i/o timeout. Please check your task network configuration.");
        natGateway();
        assertThat(run("web-app", privateSubnet, false).lastStatus()).isEqualTo("RUNNING");
    }

    @Test
    void ecrEndpointsWithoutTheS3GatewayEndpointCannotFetchLayers() {
        String sg = endpointSg();
        interfaceEndpoint("ecr.api", sg);
        interfaceEndpoint("ecr.dkr", sg);
        interfaceEndpoint("logs", sg);
        assertFailedToStart(run("web-app", privateSubnet, false), "CannotPullContainerError: ref pull has been retried 5 time(s)",
                "prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com");
        ec2().createVpcEndpoint(r -> r.vpcId(vpc).vpcEndpointType(VpcEndpointType.GATEWAY).serviceName("com.amazonaws.us-east-1.s3")
                .routeTableIds(privateRt));
        assertThat(run("web-app", privateSubnet, false).lastStatus()).isEqualTo("RUNNING");
    }

    @Test
    void onlyTheEcrApiEndpointStillLacksTheRegistryItself() {
        interfaceEndpoint("ecr.api", endpointSg());
        assertFailedToStart(run("web-app", privateSubnet, false), "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref "
                + "123456789012.dkr.ecr.us-east-1.amazonaws.com/web-app:latest");
    }

    @Test
    void publicSubnetNeedsAssignPublicIp() {
        String igw = ec2().createInternetGateway().internetGateway().internetGatewayId();
        ec2().attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        String publicRt = ec2().createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2().createRoute(r -> r.routeTableId(publicRt).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        ec2().associateRouteTable(r -> r.routeTableId(publicRt).subnetId(publicSubnet));
        assertFailedToStart(run("web-app", publicSubnet, false), "ResourceInitializationError: unable to pull secrets or registry auth");
        assertThat(run("web-app", publicSubnet, true).lastStatus()).isEqualTo("RUNNING");
    }

    @Test
    void missingLogGroupFailsTheTaskUntilItIsCreated() {
        natGateway();
        register("no-group", ECR_IMAGE, "/ecs/missing", false);
        assertFailedToStart(run("no-group", privateSubnet, false), "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: "
                + "failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1");
        logs.createLogGroup(r -> r.logGroupName("/ecs/missing"));
        assertThat(run("no-group", privateSubnet, false).lastStatus()).isEqualTo("RUNNING");
    }

    @Test
    void awslogsCreateGroupCreatesTheGroupAsTheAgentDoes() {
        natGateway();
        register("creates-group", ECR_IMAGE, "/ecs/created", true);
        assertThat(run("creates-group", privateSubnet, false).lastStatus()).isEqualTo("RUNNING");
        assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("/ecs/created")).logGroups()).hasSize(1);
    }

    @Test
    void publicRegistryImagesNeedTheInternetEvenWithEcrEndpoints() {
        String sg = endpointSg();
        interfaceEndpoint("ecr.api", sg);
        interfaceEndpoint("ecr.dkr", sg);
        interfaceEndpoint("logs", sg);
        register("nginx", "nginx:1.27", "/ecs/web-app", false);
        assertFailedToStart(run("nginx", privateSubnet, false), "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref nginx:1.27",
                "registry-1.docker.io");
        natGateway();
        assertThat(run("nginx", privateSubnet, false).lastStatus()).isEqualTo("RUNNING");
    }

    @Test
    void aFailedTaskGivesItsAddressBack() {
        int before = ec2().describeSubnets(r -> r.subnetIds(privateSubnet)).subnets().get(0).availableIpAddressCount();
        Task t = run("web-app", privateSubnet, false);
        assertThat(t.lastStatus()).isEqualTo("STOPPED");
        assertThat(ec2().describeSubnets(r -> r.subnetIds(privateSubnet)).subnets().get(0).availableIpAddressCount()).isEqualTo(before);
        assertThat(ec2().describeNetworkInterfaces(r -> r.filters(f -> f.name("subnet-id").values(privateSubnet))).networkInterfaces()).isEmpty();
        assertThat(List.of(t.pullStartedAt() != null, t.pullStoppedAt() == null)).containsOnly(true);
    }
}
