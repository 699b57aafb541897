package dev.ecsnet.app.server;

import dev.ecsnet.api.BaseServiceHandler;
import dev.ecsnet.api.Dispatcher;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.protocol.ServiceSpec;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code Error} out of an operation, which the dispatcher does not turn into {@code InternalFailure} (here a
 * class that failed to load, as when a test JVM's classes were rebuilt under it), still answers the client: a 500,
 * on the read path and on the engine's, instead of a request that waits forever.
 */
class FrontDoorErrorTest {
    private static final ServiceSpec BROKEN = ServiceSpec.json("broken", "2020-01-01", "Broken_20200101");

    private static final class BrokenHandler extends BaseServiceHandler {
        BrokenHandler() {
            super(BROKEN);
            operations().registerRead("DescribeThings", call -> {
                throw new NoClassDefFoundError("dev/ecsnet/Gone");
            });
            operations().register("CreateThing", call -> {
                throw new NoClassDefFoundError("dev/ecsnet/Gone");
            });
        }
    }

    private Engine engine;
    private Server server;
    private ServerConnector connector;

    @BeforeEach
    void start() throws Exception {
        engine = new Engine(Instant::now, 1, TimingProfile.INSTANT);
        Dispatcher dispatcher = new Dispatcher(engine, List.of(new BrokenHandler()));
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setErrorHandler(new AwsErrorPages(dispatcher));
        server.setHandler(new FrontDoor(dispatcher, new AdminApi(engine, dispatcher.serviceNames(), connector::getLocalPort,
                InitScripts.none(), dispatcher.replayer()), false));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        engine.close();
    }

    @Test
    void anErrorInAReadOrACallIsAnsweredWith500() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String operation : List.of("DescribeThings", "CreateThing")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", "Broken_20200101." + operation)
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/broken/aws4_request, SignedHeaders=host, Signature=0")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build();
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(operation).isEqualTo(500);
        }
    }
}
