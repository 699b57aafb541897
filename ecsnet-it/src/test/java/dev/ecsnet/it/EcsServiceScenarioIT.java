package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fargate services on the manual clock: a service of 3 over 3 subnets runs one task per subnet with its own ENI;
 * a new task definition rolls without dropping below the minimum healthy percent; a deployment that needs more
 * addresses than the subnets have stalls with AWS's events; 20 tasks in a /28 run 11 and the service keeps
 * trying until a subnet is added; scale to 0 and delete make the service INACTIVE.
 */
class EcsServiceScenarioIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private NetFixture net;
    private String vpc;
    private List<String> subnets;
    private String sg;

    @BeforeEach
    void network() {
        net = new NetFixture(ecsnet.ec2());
        vpc = net.vpc("10.0.0.0/16");
        subnets = List.of(net.subnet(vpc, "10.0.1.0/24", "us-east-1a"), net.subnet(vpc, "10.0.2.0/24", "us-east-1b"),
                net.subnet(vpc, "10.0.3.0/24", "us-east-1c"));
        sg = ecsnet.ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("web")).groupId();
        ecsnet.ecs().createCluster(r -> r.clusterName("web"));
        registerWeb("nginx:1");
    }

    private String registerWeb(String image) {
        return ecsnet.ecs().registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image(image).portMappings(p -> p.containerPort(8080))))
                .taskDefinition().taskDefinitionArn();
    }

    private Service describe(String name) {
        return ecsnet.ecs().describeServices(r -> r.cluster("web").services(name)).services().get(0);
    }

    private List<Task> tasks(String service, DesiredStatus status) {
        List<String> arns = ecsnet.ecs().listTasks(r -> r.cluster("web").serviceName(service).desiredStatus(status)).taskArns();
        if (arns.isEmpty()) {
            return List.of();
        }
        return ecsnet.ecs().describeTasks(r -> r.cluster("web").tasks(arns)).tasks();
    }

    private List<String> messages(String service) {
        return describe(service).events().stream().map(ServiceEvent::message).toList();
    }

    private void createWeb(int desired, List<String> inSubnets) {
        ecsnet.ecs().createService(r -> r.cluster("web").serviceName("web-app").taskDefinition("web").desiredCount(desired)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(inSubnets).securityGroups(sg))));
    }

    @Test
    void threeTasksOnePerSubnetThenRollThenDelete() {
        createWeb(3, subnets);
        ecsnet.settle();
        Service s = describe("web-app");
        assertThat(s.runningCount()).isEqualTo(3);
        List<Task> running = tasks("web-app", DesiredStatus.RUNNING);
        assertThat(running).extracting(Task::lastStatus).containsOnly("RUNNING");
        assertThat(running.stream().map(t -> t.attachments().get(0).details().stream()
                .filter(d -> d.name().equals("subnetId")).findFirst().orElseThrow().value()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(subnets);
        String deployment = s.deployments().get(0).id();
        assertThat(deployment).matches("ecs-svc/\\d{19}");
        assertThat(running).extracting(Task::startedBy).containsOnly(deployment);
        assertThat(running).extracting(Task::group).containsOnly("service:web-app");
        assertThat(s.deployments().get(0).rolloutStateAsString()).isEqualTo("COMPLETED");
        List<String> events = messages("web-app");
        assertThat(events.get(0)).isEqualTo("(service web-app) has reached a steady state.");
        assertThat(events.get(1)).isEqualTo("(service web-app) (deployment " + deployment + ") deployment completed.");
        assertThat(events.get(2)).matches("\\(service web-app\\) has started 3 tasks: \\(task \\w{32}\\) \\(task \\w{32}\\) \\(task \\w{32}\\)\\.");

        // roll a new task definition: min 100 %, max 200 %: never fewer than 3 running
        String v2 = registerWeb("nginx:2");
        ecsnet.ecs().updateService(r -> r.cluster("web").service("web-app").taskDefinition(v2));
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < 60; i++) {
            ecsnet.advance(Duration.ofMillis(100));
            long runningNow = tasks("web-app", DesiredStatus.RUNNING).stream().filter(t -> t.lastStatus().equals("RUNNING")).count();
            fewest = (int) Math.min(fewest, runningNow);
        }
        ecsnet.settle();
        assertThat(fewest).isGreaterThanOrEqualTo(3);
        s = describe("web-app");
        assertThat(s.deployments()).hasSize(1);
        assertThat(s.deployments().get(0).taskDefinition()).isEqualTo(v2);
        assertThat(tasks("web-app", DesiredStatus.RUNNING)).extracting(Task::taskDefinitionArn).containsOnly(v2);
        assertThat(tasks("web-app", DesiredStatus.STOPPED)).extracting(Task::stoppedReason)
                .containsOnly("Scaling activity initiated by (deployment " + deployment + ")");

        ecsnet.ecs().updateService(r -> r.cluster("web").service("web-app").desiredCount(0));
        assertThat(ecsnet.ecs().deleteService(r -> r.cluster("web").service("web-app")).service().status()).isEqualTo("DRAINING");
        ecsnet.settle();
        assertThat(describe("web-app").status()).isEqualTo("INACTIVE");
        assertThat(net.enis(subnets.get(0))).isEmpty();
    }

    @Test
    void twentyTasksInASlash28RunElevenAndRecoverWhenASubnetIsAdded() {
        String small = net.subnet(vpc, "10.0.9.0/28", "us-east-1a");
        createWeb(20, List.of(small));
        ecsnet.advance(Duration.ofSeconds(5));
        assertThat(describe("web-app").runningCount()).isEqualTo(11);
        assertThat(tasks("web-app", DesiredStatus.STOPPED)).extracting(Task::stoppedReason)
                .contains("Unexpected EC2 error while attempting to Create Network Interface in subnet '" + small
                        + "': InsufficientFreeAddressesInSubnet");
        ecsnet.advance(Duration.ofMinutes(2));
        assertThat(messages("web-app")).contains("(service web-app) is unable to consistently start tasks successfully.");
        assertThat(messages("web-app").stream().filter(m -> m.contains("unable to consistently")).count()).isEqualTo(1);

        JsonNode blocked = diagnose("web-app").path("findings").get(0);
        assertThat(blocked.path("status").asText()).isEqualTo("BLOCKED");
        assertThat(blocked.path("resource").asText()).isEqualTo(small);
        assertThat(blocked.path("message").asText()).startsWith("subnet " + small + " has 0 free addresses (a /28 holds 11); 9 tasks wait");

        String more = net.subnet(vpc, "10.0.10.0/24", "us-east-1b");
        ecsnet.ecs().updateService(r -> r.cluster("web").service("web-app")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(small, more).securityGroups(sg))));
        ecsnet.advance(Duration.ofMinutes(10));
        Service s = describe("web-app");
        assertThat(s.runningCount()).isEqualTo(20);
        assertThat(s.deployments()).hasSize(1);
        assertThat(messages("web-app").get(0)).isEqualTo("(service web-app) has reached a steady state.");
        JsonNode ok = diagnose(s.serviceArn()).path("findings").get(0);
        assertThat(ok.path("status").asText()).isEqualTo("OK");
        assertThat(ok.path("message").asText()).isEqualTo("20 of 20 task(s) running, steady");
    }

    private static JsonNode diagnose(String target) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ecsnet.endpoint()
                    + "/_ecsnet/diagnose?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ObjectMapper().readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDeploymentThatNeedsMoreAddressesThanAreLeftStalls() {
        String small = net.subnet(vpc, "10.0.9.0/28", "us-east-1a");
        createWeb(11, List.of(small));
        ecsnet.settle();
        assertThat(describe("web-app").runningCount()).isEqualTo(11);
        String v2 = registerWeb("nginx:2");
        ecsnet.ecs().updateService(r -> r.cluster("web").service("web-app").taskDefinition(v2));
        ecsnet.advance(Duration.ofMinutes(5));
        Service s = describe("web-app");
        assertThat(s.deployments()).hasSize(2);
        assertThat(s.deployments().get(0).rolloutStateAsString()).isEqualTo("IN_PROGRESS");
        assertThat(s.deployments().get(1).runningCount()).isEqualTo(11);
        assertThat(tasks("web-app", DesiredStatus.RUNNING)).filteredOn(t -> t.lastStatus().equals("RUNNING")).hasSize(11);
        assertThat(messages("web-app")).contains("(service web-app) is unable to consistently start tasks successfully.");
        assertThat(Set.copyOf(tasks("web-app", DesiredStatus.STOPPED).stream().map(Task::stoppedReason).toList()))
                .containsExactly("Unexpected EC2 error while attempting to Create Network Interface in subnet '" + small
                        + "': InsufficientFreeAddressesInSubnet");
    }
}
