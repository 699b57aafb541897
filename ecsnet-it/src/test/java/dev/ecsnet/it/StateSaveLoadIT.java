package dev.ecsnet.it;

import dev.ecsnet.app.server.EcsnetServer;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.engine.ManualClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /_ecsnet/state} from one server, {@code PUT} into a fresh one: the same describe output, tasks still running. */
class StateSaveLoadIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<byte[]> send(EcsnetServer server, HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.uri(URI.create("http://127.0.0.1:" + server.port() + "/_ecsnet/state")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aSavedSandboxLoadsIntoAFreshServerWithTheSameDescribeOutputAndItsTasksKeepRunning() throws Exception {
        ManualClock clockA = new ManualClock(EcsnetServerExtension.START);
        try (EcsnetServer a = new EcsnetServer(new Engine(clockA, 7, TimingProfile.FAST, EgressPolicy.IGNORE), "127.0.0.1", 0).start()) {
            StateFixture.build(a, () -> StateReplayIT.settle(a.engine()));
            String expected = StateFixture.describeAll(a);
            HttpResponse<byte[]> saved = send(a, HttpRequest.newBuilder().GET());
            assertThat(saved.statusCode()).isEqualTo(200);
            assertThat(saved.headers().firstValue("Content-Type")).hasValue("application/vnd.ecsnet.state+gzip");

            ManualClock clockB = new ManualClock(clockA.now());
            try (EcsnetServer b = new EcsnetServer(new Engine(clockB, 12345, TimingProfile.FAST, EgressPolicy.IGNORE), "127.0.0.1", 0).start();
                 software.amazon.awssdk.services.ec2.Ec2Client ec2 = StateFixture.client(b, software.amazon.awssdk.services.ec2.Ec2Client.builder(), "test");
                 EcsClient ecs = StateFixture.client(b, EcsClient.builder(), "test")) {
                // state that the load replaces
                ec2.createVpc(r -> r.cidrBlock("192.168.0.0/16"));
                HttpResponse<byte[]> loaded = send(b, HttpRequest.newBuilder().PUT(HttpRequest.BodyPublishers.ofByteArray(saved.body())));
                assertThat(new String(loaded.body())).contains("\"loaded\":true");
                assertThat(loaded.statusCode()).isEqualTo(200);
                assertThat(StateFixture.describeAll(b)).isEqualTo(expected);

                int running = ecs.listTasks(r -> r.cluster("seed-cluster").desiredStatus(DesiredStatus.RUNNING)).taskArns().size();
                assertThat(running).isPositive();
                b.engine().advance(Duration.ofMinutes(5));
                assertThat(ecs.listTasks(r -> r.cluster("seed-cluster").desiredStatus(DesiredStatus.RUNNING)).taskArns()).hasSize(running);
                assertThat(ecs.describeTasks(r -> r.cluster("seed-cluster").tasks(
                        ecs.listTasks(l -> l.cluster("seed-cluster").desiredStatus(DesiredStatus.RUNNING)).taskArns())).tasks())
                        .allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING"));

                // a document that is not ecsnet's is refused, and changes nothing
                String before = StateFixture.describeAll(b);
                HttpResponse<byte[]> refused = send(b, HttpRequest.newBuilder().PUT(HttpRequest.BodyPublishers.ofString("not a document")));
                assertThat(refused.statusCode()).isEqualTo(400);
                assertThat(new String(refused.body())).contains("not an ecsnet state document");
                assertThat(StateFixture.describeAll(b)).isEqualTo(before);
            }
        }
    }
}
