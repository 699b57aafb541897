package dev.ecsnet.it;

import dev.ecsnet.domain.common.AccountRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.Filter;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No single request or client can stall ecsnet: requests that used to wedge the engine are refused at once while
 * other clients keep getting answers, bodies over AWS's limits are refused before they are read, slow and idle
 * connections hold no worker, everything Jetty refuses is AWS-shaped, and a full engine queue is AWS's throttling.
 */
class EdgeLimitsIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    private static final String EC2_AUTH = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0";
    private static final String ECS_AUTH = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=0";

    private static HttpResponse<String> post(String body, String... headers) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(ecsnet.endpoint()).timeout(Duration.ofSeconds(60)).headers(headers)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> health() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ecsnet.endpoint() + "/_ecsnet/health")).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Fires {@code heavy} on its own thread, then asks for 20 cheap answers; all must come while it is refused. */
    private static HttpResponse<String> whileOthersAreServed(Supplier<HttpResponse<String>> heavy) throws Exception {
        CompletableFuture<HttpResponse<String>> refused = CompletableFuture.supplyAsync(heavy);
        for (int i = 0; i < 20; i++) {
            assertThat(ecsnet.ec2().describeVpcs().vpcs()).hasSize(1);
        }
        return refused.get(2, TimeUnit.MINUTES);
    }

    private static Supplier<HttpResponse<String>> unchecked(java.util.concurrent.Callable<HttpResponse<String>> call) {
        return () -> {
            try {
                return call.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void aMillionCharacterFilterValueIsA400WhileOtherClientsAreServed() throws Exception {
        String body = "Action=DescribeSubnets&Version=2016-11-15&Filter.1.Name=tag:Name&Filter.1.Value.1=" + "a".repeat(1_000_000);
        HttpResponse<String> r = whileOthersAreServed(unchecked(() -> post(body, "Content-Type", FORM, "Authorization", EC2_AUTH)));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("<Code>InvalidParameterValue</Code>")
                .contains("is too long (1000000 characters; at most 1024)").contains("<RequestID>");
        // a value within the limit still filters, wildcards and all
        assertThat(ecsnet.ec2().describeSubnets(s -> s.filters(Filter.builder().name("default-for-az").values("t?u*").build())).subnets()).hasSize(6);
    }

    @Test
    void aCpuOfAMillionDigitsIsA400AndOneTooLargeForTheBodyCapA413() throws Exception {
        String target = "AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition";
        String digits = "{\"family\":\"web\",\"requiresCompatibilities\":[\"FARGATE\"],\"networkMode\":\"awsvpc\",\"memory\":\"512\","
                + "\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"nginx\"}],\"cpu\":\"%s\"}";
        HttpResponse<String> r = whileOthersAreServed(unchecked(() -> post(digits.formatted("1".repeat(1_000_000)),
                "Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", target, "Authorization", ECS_AUTH)));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"__type\":\"ClientException\"").contains("Invalid 'cpu' setting for task.");
        HttpResponse<String> big = whileOthersAreServed(unchecked(() -> post(digits.formatted("1".repeat(1_600_000)),
                "Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", target, "Authorization", ECS_AUTH)));
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body()).contains("\"__type\":\"RequestEntityTooLarge\"");
        assertThat(ecsnet.ecs().listTaskDefinitions().taskDefinitionArns()).isEmpty();
    }

    /** Raw HTTP/1.1 over a socket: what the JDK client would refuse to send. */
    private static String raw(String request, byte[] body) throws Exception {
        try (Socket s = new Socket("127.0.0.1", ecsnet.port())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.net.SocketException e) {
            return "closed: " + e.getMessage();
        }
    }

    @Test
    void aDeclaredHugeBodyIsRefusedBeforeItIsSent() throws Exception {
        String answer = raw("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: " + FORM + "\r\nAuthorization: " + EC2_AUTH
                + "\r\nContent-Length: 314572800\r\n\r\n", new byte[0]);
        assertThat(answer).startsWith("HTTP/1.1 413 ").contains("<Code>RequestEntityTooLarge</Code>")
                .contains("The request body (314572800 bytes) is larger than the 1048576 bytes any emulated API accepts");
    }

    @Test
    void aChunkedBodyOverTheCapIsRefused() throws Exception {
        byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(ecsnet.endpoint()).header("Content-Type", FORM).header("Authorization", EC2_AUTH)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(java.util.Collections.enumeration(
                        java.util.Collections.nCopies(40, chunk).stream().map(b -> (InputStream) new java.io.ByteArrayInputStream(b)).toList()))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("<Code>RequestEntityTooLarge</Code>");
    }

    @Test
    void whatJettyRefusesIsAwsShaped() throws Exception {
        String duplicateHost = raw("GET /_ecsnet/health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", new byte[0]);
        String nul = raw("GET /%00 HTTP/1.1\r\nHost: a\r\nAuthorization: " + EC2_AUTH + "\r\n\r\n", new byte[0]);
        String hugeHeaders = raw("POST / HTTP/1.1\r\nHost: a\r\nX-Big: " + "b".repeat(10_000) + "\r\n\r\n", new byte[0]);
        String garbage = raw("NOT HTTP AT ALL\r\n\r\n", new byte[0]);
        assertThat(duplicateHost).startsWith("HTTP/1.1 400 ").contains("<Code>InvalidRequest</Code>");
        // refused while parsing, before any header could be read: the Query envelope
        assertThat(nul).startsWith("HTTP/1.1 400 ").contains("<ErrorResponse><Error><Type>Sender</Type><Code>InvalidRequest</Code>");
        assertThat(hugeHeaders).startsWith("HTTP/1.1 431 ").contains("<Code>RequestHeaderSectionTooLarge</Code>");
        assertThat(garbage).startsWith("HTTP/1.1 400 ").contains("<Code>");
        for (String a : List.of(duplicateHost, nul, hugeHeaders, garbage)) {
            assertThat(a).doesNotContainIgnoringCase("<html");
        }
    }

    @Test
    void slowAndIdleConnectionsDoNotStopHealthFromAnswering() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                sockets.add(new Socket("127.0.0.1", ecsnet.port()));
            }
            for (int i = 0; i < 100; i++) {
                Socket s = new Socket("127.0.0.1", ecsnet.port());
                sockets.add(s);
                s.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: " + FORM + "\r\nContent-Length: 1048576\r\n\r\nAction=Desc")
                        .getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
            }
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> h = health();
                assertThat(h.statusCode()).isEqualTo(200);
                assertThat(h.body()).contains("\"status\":\"ready\"");
            }
            assertThat(ecsnet.ec2().describeVpcs().vpcs()).hasSize(1);
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    @Test
    void aFullEngineQueueIsEachProtocolsThrottlingError() throws Exception {
        AccountRegion key = new AccountRegion("000000000000", "us-east-1");
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<?>> holders = new ArrayList<>();
        try {
            for (int i = 0; i < dev.ecsnet.engine.Engine.DEFAULT_MAX_WAITING; i++) {
                holders.add(CompletableFuture.runAsync(() -> ecsnet.engine().call(key, s -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }), java.util.concurrent.Executors.newSingleThreadExecutor()));
            }
            while (ecsnet.engine().waitingCalls() < dev.ecsnet.engine.Engine.DEFAULT_MAX_WAITING) {
                Thread.onSpinWait();
            }
            assertThatThrownBy(() -> ecsnet.ecs().listClusters()).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
                assertThat(e.statusCode()).isEqualTo(400);
            });
            assertThatThrownBy(() -> ecsnet.ec2().describeVpcs()).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestLimitExceeded");
                assertThat(e.statusCode()).isEqualTo(503);
            });
            assertThatThrownBy(() -> ecsnet.sts().getCallerIdentity()).isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
                assertThat(e.statusCode()).isEqualTo(400);
            });
            assertThat(health().statusCode()).isEqualTo(200);
        } finally {
            release.countDown();
            for (CompletableFuture<?> f : holders) {
                f.get(1, TimeUnit.MINUTES);
            }
        }
        assertThat(ecsnet.ecs().listClusters().clusterArns()).isEmpty();
    }
}
