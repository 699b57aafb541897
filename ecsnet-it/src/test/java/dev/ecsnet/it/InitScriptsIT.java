package dev.ecsnet.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsnet.app.server.EcsnetServer;
import dev.ecsnet.app.server.RequestLog;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.engine.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve --init-dir DIR}: DIR/ready.d/*.sh run in name order once the server answers; health shows how they went. */
class InitScriptsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode health(EcsnetServer server) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/_ecsnet/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private static EcsnetServer start(Path dir, PrintStream log) {
        return new EcsnetServer(new Engine(Instant::now, 5, TimingProfile.INSTANT),
                new EcsnetServer.Settings("127.0.0.1", 0, Optional.of(dir), new RequestLog(log, RequestLog.Format.TEXT))).start();
    }

    @Test
    void aReadyScriptCreatesAVpcWithTheAwsCliAndTheVpcIsThereWhenInitIsDone(@TempDir Path dir) throws Exception {
        Scenarios.requireTools("aws", "sh");
        Path ready = Files.createDirectories(dir.resolve("ready.d"));
        Files.writeString(ready.resolve("10-vpc.sh"), "set -e\naws ec2 create-vpc --cidr-block 10.42.0.0/16 "
                + "--tag-specifications 'ResourceType=vpc,Tags=[{Key=Name,Value=from-init}]' --query Vpc.VpcId --output text\n");
        Files.writeString(ready.resolve("20-env.sh"), "test \"$AWS_DEFAULT_REGION\" = us-east-1 && test -n \"$AWS_ENDPOINT_URL\"\n");
        Files.writeString(ready.resolve("notes.txt"), "not a script: never run\nexit 9\n");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream log = new PrintStream(buffer, true, StandardCharsets.UTF_8); EcsnetServer server = start(dir, log)) {
            server.init().finished().get(5, TimeUnit.MINUTES);
            JsonNode health = health(server);
            assertThat(health.path("init").asText()).as(buffer.toString(StandardCharsets.UTF_8)).isEqualTo("done");
            assertThat(health.path("initScripts").findValuesAsText("name")).containsExactly("10-vpc.sh", "20-env.sh");
            assertThat(health.path("initScripts").findValuesAsText("result")).containsExactly("ok", "ok");
            try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port())).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build()) {
                assertThat(ec2.describeVpcs(r -> r.filters(Filter.builder().name("tag:Name").values("from-init").build())).vpcs())
                        .singleElement().satisfies(v -> assertThat(v.cidrBlock()).isEqualTo("10.42.0.0/16"));
            }
            String out = buffer.toString(StandardCharsets.UTF_8);
            assertThat(out).containsPattern("INIT +10-vpc.sh \\| vpc-[0-9a-f]{17}").containsPattern("INIT +10-vpc.sh: ok in ")
                    .contains("ec2      CreateVpc").contains("2 script(s) in " + ready + ": done");
        }
    }

    @Test
    void aFailingScriptIsReportedWithItsExitCodeAndTheServerAndLaterScriptsCarryOn(@TempDir Path dir) throws Exception {
        Scenarios.requireTools("sh");
        Path ready = Files.createDirectories(dir.resolve("ready.d"));
        Files.writeString(ready.resolve("01-fails.sh"), "echo about to fail\nexit 3\n");
        Files.writeString(ready.resolve("02-runs.sh"), "echo still run\n");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream log = new PrintStream(buffer, true, StandardCharsets.UTF_8); EcsnetServer server = start(dir, log)) {
            server.init().finished().get(5, TimeUnit.MINUTES);
            JsonNode health = health(server);
            assertThat(health.path("status").asText()).isEqualTo("ready");
            assertThat(health.path("init").asText()).isEqualTo("failed");
            assertThat(health.path("initScripts").get(0).path("exitCode").asInt()).isEqualTo(3);
            assertThat(health.path("initScripts").get(1).path("result").asText()).isEqualTo("ok");
            assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("01-fails.sh: failed (exit 3)").contains("02-runs.sh | still run");
        }
    }
}
