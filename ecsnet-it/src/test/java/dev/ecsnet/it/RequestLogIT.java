package dev.ecsnet.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsnet.app.server.EcsnetServer;
import dev.ecsnet.app.server.RequestLog;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.engine.ManualClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The request log: one line per call (time, service, operation, account, region, status, error code, ms), and
 * ecsnet's own notices that explain an outcome (a task stopped for egress, a subnet out of addresses), in text and
 * in JSON.
 */
class RequestLogIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Logged(List<String> lines) {
    }

    private static Logged scenario(RequestLog.Format format) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ManualClock clock = new ManualClock(EcsnetServerExtension.START);
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
             EcsnetServer server = new EcsnetServer(new Engine(clock, 3, TimingProfile.FAST, EgressPolicy.ENFORCE),
                     new EcsnetServer.Settings("127.0.0.1", 0, Optional.empty(), new RequestLog(out, format))).start()) {
            URI endpoint = URI.create("http://127.0.0.1:" + server.port());
            var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
            try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(endpoint).region(Region.EU_WEST_1).credentialsProvider(creds).build();
                 EcsClient ecs = EcsClient.builder().endpointOverride(endpoint).region(Region.EU_WEST_1).credentialsProvider(creds).build()) {
                String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
                String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.9.0/28").availabilityZone("eu-west-1a")).subnet().subnetId();
                assertThatThrownBy(() -> ec2.deleteVpc(r -> r.vpcId("vpc-00000000000000000"))).isInstanceOf(Ec2Exception.class);
                ecs.createCluster(r -> r.clusterName("web"));
                ecs.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC).requiresCompatibilitiesWithStrings("FARGATE")
                        .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("nginx")));
                for (int count : new int[] {10, 2}) {
                    ecs.runTask(r -> r.cluster("web").taskDefinition("web").launchType(LaunchType.FARGATE).count(count)
                            .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet))));
                }
                for (int i = 0; i < 100 && server.engine().pendingTimers() > 0; i++) {
                    server.engine().advance(Duration.ofSeconds(1));
                }
            }
        }
        return new Logged(buffer.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void textLinesNameEachCallAndExplainEveryStop() {
        List<String> lines = scenario(RequestLog.Format.TEXT).lines();
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z ec2 +CreateVpc +000000000000 eu-west-1 +200 \\d+ ms"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("\\S+ ec2 +DeleteVpc +000000000000 eu-west-1 +400 InvalidVpcID.NotFound \\d+ ms"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("\\S+ ecs +RunTask +000000000000 eu-west-1 +200 \\d+ ms"));
        assertThat(lines.stream().filter(l -> l.contains(" NOTICE ") && l.contains("has no free address: task ")
                && l.contains("stopped (TaskFailedToStart) -- run: bin/ecsnet diagnose "))).hasSize(1);
        assertThat(lines.stream().filter(l -> l.contains(" NOTICE   000000000000 eu-west-1 task ")
                && l.contains("stopped (TaskFailedToStart): CannotPullContainerError") && l.contains("-- run: bin/ecsnet diagnose "))).hasSize(11);
    }

    @Test
    void jsonLinesCarryTheSameFields() throws Exception {
        List<String> lines = scenario(RequestLog.Format.JSON).lines();
        JsonNode create = null;
        int notices = 0;
        for (String l : lines) {
            JsonNode n = JSON.readTree(l);
            if ("CreateVpc".equals(n.path("operation").asText())) {
                create = n;
            }
            notices += n.has("notice") ? 1 : 0;
        }
        assertThat(create).isNotNull();
        assertThat(create.path("service").asText()).isEqualTo("ec2");
        assertThat(create.path("account").asText()).isEqualTo("000000000000");
        assertThat(create.path("region").asText()).isEqualTo("eu-west-1");
        assertThat(create.path("status").asInt()).isEqualTo(200);
        assertThat(create.has("ms")).isTrue();
        assertThat(create.has("error")).isFalse();
        assertThat(notices).isEqualTo(12);
    }
}
