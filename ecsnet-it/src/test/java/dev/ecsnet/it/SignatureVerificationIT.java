package dev.ecsnet.it;

import dev.ecsnet.api.SignatureCheck;
import dev.ecsnet.app.server.EcsnetServer;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.engine.ManualClock;
import dev.ecsnet.protocol.SigningKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.signer.Signer;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code serve --verify-signatures} with the AWS SDK for Java v2 as the signer: signed calls of every protocol, and
 * unsigned, wrong-secret, unknown-key, skewed and presigned ones, each refused in its protocol's words without a
 * change; keys of two accounts that never see each other's resources; keys made by IAM that sign until deactivated.
 */
class SignatureVerificationIT {
    static final SigningKeys.AccessKey ALICE = new SigningKeys.AccessKey("AKIAALICE00000000001", "alice/secret+key", "111111111111");
    static final SigningKeys.AccessKey BOB = new SigningKeys.AccessKey("AKIABOB0000000000002", "bob-secret", "222222222222");

    @RegisterExtension
    static final EcsnetServerExtension ecsnet = EcsnetServerExtension.verifyingSignatures(SignatureCheck.DEFAULT_KEY, ALICE, BOB);

    private static <B extends AwsClientBuilder<B, C>, C> C as(SigningKeys.AccessKey key, B builder) {
        return ecsnet.configureWith(builder, key.accessKeyId(), key.secretAccessKey()).build();
    }

    private static <B extends AwsClientBuilder<B, C>, C> C anonymous(B builder) {
        return ecsnet.configure(builder).credentialsProvider(AnonymousCredentialsProvider.create()).build();
    }

    /** A client that signs as {@code key} but with its own clock, {@code skew} away from the server's. */
    private static <B extends AwsClientBuilder<B, C>, C> C skewed(SigningKeys.AccessKey key, String signingName, Duration skew, B builder) {
        Clock clock = Clock.fixed(ecsnet.now().plus(skew), ZoneOffset.UTC);
        Signer signer = (request, attributes) -> Aws4Signer.create().sign(request, Aws4SignerParams.builder()
                .awsCredentials(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))
                .signingName(signingName).signingRegion(Region.US_EAST_1).signingClockOverride(clock).build());
        return ecsnet.configureWith(builder, key.accessKeyId(), key.secretAccessKey())
                .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.SIGNER, signer)).build();
    }

    private static void assertRefused(Runnable call, String code, int status) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(status);
        });
    }

    @Test
    void signedCallsOfEveryProtocolAreServedInTheKeysAccount() {
        try (StsClient sts = as(ALICE, StsClient.builder()); Ec2Client ec2 = as(ALICE, Ec2Client.builder());
             EcsClient ecs = as(ALICE, EcsClient.builder()); IamClient iam = as(ALICE, IamClient.builder());
             CloudWatchLogsClient logs = as(ALICE, CloudWatchLogsClient.builder());
             ElasticLoadBalancingV2Client elb = as(ALICE, ElasticLoadBalancingV2Client.builder());
             ServiceDiscoveryClient cloudMap = as(ALICE, ServiceDiscoveryClient.builder())) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("111111111111");
            assertThat(ec2.describeVpcs().vpcs()).extracting(Vpc::ownerId).containsExactly("111111111111");
            assertThat(ecs.createCluster(r -> r.clusterName("web")).cluster().clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:111111111111:cluster/web");
            assertThat(iam.getUser().user().arn()).isEqualTo("arn:aws:iam::111111111111:root");
            assertThat(logs.describeLogGroups().logGroups()).isEmpty();
            assertThat(elb.describeLoadBalancers().loadBalancers()).isEmpty();
            assertThat(cloudMap.listNamespaces().namespaces()).isEmpty();
        }
        try (StsClient sts = ecsnet.configure(StsClient.builder()).build()) {
            assertThat(sts.getCallerIdentity().account()).as("test/test is account 000000000000").isEqualTo("000000000000");
        }
    }

    @Test
    void unsignedCallsAreRefusedInEachProtocolsWords() {
        try (Ec2Client ec2 = anonymous(Ec2Client.builder()); EcsClient ecs = anonymous(EcsClient.builder());
             StsClient sts = anonymous(StsClient.builder()); IamClient iam = anonymous(IamClient.builder())) {
            assertRefused(() -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")), "MissingAuthenticationToken", 401);
            assertRefused(() -> ecs.createCluster(r -> r.clusterName("web")), "MissingAuthenticationTokenException", 400);
            assertRefused(sts::getCallerIdentity, "MissingAuthenticationToken", 403);
            assertRefused(() -> iam.createUser(r -> r.userName("ci")), "MissingAuthenticationToken", 403);
        }
        assertNothingCreatedIn(SignatureCheck.DEFAULT_KEY);
    }

    @Test
    void aWrongSecretIsRefusedAndChangesNothing() {
        SigningKeys.AccessKey wrong = new SigningKeys.AccessKey(ALICE.accessKeyId(), "not-alices-secret", ALICE.accountId());
        try (Ec2Client ec2 = as(wrong, Ec2Client.builder()); EcsClient ecs = as(wrong, EcsClient.builder());
             StsClient sts = as(wrong, StsClient.builder()); IamClient iam = as(wrong, IamClient.builder())) {
            assertRefused(() -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")), "SignatureDoesNotMatch", 403);
            assertRefused(() -> ecs.createCluster(r -> r.clusterName("web")), "InvalidSignatureException", 400);
            assertRefused(sts::getCallerIdentity, "SignatureDoesNotMatch", 403);
            assertRefused(() -> iam.createUser(r -> r.userName("ci")), "SignatureDoesNotMatch", 403);
            assertThatThrownBy(sts::getCallerIdentity).hasMessageContaining("The request signature we calculated does not match the signature you provided.");
        }
        assertNothingCreatedIn(ALICE);
    }

    @Test
    void anUnknownKeyIsRefusedEvenIfItIsAnAccountNumber() {
        SigningKeys.AccessKey stranger = new SigningKeys.AccessKey("111111111111", "test", "111111111111");
        try (Ec2Client ec2 = as(stranger, Ec2Client.builder()); EcsClient ecs = as(stranger, EcsClient.builder());
             StsClient sts = as(stranger, StsClient.builder())) {
            assertRefused(() -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")), "AuthFailure", 401);
            assertRefused(() -> ecs.createCluster(r -> r.clusterName("web")), "UnrecognizedClientException", 400);
            assertRefused(sts::getCallerIdentity, "InvalidClientTokenId", 403);
        }
        assertNothingCreatedIn(ALICE);
    }

    @Test
    void signaturesMoreThanFifteenMinutesFromTheServersClockAreRefusedBothWays() {
        for (Duration skew : new Duration[] {Duration.ofMinutes(-16), Duration.ofMinutes(16)}) {
            try (Ec2Client ec2 = skewed(ALICE, "ec2", skew, Ec2Client.builder()); EcsClient ecs = skewed(ALICE, "ecs", skew, EcsClient.builder());
                 StsClient sts = skewed(ALICE, "sts", skew, StsClient.builder())) {
                String expected = skew.isNegative() ? "Signature expired: " : "Signature not yet current: ";
                assertRefused(() -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")), "RequestExpired", 400);
                assertRefused(() -> ecs.createCluster(r -> r.clusterName("web")), "InvalidSignatureException", 400);
                assertRefused(sts::getCallerIdentity, "SignatureDoesNotMatch", 403);
                assertThatThrownBy(sts::getCallerIdentity).hasMessageStartingWith(expected);
                assertThatThrownBy(() -> ecs.listClusters()).hasMessageStartingWith(expected);
            }
        }
        assertNothingCreatedIn(ALICE);
        for (Duration skew : new Duration[] {Duration.ofMinutes(-14), Duration.ofMinutes(14)}) {
            try (StsClient sts = skewed(ALICE, "sts", skew, StsClient.builder())) {
                assertThat(sts.getCallerIdentity().account()).isEqualTo("111111111111");
            }
        }
    }

    @Test
    void timeIsTheEnginesClockNotTheMachines() {
        ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (EcsnetServer server = new EcsnetServer(new Engine(clock, 1, TimingProfile.FAST, EgressPolicy.IGNORE),
                EcsnetServer.Settings.of("127.0.0.1", 0).verifyingSignatures(java.util.List.of(ALICE))).start();
             StsClient sts = StsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port())).region(Region.US_EAST_1)
                     .credentialsProvider(() -> AwsBasicCredentials.create(ALICE.accessKeyId(), ALICE.secretAccessKey()))
                     .overrideConfiguration(o -> o.retryStrategy(software.amazon.awssdk.retries.DefaultRetryStrategy.doNotRetry())).build()) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("111111111111");
            server.engine().advance(Duration.ofMinutes(16));
            assertRefused(sts::getCallerIdentity, "SignatureDoesNotMatch", 403);
            assertThatThrownBy(sts::getCallerIdentity).hasMessageStartingWith("Signature expired: ");
        }
    }

    @Test
    void presignedRequestsAreServedUntilTheyExpire() throws Exception {
        Function<URI, HttpResponse<String>> get = uri -> {
            try {
                return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                        .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        URI sts = presign("sts", "/?Action=GetCallerIdentity&Version=2011-06-15", Duration.ofMinutes(5), ecsnet.now());
        HttpResponse<String> ok = get.apply(sts);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("<Account>111111111111</Account>");
        URI ec2 = presign("ec2", "/?Action=DescribeVpcs&Version=2016-11-15", Duration.ofMinutes(5), ecsnet.now());
        assertThat(get.apply(ec2).body()).contains("<ownerId>111111111111</ownerId>");

        HttpResponse<String> tampered = get.apply(URI.create(sts + "&DurationSeconds=900"));
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(tampered.body()).contains("<Code>SignatureDoesNotMatch</Code>");

        HttpResponse<String> expired = get.apply(presign("sts", "/?Action=GetCallerIdentity&Version=2011-06-15", Duration.ofMinutes(5),
                ecsnet.now().minus(Duration.ofMinutes(6))));
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("<Code>SignatureDoesNotMatch</Code>", "Signature expired: ");
        HttpResponse<String> expiredEc2 = get.apply(presign("ec2", "/?Action=DescribeVpcs&Version=2016-11-15", Duration.ofMinutes(5),
                ecsnet.now().minus(Duration.ofMinutes(6))));
        assertThat(expiredEc2.statusCode()).isEqualTo(400);
        assertThat(expiredEc2.body()).contains("<Code>RequestExpired</Code>", "<Message>Request has expired.</Message>");
    }

    private static URI presign(String service, String pathAndQuery, Duration expires, Instant signedAt) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(URI.create(ecsnet.endpoint() + pathAndQuery)).build();
        return AwsV4HttpSigner.create().sign(r -> r.identity(AwsCredentialsIdentity.create(ALICE.accessKeyId(), ALICE.secretAccessKey()))
                .request(request)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, expires)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC))).request().getUri();
    }

    @Test
    void aKeyOfOneAccountNeverSeesAnothersResources() {
        try (Ec2Client aliceEc2 = as(ALICE, Ec2Client.builder()); EcsClient aliceEcs = as(ALICE, EcsClient.builder());
             IamClient aliceIam = as(ALICE, IamClient.builder()); CloudWatchLogsClient aliceLogs = as(ALICE, CloudWatchLogsClient.builder());
             Ec2Client bobEc2 = as(BOB, Ec2Client.builder()); EcsClient bobEcs = as(BOB, EcsClient.builder());
             IamClient bobIam = as(BOB, IamClient.builder()); CloudWatchLogsClient bobLogs = as(BOB, CloudWatchLogsClient.builder())) {
            String vpc = aliceEc2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
            String cluster = aliceEcs.createCluster(r -> r.clusterName("private")).cluster().clusterArn();
            aliceIam.createUser(r -> r.userName("ci"));
            aliceLogs.createLogGroup(r -> r.logGroupName("/ecs/private"));

            assertThat(bobEc2.describeVpcs().vpcs()).extracting(Vpc::vpcId).doesNotContain(vpc);
            assertRefused(() -> bobEc2.describeVpcs(r -> r.vpcIds(vpc)), "InvalidVpcID.NotFound", 400);
            assertRefused(() -> bobEc2.deleteVpc(r -> r.vpcId(vpc)), "InvalidVpcID.NotFound", 400);
            assertThat(bobEcs.describeClusters(r -> r.clusters(cluster)).failures()).extracting(f -> f.reason()).containsExactly("MISSING");
            assertRefused(() -> bobEcs.deleteCluster(r -> r.cluster(cluster)), "ClusterNotFoundException", 400);
            assertRefused(() -> bobIam.getUser(r -> r.userName("ci")), "NoSuchEntity", 404);
            assertRefused(() -> bobIam.createAccessKey(r -> r.userName("ci")), "NoSuchEntity", 404);
            assertThat(bobLogs.describeLogGroups().logGroups()).isEmpty();

            assertThat(aliceEc2.describeVpcs(r -> r.vpcIds(vpc)).vpcs()).hasSize(1);
            assertThat(aliceEcs.describeClusters(r -> r.clusters(cluster)).clusters()).extracting(Cluster::status).containsExactly("ACTIVE");
            assertThat(aliceIam.getUser(r -> r.userName("ci")).user().arn()).isEqualTo("arn:aws:iam::111111111111:user/ci");
            assertThat(aliceLogs.describeLogGroups().logGroups()).hasSize(1);
        }
    }

    @Test
    void keysMadeByIamSignForTheirAccountUntilDeactivatedOrDeleted() {
        try (IamClient aliceIam = as(ALICE, IamClient.builder()); Ec2Client aliceEc2 = as(ALICE, Ec2Client.builder())) {
            String vpc = aliceEc2.createVpc(r -> r.cidrBlock("10.2.0.0/16")).vpc().vpcId();
            aliceIam.createUser(r -> r.userName("ci"));
            AccessKey made = aliceIam.createAccessKey(r -> r.userName("ci")).accessKey();
            SigningKeys.AccessKey ci = new SigningKeys.AccessKey(made.accessKeyId(), made.secretAccessKey(), "111111111111");
            try (StsClient sts = as(ci, StsClient.builder()); Ec2Client ec2 = as(ci, Ec2Client.builder());
                 IamClient iam = as(ci, IamClient.builder())) {
                assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::111111111111:user/ci");
                assertThat(ec2.describeVpcs(r -> r.vpcIds(vpc)).vpcs()).hasSize(1);
                assertThat(iam.getUser().user().userName()).as("GetUser without a name: the caller").isEqualTo("ci");
                assertThat(iam.listAccessKeys().accessKeyMetadata()).extracting(k -> k.accessKeyId()).containsExactly(made.accessKeyId());

                aliceIam.updateAccessKey(r -> r.userName("ci").accessKeyId(made.accessKeyId()).status(StatusType.INACTIVE));
                assertRefused(sts::getCallerIdentity, "InvalidClientTokenId", 403);
                aliceIam.updateAccessKey(r -> r.userName("ci").accessKeyId(made.accessKeyId()).status(StatusType.ACTIVE));
                assertThat(sts.getCallerIdentity().account()).isEqualTo("111111111111");
                aliceIam.deleteAccessKey(r -> r.userName("ci").accessKeyId(made.accessKeyId()));
                assertRefused(() -> ec2.describeVpcs(), "AuthFailure", 401);
            }
        }
    }

    /** Neither a VPC, a cluster nor a user appeared in the key's account. */
    private static void assertNothingCreatedIn(SigningKeys.AccessKey key) {
        try (Ec2Client ec2 = as(key, Ec2Client.builder()); EcsClient ecs = as(key, EcsClient.builder());
             IamClient iam = as(key, IamClient.builder())) {
            assertThat(ec2.describeVpcs().vpcs()).extracting(Vpc::isDefault).containsExactly(true);
            assertThat(ecs.listClusters().clusterArns()).isEmpty();
            assertThat(iam.listUsers().users()).isEmpty();
        }
    }
}
