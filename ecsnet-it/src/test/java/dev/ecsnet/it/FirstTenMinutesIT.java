package dev.ecsnet.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsnet.app.cli.EcsnetCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a new user meets first, through the AWS SDK for Java v2 and the admin API: calls ecsnet does not emulate
 * say so in every protocol, a region that is not real is refused naming it (and changes nothing), the admin API
 * lists itself and says which method an endpoint takes, and reach answers same-group and internet questions.
 */
class FirstTenMinutesIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void refused(Runnable call, String code, int status, Consumer<String> message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(status);
            message.accept(e.awsErrorDetails().errorMessage());
        });
    }

    @Test
    void operationsAndServicesThatAreNotEmulatedSaySoInEveryProtocol() {
        try (EcrClient ecr = ecsnet.configure(EcrClient.builder()).build(); IamClient iam = ecsnet.configure(IamClient.builder()).build()) {
            refused(ecr::describeRepositories, "UnknownOperationException", 400, m -> assertThat(m)
                    .isEqualTo("ecsnet does not emulate ecr:DescribeRepositories (no emulated service answers signing name 'ecr' with "
                            + "target prefix 'AmazonEC2ContainerRegistry_V20150921')"));
            refused(() -> ecsnet.ecs().getTaskProtection(r -> r.cluster("default")), "UnknownOperationException", 400,
                    m -> assertThat(m).isEqualTo("ecsnet does not emulate ecs:GetTaskProtection"));
            refused(() -> ecsnet.ec2().describeTransitGateways(r -> { }), "InvalidAction", 400,
                    m -> assertThat(m).isEqualTo("ecsnet does not emulate ec2:DescribeTransitGateways"));
            refused(() -> iam.listGroups(r -> { }), "InvalidAction", 400, m -> assertThat(m).isEqualTo("ecsnet does not emulate iam:ListGroups"));
        }
    }

    @Test
    void aRegionThatIsNotRealIsRefusedNamingItInEveryProtocolAndChangesNothing() {
        try (Ec2Client typo = ecsnet.configureAs(Ec2Client.builder(), "test", Region.of("us-esat-1")).build();
             EcsClient mars = ecsnet.configureAs(EcsClient.builder(), "test", Region.of("mars-north-7")).build();
             StsClient squashed = ecsnet.configureAs(StsClient.builder(), "test", Region.of("useast1")).build()) {
            refused(() -> typo.createVpc(r -> r.cidrBlock("10.7.0.0/16")), "SignatureDoesNotMatch", 403,
                    m -> assertThat(m).isEqualTo("Credential should be scoped to a valid region, not 'us-esat-1'."));
            refused(mars::listClusters, "InvalidSignatureException", 400,
                    m -> assertThat(m).isEqualTo("Credential should be scoped to a valid region, not 'mars-north-7'."));
            refused(squashed::getCallerIdentity, "SignatureDoesNotMatch", 403,
                    m -> assertThat(m).isEqualTo("Credential should be scoped to a valid region, not 'useast1'."));
        }
        assertThat(ecsnet.ec2().describeVpcs(r -> r.filters(Filter.builder().name("cidr").values("10.7.0.0/16").build())).vpcs()).isEmpty();
        for (Region real : new Region[] {Region.AP_SOUTHEAST_2, Region.CN_NORTH_1, Region.US_GOV_WEST_1}) {
            try (Ec2Client ec2 = ecsnet.configureAs(Ec2Client.builder(), "test", real).build()) {
                assertThat(ec2.describeVpcs().vpcs()).as(real.id()).singleElement()
                        .satisfies(v -> assertThat(v.cidrBlock()).isEqualTo("172.31.0.0/16"));
            }
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ecsnet.endpoint() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theAdminApiListsItselfSaysWhichMethodAndNamesTheRegion() throws Exception {
        JsonNode list = JSON.readTree(get("/_ecsnet").body());
        assertThat(list.path("endpoints").findValuesAsText("path"))
                .containsExactly("/_ecsnet/health", "/_ecsnet/reset", "/_ecsnet/diagnose", "/_ecsnet/reach", "/_ecsnet/capacity", "/_ecsnet/ui",
                        "/_ecsnet/version", "/_ecsnet/topology", "/_ecsnet/task", "/_ecsnet/service", "/_ecsnet/regions", "/_ecsnet/state");
        HttpResponse<String> reset = get("/_ecsnet/reset");
        assertThat(reset.statusCode()).isEqualTo(405);
        assertThat(reset.headers().firstValue("Allow")).contains("POST");
        assertThat(JSON.readTree(reset.body()).path("error").asText()).isEqualTo("use POST for /_ecsnet/reset");
        JsonNode health = JSON.readTree(get("/_ecsnet/health").body());
        assertThat(health.path("status").asText()).isEqualTo("ready");
        assertThat(health.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(health.path("port").asInt()).isEqualTo(ecsnet.port());
        assertThat(health.path("uptimeSeconds").asLong()).isNotNegative();
        assertThat(health.path("seed").asLong()).isEqualTo(42);
        assertThat(health.path("init").asText()).isEqualTo("done");
        HttpResponse<String> typo = get("/_ecsnet/diagnose?target=web&region=us-esat-1");
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(typo.body()).path("error").asText())
                .isEqualTo("'us-esat-1' is not an AWS region (ecsnet serves only real region names, e.g. us-east-1)");
    }

    @Test
    void reachAsksAboutTwoMembersOfOneGroupAndTheInternet() throws Exception {
        String vpc = ecsnet.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        ecsnet.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a"));
        String sg = ecsnet.ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("app").description("app")).groupId();
        JsonNode closed = JSON.readTree(get("/_ecsnet/reach?source=" + sg + "&destination=" + sg + "&port=8080").body());
        assertThat(closed.path("region").asText()).isEqualTo("us-east-1");
        assertThat(closed.path("answers")).singleElement().satisfies(a -> {
            assertThat(a.path("allowed").asBoolean()).isFalse();
            assertThat(a.path("to").asText()).isEqualTo("another interface carrying " + sg);
        });
        ecsnet.ec2().authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(p -> p.ipProtocol("tcp").fromPort(8080).toPort(8080)
                .userIdGroupPairs(g -> g.groupId(sg))));
        JsonNode open = JSON.readTree(get("/_ecsnet/reach?source=" + sg + "&destination=" + sg + "&port=8080").body());
        assertThat(open.path("answers").get(0).path("allowed").asBoolean()).isTrue();
        JsonNode internet = JSON.readTree(get("/_ecsnet/reach?source=" + sg + "&destination=0.0.0.0/0&port=443").body());
        assertThat(internet.path("answers")).singleElement().satisfies(a -> {
            assertThat(a.path("to").asText()).isEqualTo("the internet (0.0.0.0/0)");
            assertThat(a.path("allowed").asBoolean()).isFalse();
            assertThat(a.path("explanationCode").asText()).isEqualTo("NO_ROUTE_TO_DESTINATION");
        });
    }

    record CliRun(int exitCode, String out, String err) {
    }

    private static CliRun cli(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            int code = EcsnetCommand.commandLine().execute(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    @Test
    void theCommandsSayWhatIsWrongInOneLine() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CliRun none = cli("diagnose", "web", "--endpoint", "http://127.0.0.1:" + closed);
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("ecsnet diagnose: no ecsnet answers at http://127.0.0.1:" + closed
                + " (connection refused; is 'ecsnet serve' running there?)\n").doesNotContain("null");
        CliRun port = cli("reach", "a", "b", "70000", "--endpoint", ecsnet.endpoint().toString());
        assertThat(port.exitCode()).isEqualTo(2);
        assertThat(port.err()).isEqualTo("ecsnet reach: port 70000 is not a port number (0-65535)\n");
        CliRun region = cli("diagnose", "web", "--region", "mars-north-7", "--endpoint", ecsnet.endpoint().toString());
        assertThat(region.exitCode()).isEqualTo(2);
        assertThat(region.err()).isEqualTo("ecsnet diagnose: 'mars-north-7' is not an AWS region (ecsnet serves only real region names, e.g. us-east-1)\n");
    }
}
