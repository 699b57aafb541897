package dev.ecsnet.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsnet.app.cli.EcsnetCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed stack's security groups (as in ../shared/scenarios/tf-seed-stack/security.tf), an ALB and the web-app
 * service with 3 tasks, and the four reachability questions the seed asks: ALB→web:8080 allowed,
 * web→database:5432 allowed, worker→web:8080 blocked (naming the missing rule), api→cache:6379 allowed. Asked
 * through {@code ecsnet reach} and, with the AWS CLI when present, through EC2 Network Insights.
 */
class ReachScenarioIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();
    static ElasticLoadBalancingV2Client elb;
    static final ObjectMapper JSON = new ObjectMapper();

    String vpc;
    String albSg;
    String webSg;
    String workerSg;
    String databaseSg;
    String cacheSg;
    String apiSg;
    List<String> privateSubnets;

    @BeforeAll
    static void clients() {
        elb = ecsnet.configure(ElasticLoadBalancingV2Client.builder()).build();
    }

    @AfterAll
    static void close() {
        elb.close();
    }

    Ec2Client ec2() {
        return ecsnet.ec2();
    }

    String group(String name, String description) {
        String id = ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName(name).description(description)).groupId();
        return id;
    }

    void ingress(String group, int port, String fromGroup) {
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
                .userIdGroupPairs(UserIdGroupPair.builder().groupId(fromGroup).build()).build()));
    }

    @BeforeEach
    void seedStack() {
        NetFixture net = new NetFixture(ec2());
        vpc = net.vpc("10.0.0.0/16");
        net.attachedIgw(vpc);
        String publicA = net.subnet(vpc, "10.0.101.0/24", "us-east-1a");
        String publicB = net.subnet(vpc, "10.0.102.0/24", "us-east-1b");
        privateSubnets = List.of(net.subnet(vpc, "10.0.1.0/24", "us-east-1a"), net.subnet(vpc, "10.0.2.0/24", "us-east-1b"),
                net.subnet(vpc, "10.0.3.0/24", "us-east-1c"));
        albSg = group("seed-alb", "ALB: HTTP from anywhere");
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(albSg).ipPermissions(p -> p.ipProtocol("tcp").fromPort(80).toPort(80).ipRanges(x -> x.cidrIp("0.0.0.0/0"))));
        webSg = group("seed-web-task", "web-app tasks: 8080 only from the ALB");
        ingress(webSg, 8080, albSg);
        workerSg = group("seed-worker-task", "worker tasks: egress only");
        databaseSg = group("seed-database", "database: 5432 from web tasks");
        ingress(databaseSg, 5432, webSg);
        cacheSg = group("seed-cache-task", "cache tasks: 6379 from api tasks");
        apiSg = group("seed-api-task", "api tasks");
        ingress(cacheSg, 6379, apiSg);

        String lb = elb.createLoadBalancer(r -> r.name("seed-alb").subnets(publicA, publicB).securityGroups(albSg)).loadBalancers().get(0).loadBalancerArn();
        String tg = elb.createTargetGroup(r -> r.name("seed-web").protocol("HTTP").port(8080).vpcId(vpc).targetType("ip")).targetGroups().get(0).targetGroupArn();
        elb.createListener(r -> r.loadBalancerArn(lb).port(80).protocol("HTTP").defaultActions(a -> a.type("forward").targetGroupArn(tg)));
        ecsnet.ecs().createCluster(r -> r.clusterName("seed"));
        ecsnet.ecs().registerTaskDefinition(r -> r.family("web-app").networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE)
                .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("nginx").portMappings(p -> p.containerPort(8080))));
        ecsnet.ecs().createService(r -> r.cluster("seed").serviceName("web-app").taskDefinition("web-app").desiredCount(3).launchType(LaunchType.FARGATE)
                .loadBalancers(l -> l.targetGroupArn(tg).containerName("app").containerPort(8080))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(privateSubnets).securityGroups(webSg))));
        ecsnet.advance(Duration.ofSeconds(30));
    }

    JsonNode reach(String source, String destination, int port) throws Exception {
        String q = "source=" + URLEncoder.encode(source, StandardCharsets.UTF_8) + "&destination=" + URLEncoder.encode(destination, StandardCharsets.UTF_8)
                + "&port=" + port;
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ecsnet.endpoint() + "/_ecsnet/reach?" + q)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("answers");
    }

    @Test
    void theSeedsFourQuestionsAnswerAsTheStackIntends() throws Exception {
        JsonNode albToWeb = reach("seed-alb", "web-app", 8080);
        assertThat(albToWeb).hasSize(6);  // 2 ALB nodes x 3 tasks
        assertThat(albToWeb).allSatisfy(a -> {
            assertThat(a.path("allowed").asBoolean()).as(a.toString()).isTrue();
            assertThat(a.path("allowedBy").findValuesAsText("rule")).anySatisfy(r -> assertThat(r).contains("tcp 8080 from " + albSg));
        });

        JsonNode webToDb = reach("web-app", "seed-database", 5432);
        assertThat(webToDb).hasSize(3).allSatisfy(a -> assertThat(a.path("allowed").asBoolean()).isTrue());
        assertThat(webToDb.get(0).path("allowedBy").findValuesAsText("rule")).anySatisfy(r -> assertThat(r).contains("tcp 5432 from " + webSg));

        JsonNode workerToWeb = reach(workerSg, "web-app", 8080);
        assertThat(workerToWeb).hasSize(3).allSatisfy(a -> {
            assertThat(a.path("allowed").asBoolean()).isFalse();
            assertThat(a.path("explanationCode").asText()).isEqualTo("ENI_SG_RULES_MISMATCH");
            assertThat(a.path("blockedBy").asText()).contains("admit tcp 8080 only from " + albSg).contains("carrying " + workerSg);
        });

        assertThat(reach("seed-api-task", "seed-cache-task", 6379)).allSatisfy(a -> assertThat(a.path("allowed").asBoolean()).isTrue());
        assertThat(reach("seed-api-task", "seed-cache-task", 6380)).allSatisfy(a -> assertThat(a.path("allowed").asBoolean()).isFalse());
    }

    @Test
    void theCommandLineSaysTheSameAndExitsNonZeroWhenBlocked() {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int blocked;
        int allowed;
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            blocked = new CommandLine(new EcsnetCommand()).execute("reach", "seed-worker-task", "web-app", "8080", "--endpoint", ecsnet.endpoint().toString());
            allowed = new CommandLine(new EcsnetCommand()).execute("reach", "seed-api-task", "seed-cache-task", "6379", "--endpoint", ecsnet.endpoint().toString());
        } finally {
            System.setOut(saved);
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(blocked).isEqualTo(1);
        assertThat(allowed).isZero();
        assertThat(out.lines().filter(l -> l.startsWith("BLOCKED  an interface in ")).count()).isEqualTo(3);
        assertThat(out).contains("[ENI_SG_RULES_MISMATCH]").contains("ALLOWED  an interface in ");
    }

    @Test
    void networkInsightsThroughTheAwsCliAgrees() throws Exception {
        Scenarios.requireTools("aws");
        String taskEni = ec2().describeNetworkInterfaces(r -> r.filters(f -> f.name("group-id").values(webSg))).networkInterfaces().get(0).networkInterfaceId();
        String albEni = ec2().describeNetworkInterfaces(r -> r.filters(f -> f.name("group-id").values(albSg))).networkInterfaces().get(0).networkInterfaceId();
        String workerEni = ec2().createNetworkInterface(r -> r.subnetId(privateSubnets.get(0)).groups(workerSg)).networkInterface().networkInterfaceId();
        assertThat(cliAnalysis(albEni, taskEni, 8080)).isEqualTo("succeeded\tTrue\tNone");
        assertThat(cliAnalysis(workerEni, taskEni, 8080)).isEqualTo("succeeded\tFalse\tENI_SG_RULES_MISMATCH");
    }

    private String cliAnalysis(String source, String destination, int port) throws Exception {
        String path = aws("ec2", "create-network-insights-path", "--source", source, "--destination", destination, "--protocol", "tcp",
                "--destination-port", Integer.toString(port), "--query", "NetworkInsightsPath.NetworkInsightsPathId", "--output", "text");
        String analysis = aws("ec2", "start-network-insights-analysis", "--network-insights-path-id", path,
                "--query", "NetworkInsightsAnalysis.NetworkInsightsAnalysisId", "--output", "text");
        ecsnet.advance(Duration.ofSeconds(1));
        return aws("ec2", "describe-network-insights-analyses", "--network-insights-analysis-ids", analysis,
                "--query", "NetworkInsightsAnalyses[0].[Status,NetworkPathFound,Explanations[0].ExplanationCode]", "--output", "text");
    }

    private String aws(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("aws", "--endpoint-url", ecsnet.endpoint().toString()));
        command.addAll(List.of(args));
        Scenarios.Result r = Scenarios.run(command, Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_DEFAULT_REGION", "us-east-1", "AWS_PAGER", ""), Path.of("."), 60);
        assertThat(r.exitCode()).as(r.output()).isZero();
        return r.output().trim();
    }
}
