package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

import static dev.ecsnet.it.EcsRefusal.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * However a call names a task definition (family: the latest ACTIVE revision, family:revision, or ARN), ECS
 * answers with the revision's full ARN: in the service, its deployments and its tasks (the AWS provider parses it).
 */
class EcsTaskDefinitionReferenceIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension(dev.ecsnet.domain.common.TimingProfile.INSTANT);

    private static final String ARN = "arn:aws:ecs:us-east-1:000000000000:task-definition/web-app:";

    private EcsTaskIT.Net net;

    @BeforeEach
    void setUp() {
        net = EcsTaskIT.network(ecsnet);
        EcsTaskIT.registerWebApp(ecsnet);
        EcsTaskIT.registerWebApp(ecsnet);
        ecsnet.ecs().createCluster(r -> r.clusterName("web"));
    }

    /** What a reference names: "family" is the latest ACTIVE revision (2). */
    private static String expected(String reference) {
        return reference.equals("web-app") ? ARN + "2" : reference.startsWith("arn:") ? reference : ARN + reference.substring(reference.indexOf(':') + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"web-app", "web-app:1", "arn:aws:ecs:us-east-1:000000000000:task-definition/web-app:1"})
    void servicesAndTheirDeploymentsShowTheFullArn(String reference) {
        Service created = ecsnet.ecs().createService(r -> r.cluster("web").serviceName("api").taskDefinition(reference).desiredCount(1)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))).service();
        assertThat(created.taskDefinition()).isEqualTo(expected(reference));
        assertThat(created.deployments().get(0).taskDefinition()).isEqualTo(expected(reference));
        ecsnet.settle();
        Service described = ecsnet.ecs().describeServices(r -> r.cluster("web").services("api")).services().get(0);
        assertThat(described.taskDefinition()).isEqualTo(expected(reference));
        assertThat(described.deployments()).extracting(d -> d.taskDefinition()).containsOnly(expected(reference));
        String task = ecsnet.ecs().listTasks(r -> r.cluster("web").serviceName("api")).taskArns().get(0);
        assertThat(ecsnet.ecs().describeTasks(r -> r.cluster("web").tasks(task)).tasks().get(0).taskDefinitionArn()).isEqualTo(expected(reference));
        // naming the same revision again in another form starts no deployment
        Service same = ecsnet.ecs().updateService(r -> r.cluster("web").service("api").taskDefinition(expected(reference))).service();
        assertThat(same.deployments()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"web-app", "web-app:1", "arn:aws:ecs:us-east-1:000000000000:task-definition/web-app:1"})
    void updateServiceAndRunTaskResolveEveryForm(String reference) {
        ecsnet.ecs().createService(r -> r.cluster("web").serviceName("api").taskDefinition("web-app:2").desiredCount(0)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets()))));
        Service updated = ecsnet.ecs().updateService(r -> r.cluster("web").service("api").taskDefinition(reference)).service();
        assertThat(updated.taskDefinition()).isEqualTo(expected(reference));
        assertThat(updated.deployments()).extracting(d -> d.taskDefinition()).allMatch(arn -> arn.startsWith(ARN));
        Task t = ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition(reference)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))).tasks().get(0);
        assertThat(t.taskDefinitionArn()).isEqualTo(expected(reference));
    }

    @Test
    void aServiceKeepsScalingADeregisteredRevisionButCannotBeUpdatedToOne() {
        ecsnet.ecs().createService(r -> r.cluster("web").serviceName("api").taskDefinition("web-app:1").desiredCount(1)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets()))));
        ecsnet.settle();
        ecsnet.ecs().deregisterTaskDefinition(r -> r.taskDefinition("web-app:1"));
        ecsnet.ecs().updateService(r -> r.cluster("web").service("api").desiredCount(2));
        ecsnet.settle();
        assertThat(ecsnet.ecs().describeServices(r -> r.cluster("web").services("api")).services().get(0).runningCount()).isEqualTo(2);
        ecsnet.ecs().deregisterTaskDefinition(r -> r.taskDefinition("web-app:2"));
        refused(() -> ecsnet.ecs().updateService(r -> r.cluster("web").service("api").taskDefinition("web-app:2")), "ClientException",
                "TaskDefinition is inactive");
        ecsnet.ecs().registerTaskDefinition(r -> r.family("other").networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE)
                .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("nginx")));
        refused(() -> ecsnet.ecs().updateService(r -> r.cluster("web").service("api").taskDefinition("web-app")), "ClientException",
                "TaskDefinition not found.");
    }

    @Test
    void aDeletedRevisionATaskStillRunsStaysDeleteInProgress() {
        ecsnet.ecs().registerTaskDefinition(r -> r.family("busy").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("nginx")));
        String task = ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition("busy:1")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))).tasks().get(0).taskArn();
        ecsnet.ecs().deregisterTaskDefinition(r -> r.taskDefinition("busy:1"));
        ecsnet.ecs().deleteTaskDefinitions(r -> r.taskDefinitions("busy:1"));
        assertThat(ecsnet.ecs().describeTaskDefinition(r -> r.taskDefinition("busy:1")).taskDefinition().status())
                .isEqualTo(TaskDefinitionStatus.DELETE_IN_PROGRESS);
        assertThat(ecsnet.ecs().listTaskDefinitions(r -> r.status(TaskDefinitionStatus.DELETE_IN_PROGRESS)).taskDefinitionArns())
                .containsExactly("arn:aws:ecs:us-east-1:000000000000:task-definition/busy:1");
        refused(() -> ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition("busy:1")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))), "ClientException", "TaskDefinition is inactive");
        ecsnet.ecs().stopTask(r -> r.cluster("web").task(task));
        ecsnet.settle();
        assertThat(ecsnet.ecs().listTaskDefinitions(r -> r.status(TaskDefinitionStatus.DELETE_IN_PROGRESS)).taskDefinitionArns()).isEmpty();
    }
}
