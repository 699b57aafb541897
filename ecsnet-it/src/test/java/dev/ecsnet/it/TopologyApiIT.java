package dev.ecsnet.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read endpoints behind the topology page, on the seed stack's shape built through the SDK: what holds each ENI
 * (tasks, the NAT gateway, endpoints, load balancer nodes), subnets' counts and route tables, group-reference rules,
 * target health, task and service views, the state version and the page's files.
 */
class TopologyApiIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static ElasticLoadBalancingV2Client elb;

    @BeforeAll
    static void clients() {
        elb = ecsnet.configure(ElasticLoadBalancingV2Client.builder()).build();
    }

    @AfterAll
    static void close() {
        elb.close();
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ecsnet.endpoint() + pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static long version() throws Exception {
        return json("/_ecsnet/version").path("version").asLong();
    }

    static SeedStack seed() {
        SeedStack stack = new SeedStack(ecsnet.ec2(), ecsnet.ecs(), elb, () -> ecsnet.advance(Duration.ofSeconds(5)));
        ecsnet.advance(Duration.ofSeconds(60));
        return stack;
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** The {@code field} of each element (not of elements nested deeper, as Jackson's findValues would). */
    static List<String> each(JsonNode array, String field) {
        return list(array).stream().map(n -> n.path(field).asText()).toList();
    }

    static JsonNode find(JsonNode array, String field, String value) {
        return list(array).stream().filter(n -> n.path(field).asText().equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + "=" + value + " in " + array));
    }

    @Test
    void theTopologyNamesWhatHoldsEachEniAndEachSubnetsWayOut() throws Exception {
        SeedStack stack = seed();
        JsonNode topo = json("/_ecsnet/topology");
        assertThat(topo.path("exists").asBoolean()).isTrue();
        JsonNode vpc = find(topo.path("vpcs"), "id", stack.vpc);
        assertThat(vpc.path("name").asText()).isEqualTo("seed-vpc");
        assertThat(each(vpc.path("cidrBlocks"), "cidr")).containsExactly("10.0.0.0/16");
        assertThat(each(vpc.path("subnets"), "cidr")).containsExactly(
                "10.0.1.0/24", "10.0.101.0/24", "10.0.2.0/24", "10.0.102.0/24", "10.0.3.0/24", "10.0.103.0/24");

        List<Task> tasks = ecsnet.ecs().describeTasks(r -> r.cluster("seed-cluster").tasks(ecsnet.ecs().listTasks(x -> x.cluster("seed-cluster"))
                .taskArns())).tasks();
        assertThat(tasks).hasSize(3).allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING"));
        List<String> holders = new ArrayList<>();
        for (String subnetId : stack.privateSubnets) {
            JsonNode subnet = find(vpc.path("subnets"), "id", subnetId);
            List<NetworkInterface> enis = ecsnet.ec2().describeNetworkInterfaces(r -> r.filters(NetFixture.filter("subnet-id", subnetId)))
                    .networkInterfaces();
            int available = ecsnet.ec2().describeSubnets(r -> r.subnetIds(subnetId)).subnets().get(0).availableIpAddressCount();
            assertThat(subnet.path("usable").asInt()).isEqualTo(251);
            assertThat(subnet.path("free").asInt()).isEqualTo(available);
            assertThat(subnet.path("used").asInt()).isEqualTo(251 - available).isEqualTo(enis.size());
            assertThat(each(subnet.path("enis"), "id")).containsExactlyInAnyOrderElementsOf(
                    enis.stream().map(NetworkInterface::networkInterfaceId).toList());
            assertThat(subnet.path("routeTableId").asText()).isEqualTo(stack.privateRouteTable);
            list(subnet.path("enis")).forEach(e -> holders.add(e.path("holder").path("kind").asText()));
        }
        // each private subnet: one task, one ENI of each interface endpoint
        assertThat(holders).containsExactlyInAnyOrder("task", "task", "task", "vpc-endpoint", "vpc-endpoint", "vpc-endpoint",
                "vpc-endpoint", "vpc-endpoint", "vpc-endpoint");
        for (Task t : tasks) {
            String eni = t.attachments().get(0).details().stream().filter(d -> d.name().equals("networkInterfaceId")).findFirst().orElseThrow().value();
            JsonNode drawn = list(vpc.path("subnets")).stream().flatMap(s -> list(s.path("enis")).stream())
                    .filter(e -> e.path("id").asText().equals(eni)).findFirst().orElseThrow();
            String id = t.taskArn().substring(t.taskArn().lastIndexOf('/') + 1);
            assertThat(drawn.path("holder").path("id").asText()).isEqualTo(id);
            assertThat(drawn.path("groups").get(0).asText()).isEqualTo(stack.webSg);
            JsonNode task = find(topo.path("tasks"), "id", id);
            assertThat(task.path("lastStatus").asText()).isEqualTo("RUNNING");
            assertThat(task.path("service").asText()).isEqualTo("web-app");
            assertThat(task.path("taskDefinition").asText()).isEqualTo("web-app:1");
            assertThat(task.path("ip").asText()).isEqualTo(drawn.path("ip").asText());
        }
        JsonNode publicA = find(vpc.path("subnets"), "id", stack.publicSubnets.get(0));
        assertThat(list(publicA.path("enis")).stream().map(e -> e.path("holder").path("kind").asText()))
                .containsExactlyInAnyOrder("nat-gateway", "load-balancer");
        assertThat(find(publicA.path("enis"), "ip", find(vpc.path("natGateways"), "id", stack.nat).path("privateIp").asText())
                .path("holder").path("id").asText()).isEqualTo(stack.nat);

        JsonNode privateRt = find(vpc.path("routeTables"), "id", stack.privateRouteTable);
        assertThat(find(privateRt.path("routes"), "destination", "0.0.0.0/0").path("target").asText()).isEqualTo(stack.nat);
        assertThat(each(privateRt.path("routes"), "kind")).contains("local", "nat-gateway", "vpc-endpoint");
        assertThat(vpc.path("internetGateways")).hasSize(1);
        assertThat(find(vpc.path("endpoints"), "id", stack.ecrApi).path("networkInterfaceIds")).hasSize(3);
        JsonNode web = find(vpc.path("securityGroups"), "id", stack.webSg);
        assertThat(web.path("ingress").get(0).path("group").asText()).isEqualTo(stack.albSg);
        assertThat(web.path("ingress").get(0).path("fromPort").asInt()).isEqualTo(8080);

        JsonNode service = find(topo.path("services"), "name", "web-app");
        assertThat(service.path("desired").asInt()).isEqualTo(3);
        assertThat(service.path("running").asInt()).isEqualTo(3);
        JsonNode lb = find(topo.path("loadBalancers"), "arn", stack.loadBalancer);
        assertThat(lb.path("nodes")).hasSize(3);
        assertThat(lb.path("listeners").get(0).path("port").asInt()).isEqualTo(80);
        JsonNode tg = lb.path("targetGroups").get(0);
        assertThat(tg.path("arn").asText()).isEqualTo(stack.targetGroup);
        assertThat(each(tg.path("targets"), "state")).containsExactly("healthy", "healthy", "healthy");
        assertThat(each(tg.path("targets"), "id")).containsExactlyInAnyOrderElementsOf(
                list(topo.path("tasks")).stream().map(t -> t.path("ip").asText()).toList());
    }

    @Test
    void instanceEnisAreHeldByTheirInstanceAsPrimaryOrTrunkAndTaskEnisOnATrunkAreBranches() throws Exception {
        String vpc = ecsnet.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnet = ecsnet.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
        ecsnet.ecs().createCluster(r -> r.clusterName("ec2-demo"));
        ecsnet.ecs().putAccountSettingDefault(r -> r.name(software.amazon.awssdk.services.ecs.model.SettingName.AWSVPC_TRUNKING).value("enabled"));
        String ami = ecsnet.ec2().describeImages(r -> r.owners("amazon").filters(NetFixture.filter("name", "al2023-ami-ecs-hvm-*-x86_64")))
                .images().get(0).imageId();
        String userData = java.util.Base64.getEncoder().encodeToString("#!/bin/bash\necho ECS_CLUSTER=ec2-demo >> /etc/ecs/ecs.config\n".getBytes());
        String instance = ecsnet.ec2().runInstances(r -> r.imageId(ami).instanceType("c5.large").minCount(1).maxCount(1).subnetId(subnet)
                .userData(userData)).instances().get(0).instanceId();
        ecsnet.settle();
        ecsnet.ecs().registerTaskDefinition(r -> r.family("api").networkMode(NetworkMode.AWSVPC).requiresCompatibilitiesWithStrings("EC2")
                .containerDefinitions(c -> c.name("api").image("nginx").memory(256)));
        String task = ecsnet.ecs().runTask(r -> r.cluster("ec2-demo").taskDefinition("api").launchType(LaunchType.EC2)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet)))).tasks().get(0).taskArn().replaceAll(".*/", "");
        ecsnet.settle();

        JsonNode enis = find(find(json("/_ecsnet/topology").path("vpcs"), "id", vpc).path("subnets"), "id", subnet).path("enis");
        assertThat(list(enis).stream().map(e -> e.path("type").asText() + " " + e.path("holder").path("kind").asText() + " "
                + e.path("holder").path("role").asText("") + " " + e.path("holder").path("id").asText()).toList())
                .containsExactlyInAnyOrder("interface instance primary " + instance, "trunk instance trunk " + instance, "branch task  " + task);
    }

    @Test
    void theTaskViewHasItsEniGroupsStopCodeAndDiagnosis() throws Exception {
        SeedStack stack = seed();
        Task task = ecsnet.ecs().describeTasks(r -> r.cluster("seed-cluster").tasks(ecsnet.ecs().listTasks(x -> x.cluster("seed-cluster"))
                .taskArns().get(0))).tasks().get(0);
        String id = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        JsonNode view = json("/_ecsnet/task?id=" + id);
        assertThat(view.path("task").path("taskArn").asText()).isEqualTo(task.taskArn());
        assertThat(view.path("task").path("attachments").get(0).path("status").asText()).isEqualTo("ATTACHED");
        assertThat(view.path("service").asText()).isEqualTo("web-app");
        assertThat(view.path("networkInterface").path("id").asText())
                .isEqualTo(task.attachments().get(0).details().stream().filter(d -> d.name().equals("networkInterfaceId")).findFirst().orElseThrow().value());
        assertThat(view.path("networkInterface").path("status").asText()).isEqualTo("in-use");
        assertThat(each(view.path("securityGroups"), "id")).containsExactly(stack.webSg);
        assertThat(view.path("securityGroups").get(0).path("ingress").get(0).path("group").asText()).isEqualTo(stack.albSg);
        assertThat(view.path("diagnose").path("kind").asText()).isEqualTo("task");
        assertThat(view.path("diagnose").path("findings").get(0).path("status").asText()).isEqualTo("OK");

        ecsnet.ecs().stopTask(r -> r.cluster("seed-cluster").task(id).reason("by the test"));
        ecsnet.advance(Duration.ofSeconds(60));
        JsonNode stopped = json("/_ecsnet/task?id=" + task.taskArn());
        assertThat(stopped.path("task").path("lastStatus").asText()).isEqualTo("STOPPED");
        assertThat(stopped.path("task").path("stopCode").asText()).isEqualTo("UserInitiated");
        assertThat(stopped.path("task").path("stoppedReason").asText()).isEqualTo("by the test");
        assertThat(stopped.has("networkInterface")).as("the ENI is deleted with the task").isFalse();
        JsonNode topo = json("/_ecsnet/topology");
        assertThat(each(topo.path("tasks"), "id")).doesNotContain(id);
        assertThat(find(topo.path("stoppedTasks"), "id", id).path("stopCode").asText()).isEqualTo("UserInitiated");

        HttpResponse<String> unknown = get("/_ecsnet/task?id=0123456789abcdef0123456789abcdef");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("error").asText())
                .isEqualTo("no task '0123456789abcdef0123456789abcdef' in us-east-1 (account 000000000000)");
        assertThat(get("/_ecsnet/task").statusCode()).isEqualTo(400);
        HttpResponse<String> typo = get("/_ecsnet/task?id=" + id + "&region=us-esat-1");
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(typo.body()).path("error").asText())
                .isEqualTo("'us-esat-1' is not an AWS region (ecsnet serves only real region names, e.g. us-east-1)");
    }

    @Test
    void theServiceViewHasDeploymentsEventsAndCounts() throws Exception {
        seed();
        JsonNode view = json("/_ecsnet/service?name=web-app&cluster=seed-cluster").path("service");
        assertThat(view.path("serviceName").asText()).isEqualTo("web-app");
        assertThat(view.path("desiredCount").asInt()).isEqualTo(3);
        assertThat(view.path("runningCount").asInt()).isEqualTo(3);
        assertThat(view.path("deployments").get(0).path("status").asText()).isEqualTo("PRIMARY");
        assertThat(each(view.path("events"), "message")).contains("(service web-app) has reached a steady state.");
        assertThat(json("/_ecsnet/service?name=web-app").path("service").path("serviceArn").asText()).isEqualTo(view.path("serviceArn").asText());
        HttpResponse<String> unknown = get("/_ecsnet/service?name=nope");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("error").asText()).isEqualTo("no service 'nope' in us-east-1 (account 000000000000)");
    }

    @Test
    void theVersionMovesWithChangesAndTimersNotWithReadsAndLookingCreatesNoRegion() throws Exception {
        long start = version();
        ecsnet.ec2().describeVpcs();
        json("/_ecsnet/topology");
        assertThat(version()).as("reads leave it").isEqualTo(start);
        String vpc = ecsnet.ec2().createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
        long created = version();
        assertThat(created).isGreaterThan(start);
        assertThat(json("/_ecsnet/topology").path("version").asLong()).isEqualTo(created);
        ecsnet.ec2().associateVpcCidrBlock(r -> r.vpcId(vpc).cidrBlock("10.10.0.0/16"));
        long associating = version();
        ecsnet.advance(Duration.ofMinutes(1));
        assertThat(version()).as("the association's timer moved it").isGreaterThan(associating);
        assertThat(each(find(json("/_ecsnet/topology").path("vpcs"), "id", vpc).path("cidrBlocks"), "cidr"))
                .containsExactly("10.9.0.0/16", "10.10.0.0/16");

        JsonNode elsewhere = json("/_ecsnet/topology?region=eu-west-1&account=111122223333");
        assertThat(elsewhere.path("exists").asBoolean()).isFalse();
        assertThat(elsewhere.path("region").asText()).isEqualTo("eu-west-1");
        assertThat(each(json("/_ecsnet/regions").path("regions"), "region")).containsExactly("us-east-1");
        assertThat(get("/_ecsnet/topology?account=12").statusCode()).isEqualTo(400);
    }

    @Test
    void thePageAndItsModulesAreServedFromTheJarAndNothingElse() throws Exception {
        HttpResponse<String> page = get("/_ecsnet/ui");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.body()).contains("<svg id=\"topology\"").contains("/_ecsnet/ui/app.js");
        for (String module : List.of("app.js", "api.js", "draw.js", "format.js", "panels.js", "reach.js")) {
            HttpResponse<String> js = get("/_ecsnet/ui/" + module);
            assertThat(js.statusCode()).as(module).isEqualTo(200);
            assertThat(js.headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
        }
        assertThat(get("/_ecsnet/ui/app.css").headers().firstValue("Content-Type")).contains("text/css; charset=utf-8");
        assertThat(get("/_ecsnet/ui/favicon.svg").headers().firstValue("Content-Type")).contains("image/svg+xml");
        for (String missing : List.of("/_ecsnet/ui/nope.js", "/_ecsnet/ui/../server/AdminApi.class", "/_ecsnet/ui/%2e%2e/version.properties")) {
            HttpResponse<String> refused = get(missing);
            assertThat(refused.statusCode()).as(missing).isIn(400, 404);
            assertThat(refused.body()).doesNotContain("version=0.");
        }
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(ecsnet.endpoint() + "/_ecsnet/ui"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(JSON.readTree(post.body()).path("error").asText()).isEqualTo("use GET for /_ecsnet/ui");
    }
}
