package dev.ecsnet.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsnet.app.cli.EcsnetCommand;
import dev.ecsnet.domain.common.TimingProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ecsnet diagnose} and {@code GET /_ecsnet/diagnose}: a server with {@code --egress ignore} runs these
 * tasks, and diagnose says they run only here (WARNING: AWS would stop them), naming the resource and the fix; once
 * fixed, it says nothing blocks.
 */
class DiagnoseIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension(TimingProfile.INSTANT);
    static final ObjectMapper JSON = new ObjectMapper();

    String vpc;
    String privateSubnet;
    String privateRt;
    String taskSg;

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
        privateSubnet = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        privateRt = ec2().createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2().associateRouteTable(r -> r.routeTableId(privateRt).subnetId(privateSubnet));
        taskSg = ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("task").description("task")).groupId();
        ecs().createCluster(r -> r.clusterName("web"));
        ecs().registerTaskDefinition(r -> r.family("web-app").networkMode(NetworkMode.AWSVPC).requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256").memory("512").executionRoleArn("arn:aws:iam::000000000000:role/exec")
                .containerDefinitions(ContainerDefinition.builder().name("app").image("123456789012.dkr.ecr.us-east-1.amazonaws.com/web-app:latest")
                        .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(Map.of("awslogs-group", "/ecs/web-app", "awslogs-region", "us-east-1")))
                        .build()));
    }

    List<String> run(String subnet, int count) {
        List<String> ids = ecs().runTask(r -> r.cluster("web").taskDefinition("web-app").launchType(LaunchType.FARGATE).count(count)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet).securityGroups(taskSg)))).tasks().stream()
                .map(t -> t.taskArn().substring(t.taskArn().lastIndexOf('/') + 1)).toList();
        ecsnet.settle();
        return ids;
    }

    JsonNode diagnose(String target) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(ecsnet.endpoint() + "/_ecsnet/diagnose?target=" + target)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    record CliRun(int exitCode, String out) {
    }

    CliRun cli(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            int code = new CommandLine(new EcsnetCommand()).execute(args);
            return new CliRun(code, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void aTaskWithNoWayOutIsExplainedByItsRouteTableAndRecoversOnceTheNatRouteExists() throws Exception {
        String task = run(privateSubnet, 1).get(0);
        JsonNode report = diagnose(task);
        assertThat(report.path("kind").asText()).isEqualTo("task");
        assertThat(report.path("region").asText()).isEqualTo("us-east-1");
        assertThat(report.path("account").asText()).isEqualTo("000000000000");
        JsonNode f = report.path("findings").get(0);
        assertThat(f.path("status").asText()).isEqualTo("WARNING");
        assertThat(f.path("resource").asText()).isEqualTo(privateRt);
        assertThat(f.path("message").asText()).isEqualTo("RUNNING here; AWS would stop it: route table " + privateRt + " of " + privateSubnet
                + " has no route to a NAT gateway or internet gateway and the VPC has no ecr.api endpoint: the registry auth cannot be fetched, so the image cannot be pulled");

        CliRun blocked = cli("diagnose", task, "--endpoint", ecsnet.endpoint().toString());
        assertThat(blocked.exitCode()).isEqualTo(1);
        assertThat(blocked.out()).startsWith("in us-east-1 (account 000000000000):\nWARNING  task " + task
                + ": RUNNING here; AWS would stop it: route table " + privateRt);

        String igw = ec2().createInternetGateway().internetGateway().internetGatewayId();
        ec2().attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        String publicSubnet = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.101.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        String publicRt = ec2().createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2().createRoute(r -> r.routeTableId(publicRt).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        ec2().associateRouteTable(r -> r.routeTableId(publicRt).subnetId(publicSubnet));
        String nat = ec2().createNatGateway(r -> r.subnetId(publicSubnet).allocationId(ec2().allocateAddress().allocationId())).natGateway().natGatewayId();
        ecsnet.settle();
        ec2().createRoute(r -> r.routeTableId(privateRt).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));
        assertThat(diagnose(task).path("findings").get(0).path("message").asText())
                .isEqualTo("RUNNING here; AWS would stop it: log group /ecs/web-app does not exist in us-east-1: create it, or set awslogs-create-group to true so that the awslogs driver creates it");
        try (var logs = ecsnet.configure(software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient.builder()).build()) {
            logs.createLogGroup(r -> r.logGroupName("/ecs/web-app"));
        }
        JsonNode fixed = diagnose(task).path("findings").get(0);
        assertThat(fixed.path("status").asText()).isEqualTo("OK");
        CliRun ok = cli("diagnose", task, "--endpoint", ecsnet.endpoint().toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).startsWith("in us-east-1 (account 000000000000):\nOK       task " + task + ": nothing blocks it (RUNNING");
    }

    @Test
    void ecrEndpointsWithoutS3GatewayNameTheMissingRoute() throws Exception {
        String sg = ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("vpce").description("vpce")).groupId();
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                .ipRanges(x -> x.cidrIp("10.0.0.0/16")).build()));
        for (String service : List.of("ecr.api", "ecr.dkr", "logs")) {
            ec2().createVpcEndpoint(r -> r.vpcId(vpc).vpcEndpointType(VpcEndpointType.INTERFACE).serviceName("com.amazonaws.us-east-1." + service)
                    .subnetIds(privateSubnet).securityGroupIds(sg).privateDnsEnabled(true));
        }
        ecsnet.settle();
        String task = run(privateSubnet, 1).get(0);
        assertThat(diagnose(task).path("findings").get(0).path("message").asText()).isEqualTo("RUNNING here; AWS would stop it: route table "
                + privateRt + " of " + privateSubnet + " has no route to a NAT gateway or internet gateway and no S3 gateway endpoint route: the image layers (in S3) cannot be downloaded");
    }

    @Test
    void anExhaustedSubnetIsNamedWithItsSizeAndTheTasksThatWait() throws Exception {
        String small = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.9.0/28").availabilityZone("us-east-1b")).subnet().subnetId();
        List<String> tasks = run(small, 10);
        tasks = new java.util.ArrayList<>(tasks);
        tasks.addAll(run(small, 2));
        String failed = tasks.stream().filter(id -> ecs().describeTasks(r -> r.cluster("web").tasks(id)).tasks().get(0).lastStatus().equals("STOPPED"))
                .findFirst().orElseThrow();
        JsonNode f = diagnose(failed).path("findings").get(0);
        assertThat(f.path("resource").asText()).isEqualTo(small);
        assertThat(f.path("message").asText()).startsWith("subnet " + small + " has 0 free addresses (a /28 holds 11; 11 held by ENIs); 1 task(s) could not get one");
        // AWS's standard fix: a secondary CIDR block for the VPC and a subnet in it
        assertThat(f.path("message").asText()).endsWith("; or give the VPC more addresses: aws ec2 associate-vpc-cidr-block --vpc-id " + vpc
                + " --cidr-block 100.64.0.0/16, then create a subnet in it (aws ec2 create-subnet --vpc-id " + vpc
                + " --cidr-block 100.64.0.0/24) and add it to the tasks' subnets");
        JsonNode cluster = diagnose("web");
        assertThat(cluster.path("kind").asText()).isEqualTo("cluster");
        // the 11 running tasks are one group (none stopped), the failed one is counted apart
        assertThat(cluster.path("findings")).anySatisfy(x -> {
            assertThat(x.path("subject").asText()).startsWith("11 tasks (0 stopped: ");
            assertThat(x.path("status").asText()).isEqualTo("WARNING");
        });
        assertThat(cluster.path("findings")).anySatisfy(x -> assertThat(x.path("subject").asText()).isEqualTo("task " + failed));
    }

    @Test
    void unknownTargetsAreAnErrorNotAnEmptyReport() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(ecsnet.endpoint() + "/_ecsnet/diagnose?target=nope")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("no task, cluster or service is named 'nope'");
        assertThat(cli("diagnose", "nope", "--endpoint", ecsnet.endpoint().toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void aServiceShortOfAddressesIsToldToAddASecondaryCidrTheVpcCanTake() throws Exception {
        String small = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.9.0/28").availabilityZone("us-east-1b")).subnet().subnetId();
        ec2().associateVpcCidrBlock(r -> r.vpcId(vpc).cidrBlock("100.64.0.0/16"));
        ecs().createService(r -> r.cluster("web").serviceName("web-app").taskDefinition("web-app").desiredCount(13).launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(small).securityGroups(taskSg))));
        ecsnet.advance(java.time.Duration.ofSeconds(30));
        JsonNode f = diagnose("web-app").path("findings").get(0);
        assertThat(f.path("resource").asText()).isEqualTo(small);
        assertThat(f.path("message").asText()).contains("tasks wait: add a subnet with free addresses to the service")
                .contains("aws ec2 associate-vpc-cidr-block --vpc-id " + vpc + " --cidr-block 100.65.0.0/16");
    }

    @Test
    void addressesKeptByCidrReservationsAreNamed() throws Exception {
        String small = ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.9.0/28").availabilityZone("us-east-1b")).subnet().subnetId();
        ec2().createSubnetCidrReservation(r -> r.subnetId(small).cidr("10.0.9.0/29").reservationType("explicit"));
        List<String> tasks = run(small, 8);
        String failed = tasks.stream().filter(id -> ecs().describeTasks(r -> r.cluster("web").tasks(id)).tasks().get(0).lastStatus().equals("STOPPED"))
                .findFirst().orElseThrow();
        assertThat(diagnose(failed).path("findings").get(0).path("message").asText())
                .startsWith("subnet " + small + " has 0 free addresses (a /28 holds 11; 7 held by ENIs; 4 more free but in subnet CIDR reservations)");
    }
}
