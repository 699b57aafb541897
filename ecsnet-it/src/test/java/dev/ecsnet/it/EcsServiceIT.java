package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.CreateServiceResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** ECS service operations through the SDK: happy paths, what reads back, and AWS's error codes. */
class EcsServiceIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension(dev.ecsnet.domain.common.TimingProfile.INSTANT);

    private String subnet;
    private String sg;

    @BeforeEach
    void setUp() {
        NetFixture net = new NetFixture(ecsnet.ec2());
        String vpc = net.vpc("10.0.0.0/16");
        subnet = net.subnet(vpc, "10.0.1.0/24", "us-east-1a");
        sg = ecsnet.ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("web")).groupId();
        ecsnet.ecs().createCluster(r -> r.clusterName("web"));
        ecsnet.ecs().registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .containerDefinitions(c -> c.name("app").image("nginx").portMappings(p -> p.containerPort(8080))));
    }

    private CreateServiceResponse create(String name, int count) {
        return ecsnet.ecs().createService(r -> r.cluster("web").serviceName(name).taskDefinition("web").desiredCount(count)
                .launchType(LaunchType.FARGATE).propagateTags(PropagateTags.SERVICE).enableECSManagedTags(true)
                .tags(t -> t.key("team").value("a"))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet).securityGroups(sg))));
    }

    private static AwsServiceException error(Runnable call) {
        AwsServiceException e = catchThrowableOfType(call::run, AwsServiceException.class);
        assertThat(e).as("an AWS error").isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        return e;
    }

    @Test
    void createServiceAnswersWithTheServiceAsConfigured() {
        Service s = create("api", 2).service();
        assertThat(s.serviceArn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:service/web/api");
        assertThat(s.status()).isEqualTo("ACTIVE");
        assertThat(s.desiredCount()).isEqualTo(2);
        assertThat(s.launchTypeAsString()).isEqualTo("FARGATE");
        assertThat(s.platformVersion()).isEqualTo("LATEST");
        assertThat(s.schedulingStrategyAsString()).isEqualTo("REPLICA");
        assertThat(s.deploymentConfiguration().maximumPercent()).isEqualTo(200);
        assertThat(s.deploymentConfiguration().minimumHealthyPercent()).isEqualTo(100);
        assertThat(s.deploymentConfiguration().deploymentCircuitBreaker().enable()).isFalse();
        assertThat(s.networkConfiguration().awsvpcConfiguration().subnets()).containsExactly(subnet);
        assertThat(s.networkConfiguration().awsvpcConfiguration().assignPublicIpAsString()).isEqualTo("DISABLED");
        assertThat(s.deployments()).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo("PRIMARY");
            assertThat(d.rolloutStateAsString()).isEqualTo("IN_PROGRESS");
        });
        assertThat(s.tags()).hasSize(1);
        assertThat(s.availabilityZoneRebalancingAsString()).isEqualTo("DISABLED");
        assertThat(s.deploymentController().typeAsString()).isEqualTo("ECS");
    }

    @Test
    void aDesiredCountFarBeyondTheSubnetFillsItAndTheServerKeepsAnswering() {
        String big = new NetFixture(ecsnet.ec2()).subnet(ecsnet.ec2().describeSubnets(r -> r.subnetIds(subnet)).subnets().get(0).vpcId(),
                "10.0.16.0/20", "us-east-1b");
        ecsnet.ecs().createService(r -> r.cluster("web").serviceName("huge").taskDefinition("web").desiredCount(Integer.MAX_VALUE)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(big).securityGroups(sg))));
        ecsnet.advance(java.time.Duration.ofMinutes(30));
        assertThat(ecsnet.ec2().describeSubnets(r -> r.subnetIds(big)).subnets().get(0).availableIpAddressCount()).isZero();
        Service s = ecsnet.ecs().describeServices(r -> r.cluster("web").services("huge")).services().get(0);
        assertThat(s.desiredCount()).isEqualTo(Integer.MAX_VALUE);
        assertThat(s.runningCount() + s.pendingCount()).isEqualTo(4096 - 5);
        ecsnet.ecs().deleteService(r -> r.cluster("web").service("huge").force(true));
    }

    @Test
    void describeServicesShowsTagsOnlyWhenAskedAndUnknownOnesAsMissing() {
        create("api", 1);
        DescribeServicesResponse r = ecsnet.ecs().describeServices(x -> x.cluster("web").services("api", "nope"));
        assertThat(r.services()).singleElement().satisfies(s -> assertThat(s.hasTags()).isFalse());
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:service/web/nope");
            assertThat(f.reason()).isEqualTo("MISSING");
        });
        Service tagged = ecsnet.ecs().describeServices(x -> x.cluster("web").services("api").include(ServiceField.TAGS)).services().get(0);
        assertThat(tagged.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("team=a");
        assertThat(tagged.runningCount()).isEqualTo(1);
        assertThat(tagged.events()).isNotEmpty();
    }

    @Test
    void serviceTasksCarryTheDeploymentGroupAndPropagatedTags() {
        Service s = create("api", 1).service();
        List<String> arns = ecsnet.ecs().listTasks(r -> r.cluster("web").serviceName("api")).taskArns();
        assertThat(arns).hasSize(1);
        var task = ecsnet.ecs().describeTasks(r -> r.cluster("web").tasks(arns).include(software.amazon.awssdk.services.ecs.model.TaskField.TAGS))
                .tasks().get(0);
        assertThat(task.startedBy()).isEqualTo(s.deployments().get(0).id());
        assertThat(task.group()).isEqualTo("service:api");
        assertThat(task.tags()).extracting(t -> t.key() + "=" + t.value())
                .containsExactlyInAnyOrder("aws:ecs:clusterName=web", "aws:ecs:serviceName=api", "team=a");
        assertThat(ecsnet.ecs().listTasks(r -> r.cluster("web").startedBy(s.deployments().get(0).id())).taskArns()).isEqualTo(arns);
    }

    @Test
    void theServicesStableWaiterSucceedsOnceTheServiceRunsItsCount() {
        create("api", 2);
        ecsnet.settle();
        var outcome = ecsnet.ecs().waiter().waitUntilServicesStable(r -> r.cluster("web").services("api"));
        assertThat(outcome.matched().response()).hasValueSatisfying(r -> assertThat(r.services().get(0).runningCount()).isEqualTo(2));
    }

    @Test
    void listServicesListsActiveServices() {
        create("a", 0);
        create("b", 0);
        assertThat(ecsnet.ecs().listServices(r -> r.cluster("web")).serviceArns()).hasSize(2);
        assertThat(ecsnet.ecs().listServices(r -> r.cluster("web").launchType(LaunchType.EC2)).serviceArns()).isEmpty();
        ecsnet.ecs().deleteService(r -> r.cluster("web").service("a"));
        assertThat(ecsnet.ecs().listServices(r -> r.cluster("web")).serviceArns()).containsExactly(
                "arn:aws:ecs:us-east-1:000000000000:service/web/b");
    }

    @Test
    void updateServiceScalesAndDeleteMakesItInactive() {
        create("api", 2);
        Service s = ecsnet.ecs().updateService(r -> r.cluster("web").service("api").desiredCount(0)).service();
        assertThat(s.desiredCount()).isZero();
        assertThat(s.deployments()).hasSize(1);
        assertThat(ecsnet.ecs().deleteService(r -> r.cluster("web").service("api")).service().status()).isEqualTo("DRAINING");
        ecsnet.settle();
        assertThat(ecsnet.ecs().describeServices(r -> r.cluster("web").services("api")).services().get(0).status()).isEqualTo("INACTIVE");
        // deleting it again (a retried call) answers the INACTIVE service, as AWS does
        assertThat(ecsnet.ecs().deleteService(r -> r.cluster("web").service("api")).service().status()).isEqualTo("INACTIVE");
        // the name can be used again
        assertThat(create("api", 0).service().status()).isEqualTo("ACTIVE");
    }

    @Test
    void forceDeleteDrainsARunningService() {
        create("api", 2);
        Service s = ecsnet.ecs().deleteService(r -> r.cluster("web").service("api").force(true)).service();
        assertThat(s.status()).isEqualTo("DRAINING");
        ecsnet.settle();
        assertThat(ecsnet.ecs().listTasks(r -> r.cluster("web")).taskArns()).isEmpty();
    }

    @Test
    void errors() {
        create("api", 1);
        assertThat(error(() -> create("api", 1)).awsErrorDetails().errorMessage()).isEqualTo("Creation of service was not idempotent.");
        AwsServiceException scaled = error(() -> ecsnet.ecs().deleteService(r -> r.cluster("web").service("api")));
        assertThat(scaled.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException");
        assertThat(scaled.awsErrorDetails().errorMessage()).isEqualTo("The service cannot be stopped while it is scaled above 0.");
        AwsServiceException missing = error(() -> ecsnet.ecs().updateService(r -> r.cluster("web").service("nope").desiredCount(1)));
        assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("ServiceNotFoundException");
        assertThat(missing.awsErrorDetails().errorMessage()).isEqualTo("Service not found.");
        assertThat(error(() -> ecsnet.ecs().deleteService(r -> r.cluster("web").service("nope"))).awsErrorDetails().errorCode())
                .isEqualTo("ServiceNotFoundException");
        assertThat(error(() -> ecsnet.ecs().listTasks(r -> r.cluster("web").serviceName("nope"))).awsErrorDetails().errorCode())
                .isEqualTo("ServiceNotFoundException");
        assertThat(error(() -> ecsnet.ecs().createService(r -> r.cluster("nope").serviceName("x").taskDefinition("web")))
                .awsErrorDetails().errorCode()).isEqualTo("ClusterNotFoundException");
        AwsServiceException td = error(() -> ecsnet.ecs().createService(r -> r.cluster("web").serviceName("x").taskDefinition("nope")));
        assertThat(td.awsErrorDetails().errorCode()).isEqualTo("ClientException");
        assertThat(td.awsErrorDetails().errorMessage()).isEqualTo("TaskDefinition not found.");
        AwsServiceException noNetwork = error(() -> ecsnet.ecs().createService(r -> r.cluster("web").serviceName("x")
                .taskDefinition("web").launchType(LaunchType.FARGATE)));
        assertThat(noNetwork.awsErrorDetails().errorMessage())
                .isEqualTo("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        AwsServiceException badSubnet = error(() -> ecsnet.ecs().createService(r -> r.cluster("web").serviceName("x")
                .taskDefinition("web").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0000000000000000a")))));
        assertThat(badSubnet.awsErrorDetails().errorMessage()).contains("InvalidSubnetID.NotFound");
        AwsServiceException noTg = error(() -> ecsnet.ecs().createService(r -> r.cluster("web").serviceName("x")
                .taskDefinition("web").launchType(LaunchType.FARGATE)
                .loadBalancers(l -> l.targetGroupArn("arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/nope/0123456789abcdef")
                        .containerName("app").containerPort(8080))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet)))));
        assertThat(noTg.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException");
        assertThat(error(() -> ecsnet.ecs().describeServices(r -> r.cluster("web"))).awsErrorDetails().errorCode())
                .isEqualTo("InvalidParameterException");

        ecsnet.ecs().updateService(r -> r.cluster("web").service("api").desiredCount(0));
        ecsnet.ecs().deleteService(r -> r.cluster("web").service("api"));
        AwsServiceException notActive = error(() -> ecsnet.ecs().updateService(r -> r.cluster("web").service("api").desiredCount(1)));
        assertThat(notActive.awsErrorDetails().errorCode()).isEqualTo("ServiceNotActiveException");
        assertThat(notActive.awsErrorDetails().errorMessage()).isEqualTo("Service was not ACTIVE.");
    }

    @Test
    void aClusterWithAnActiveServiceCannotBeDeleted() {
        create("api", 0);
        AwsServiceException e = error(() -> ecsnet.ecs().deleteCluster(r -> r.cluster("web")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClusterContainsServicesException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The Cluster cannot be deleted while Services are active.");
        assertThat(ecsnet.ecs().describeClusters(r -> r.clusters("web")).clusters().get(0).activeServicesCount()).isEqualTo(1);
    }
}
