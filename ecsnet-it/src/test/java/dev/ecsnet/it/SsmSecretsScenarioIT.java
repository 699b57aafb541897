package dev.ecsnet.it;

import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task whose secrets name SSM parameters: it runs when they exist, and stops as AWS stops it when one does not,
 * whatever the egress policy (the parameter is looked up once the network lets the agent reach SSM).
 */
class SsmSecretsScenarioIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension(TimingProfile.FAST, EgressPolicy.IGNORE);
    static SsmClient ssm;
    static final String MISSING_REASON = "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval "
            + "failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid ssm parameters: ";

    String subnet;

    @BeforeAll
    static void client() {
        ssm = ecsnet.configure(SsmClient.builder()).build();
    }

    @AfterAll
    static void close() {
        ssm.close();
    }

    @BeforeEach
    void network() {
        NetFixture net = new NetFixture(ecsnet.ec2());
        subnet = net.subnet(net.vpc("10.0.0.0/16"), "10.0.1.0/24", "us-east-1a");
        ecsnet.ecs().createCluster(r -> r.clusterName("web"));
    }

    private void register(String... valueFroms) {
        ecsnet.ecs().registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE)
                .cpu("256").memory("512").executionRoleArn("arn:aws:iam::000000000000:role/exec")
                .containerDefinitions(c -> c.name("app").image("nginx").secrets(java.util.Arrays.stream(valueFroms)
                        .map(v -> software.amazon.awssdk.services.ecs.model.Secret.builder().name("S" + v.length()).valueFrom(v).build()).toList())));
    }

    private Task run() {
        String arn = ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition("web").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet)))).tasks().get(0).taskArn();
        ecsnet.settle();
        return ecsnet.ecs().describeTasks(r -> r.cluster("web").tasks(arn)).tasks().get(0);
    }

    @Test
    void aTaskWhoseSecretParametersExistRuns() {
        ssm.putParameter(r -> r.name("/web/db-password").value("s3cret").type(ParameterType.SECURE_STRING));
        ssm.putParameter(r -> r.name("api-key").value("k").type(ParameterType.STRING));
        register("/web/db-password", "arn:aws:ssm:us-east-1:000000000000:parameter/api-key");
        Task t = run();
        assertThat(t.lastStatus()).isEqualTo("RUNNING");
    }

    @Test
    void aMissingParameterStopsTheTaskAsTheAgentReportsIt() {
        ssm.putParameter(r -> r.name("/web/db-password").value("s3cret").type(ParameterType.SECURE_STRING));
        register("/web/db-password", "arn:aws:ssm:us-east-1:000000000000:parameter/web/api-key", "/web/token");
        Task t = run();
        assertThat(t.lastStatus()).isEqualTo("STOPPED");
        assertThat(t.stopCodeAsString()).isEqualTo("TaskFailedToStart");
        assertThat(t.stoppedReason()).isEqualTo(MISSING_REASON + "/web/api-key,/web/token");
        assertThat(new NetFixture(ecsnet.ec2()).available(subnet)).as("the task's address is given back").isEqualTo(251);

        // the user creates the parameters, and the next task runs
        ssm.putParameter(r -> r.name("/web/api-key").value("k").type(ParameterType.SECURE_STRING));
        ssm.putParameter(r -> r.name("/web/token").value("t").type(ParameterType.SECURE_STRING));
        assertThat(run().lastStatus()).isEqualTo("RUNNING");
    }

    @Test
    void diagnoseNamesTheMissingParameterOnceTheNetworkLetsTheTaskReachSsm() throws Exception {
        String vpc = ecsnet.ec2().describeVpcs(r -> r.filters(NetFixture.filter("is-default", "true"))).vpcs().get(0).vpcId();
        String publicSubnet = ecsnet.ec2().describeSubnets(r -> r.filters(NetFixture.filter("vpc-id", vpc))).subnets().get(0).subnetId();
        register("/web/missing");
        String arn = ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition("web").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(publicSubnet)
                        .assignPublicIp(software.amazon.awssdk.services.ecs.model.AssignPublicIp.ENABLED)))).tasks().get(0).taskArn();
        ecsnet.settle();
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(ecsnet.endpoint() + "/_ecsnet/diagnose?target=" + arn)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).contains("BLOCKED").contains("SSM parameter(s) /web/missing do not exist in us-east-1");
    }

    @Test
    void secretsOfAnotherRegionAndSecretsManagerAreNotThisStoresToJudge() {
        register("arn:aws:ssm:eu-west-1:000000000000:parameter/web/elsewhere",
                "arn:aws:secretsmanager:us-east-1:000000000000:secret:db-AbCdEf");
        assertThat(run().lastStatus()).isEqualTo("RUNNING");
    }
}
