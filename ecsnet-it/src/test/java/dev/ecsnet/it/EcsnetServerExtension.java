package dev.ecsnet.it;

import dev.ecsnet.app.server.EcsnetServer;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.engine.ManualClock;
import dev.ecsnet.protocol.SigningKeys;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Starts ecsnet in-process on a free loopback port with a manual clock and a fixed seed, and hands out real AWS
 * SDK v2 clients pointed at it. State is reset before each test. Register with
 * {@code @RegisterExtension static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();}
 */
public final class EcsnetServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final TimingProfile timing;
    private final EgressPolicy egress;
    private final List<SigningKeys.AccessKey> signingKeys;
    private ManualClock clock;
    private EcsnetServer server;
    private Ec2Client ec2;
    private EcsClient ecs;
    private StsClient sts;

    public EcsnetServerExtension() {
        this(TimingProfile.FAST);
    }

    /** FAST steps on a manual clock let a test see each state by advancing the clock; INSTANT skips them. */
    public EcsnetServerExtension(TimingProfile timing) {
        this(timing, EgressPolicy.IGNORE);
    }

    /** With {@code ENFORCE}, Fargate tasks need network paths to their registry, secrets and logs. */
    public EcsnetServerExtension(TimingProfile timing, EgressPolicy egress) {
        this(timing, egress, List.of());
    }

    private EcsnetServerExtension(TimingProfile timing, EgressPolicy egress, List<SigningKeys.AccessKey> signingKeys) {
        this.timing = timing;
        this.egress = egress;
        this.signingKeys = List.copyOf(signingKeys);
    }

    /**
     * A server that verifies every call's SigV4 signature against {@code keys} (and keys IAM makes). Its manual clock
     * starts at the real time, since the SDK signs with the real time.
     */
    public static EcsnetServerExtension verifyingSignatures(SigningKeys.AccessKey... keys) {
        return new EcsnetServerExtension(TimingProfile.FAST, EgressPolicy.IGNORE, List.of(keys));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        EcsnetServer.Settings settings = EcsnetServer.Settings.of("127.0.0.1", 0);
        clock = new ManualClock(signingKeys.isEmpty() ? START : Instant.now().truncatedTo(ChronoUnit.SECONDS));
        server = new EcsnetServer(new Engine(clock, 42, timing, egress),
                signingKeys.isEmpty() ? settings : settings.verifyingSignatures(signingKeys)).start();
        ec2 = configure(Ec2Client.builder()).build();
        ecs = configure(EcsClient.builder()).build();
        sts = configure(StsClient.builder()).build();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.engine().reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ec2.close();
        ecs.close();
        sts.close();
        server.close();
    }

    public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        return builder.endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()));
    }

    /** Builds a client for another account (a 12-digit access key id is that account, as in ecsnet's routing). */
    public <B extends AwsClientBuilder<B, ?>> B configureAs(B builder, String accessKeyId, Region region) {
        return builder.endpointOverride(endpoint())
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "test")))
                .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()));
    }

    /** Builds a client that signs with this key id and secret. */
    public <B extends AwsClientBuilder<B, ?>> B configureWith(B builder, String accessKeyId, String secretAccessKey) {
        return configure(builder).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public int port() {
        return server.port();
    }

    public Ec2Client ec2() {
        return ec2;
    }

    public EcsClient ecs() {
        return ecs;
    }

    public StsClient sts() {
        return sts;
    }

    public Engine engine() {
        return server.engine();
    }

    public Instant now() {
        return clock.now();
    }

    /** Moves the clock forward, running every lifecycle step that falls due. */
    public void advance(Duration d) {
        server.engine().advance(d);
    }

    /** Advances until no lifecycle step is pending (bounded, so a runaway timer loop fails the test). */
    public void settle() {
        for (int i = 0; i < 10_000 && server.engine().pendingTimers() > 0; i++) {
            server.engine().advance(Duration.ofSeconds(1));
        }
    }
}
