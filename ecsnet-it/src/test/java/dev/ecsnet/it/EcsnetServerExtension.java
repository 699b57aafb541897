package dev.ecsnet.it;

import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.junit.EcsnetExtension;
import dev.ecsnet.junit.EcsnetOptions;
import dev.ecsnet.junit.Lifecycle;
import dev.ecsnet.protocol.SigningKeys;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.util.List;

/**
 * The contract tests' extension: {@link EcsnetExtension} (ecsnet-junit) set up as these tests were written for,
 * plus shared SDK clients. Unlike the published extension's default, every test of a class uses the default account
 * {@code 000000000000} (the tests assert it in ARNs and owner ids) and the whole server is emptied before each test,
 * so these tests must not run in parallel within a class. Register with
 * {@code @RegisterExtension static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();}
 */
public final class EcsnetServerExtension extends EcsnetExtension implements AfterAllCallback {
    public static final java.time.Instant START = EcsnetOptions.DEFAULT_CLOCK_START;

    private Ec2Client ec2;
    private EcsClient ecs;
    private StsClient sts;
    private AutoScalingClient autoScaling;

    public EcsnetServerExtension() {
        this(TimingProfile.FAST);
    }

    /** FAST steps on a manual clock let a test see each state by advancing the clock; INSTANT skips them. */
    public EcsnetServerExtension(TimingProfile timing) {
        this(timing, EgressPolicy.IGNORE);
    }

    /** With {@code ENFORCE}, Fargate tasks need network paths to their registry, secrets and logs. */
    public EcsnetServerExtension(TimingProfile timing, EgressPolicy egress) {
        this(contractTests(timing, egress).accountId("000000000000"));
    }

    private EcsnetServerExtension(EcsnetOptions.Builder options) {
        super(options.build());
    }

    private static EcsnetOptions.Builder contractTests(TimingProfile timing, EgressPolicy egress) {
        return EcsnetOptions.builder().timing(timing).egress(egress).seed(42).lifecycle(Lifecycle.PER_CLASS).resetBeforeEachTest();
    }

    /**
     * A server that verifies every call's SigV4 signature against {@code keys} (and keys IAM makes). Its manual clock
     * starts at the real time, since the SDK signs with the real time.
     */
    public static EcsnetServerExtension verifyingSignatures(SigningKeys.AccessKey... keys) {
        return new EcsnetServerExtension(contractTests(TimingProfile.FAST, EgressPolicy.IGNORE).verifySignatures(List.of(keys)));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        super.beforeAll(context);
        ec2 = configure(Ec2Client.builder()).build();
        ecs = configure(EcsClient.builder()).build();
        sts = configure(StsClient.builder()).build();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ec2.close();
        ecs.close();
        sts.close();
        if (autoScaling != null) {
            autoScaling.close();
        }
    }

    public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        return configureAs(builder, "test", Region.US_EAST_1);
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

    public Ec2Client ec2() {
        return ec2;
    }

    public EcsClient ecs() {
        return ecs;
    }

    public StsClient sts() {
        return sts;
    }

    /** Built on first use: only the Auto Scaling and capacity tests need it. */
    public synchronized AutoScalingClient autoScaling() {
        if (autoScaling == null) {
            autoScaling = configure(AutoScalingClient.builder()).build();
        }
        return autoScaling;
    }

    public Engine engine() {
        return server().engine();
    }
}
