package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.model.CreateTaskSetRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ScaleUnit;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskSet;
import software.amazon.awssdk.services.ecs.model.TaskSetField;

import java.util.List;
import java.util.function.Consumer;

import static dev.ecsnet.it.EcsRefusal.refused;
import static dev.ecsnet.it.EcsRefusal.refusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EXTERNAL deployment controller through the SDK: a service without task definition, task sets that own their
 * tasks at a scale of the service's desired count, the primary task set, draining on delete, and AWS's errors.
 */
class EcsTaskSetIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension(dev.ecsnet.domain.common.TimingProfile.INSTANT);

    private EcsTaskIT.Net net;

    @BeforeEach
    void setUp() {
        net = EcsTaskIT.network(ecsnet);
        EcsTaskIT.registerWebApp(ecsnet);
        EcsTaskIT.registerWebApp(ecsnet);
        ecsnet.ecs().createCluster(r -> r.clusterName("web").capacityProviders("FARGATE", "FARGATE_SPOT"));
    }

    private Service external(int desired) {
        return ecsnet.ecs().createService(r -> r.cluster("web").serviceName("api").desiredCount(desired)
                .deploymentController(d -> d.type(DeploymentControllerType.EXTERNAL))).service();
    }

    private TaskSet taskSet(String revision, double scale, Consumer<CreateTaskSetRequest.Builder> more) {
        return ecsnet.ecs().createTaskSet(r -> {
            r.cluster("web").service("api").taskDefinition("web-app:" + revision).scale(s -> s.value(scale).unit(ScaleUnit.PERCENT))
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())));
            more.accept(r);
        }).taskSet();
    }

    private List<Task> tasksOf(String taskSetId) {
        List<String> arns = ecsnet.ecs().listTasks(r -> r.cluster("web").startedBy(taskSetId)).taskArns();
        return arns.isEmpty() ? List.of() : ecsnet.ecs().describeTasks(r -> r.cluster("web").tasks(arns)).tasks();
    }

    private TaskSet describe(String id) {
        return ecsnet.ecs().describeTaskSets(r -> r.cluster("web").service("api").taskSets(id)).taskSets().get(0);
    }

    @Test
    void taskSetsRunTheirShareOfTheDesiredCountAndShiftWhenTheExternalDeployerSaysSo() {
        Service s = external(4);
        assertThat(s.deploymentController().type()).isEqualTo(DeploymentControllerType.EXTERNAL);
        assertThat(s.taskDefinition()).isNull();
        assertThat(s.deployments()).isEmpty();
        assertThat(s.taskSets()).isEmpty();

        TaskSet blue = taskSet("1", 100, r -> r.launchType(LaunchType.FARGATE).externalId("blue"));
        assertThat(blue.id()).matches("ecs-svc/\\d{19}");
        assertThat(blue.taskSetArn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:task-set/web/api/" + blue.id());
        assertThat(blue.status()).isEqualTo("ACTIVE");
        assertThat(blue.taskDefinition()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:task-definition/web-app:1");
        assertThat(blue.computedDesiredCount()).isEqualTo(4);
        assertThat(blue.scale().value()).isEqualTo(100.0);
        assertThat(blue.stabilityStatusAsString()).isEqualTo("STABILIZING");
        assertThat(blue.externalId()).isEqualTo("blue");
        ecsnet.settle();
        assertThat(tasksOf(blue.id())).hasSize(4).allSatisfy(t -> assertThat(t.group()).isEqualTo("service:api"));
        assertThat(describe(blue.id()).stabilityStatusAsString()).isEqualTo("STEADY_STATE");
        assertThat(describe(blue.id()).runningCount()).isEqualTo(4);
        ecsnet.ecs().updateServicePrimaryTaskSet(r -> r.cluster("web").service("api").primaryTaskSet(blue.taskSetArn()));

        // green at 50% (rounded up: 2 tasks), then primary; blue scaled down and deleted
        TaskSet green = taskSet("2", 50, r -> r.capacityProviderStrategy(x -> x.capacityProvider("FARGATE_SPOT").weight(1)));
        assertThat(green.computedDesiredCount()).isEqualTo(2);
        assertThat(green.capacityProviderStrategy()).singleElement().satisfies(x -> assertThat(x.capacityProvider()).isEqualTo("FARGATE_SPOT"));
        ecsnet.settle();
        assertThat(tasksOf(green.id())).hasSize(2).allSatisfy(t -> assertThat(t.capacityProviderName()).isEqualTo("FARGATE_SPOT"));
        TaskSet primary = ecsnet.ecs().updateServicePrimaryTaskSet(r -> r.cluster("web").service("api").primaryTaskSet(green.id())).taskSet();
        assertThat(primary.status()).isEqualTo("PRIMARY");
        assertThat(describe(blue.id()).status()).isEqualTo("ACTIVE");
        ecsnet.ecs().updateTaskSet(r -> r.cluster("web").service("api").taskSet(green.id()).scale(x -> x.value(100.0).unit(ScaleUnit.PERCENT)));
        ecsnet.ecs().updateTaskSet(r -> r.cluster("web").service("api").taskSet(blue.id()).scale(x -> x.value(0.0).unit(ScaleUnit.PERCENT)));
        ecsnet.settle();
        assertThat(tasksOf(green.id())).hasSize(4);
        assertThat(ecsnet.ecs().listTasks(r -> r.cluster("web").startedBy(blue.id())).taskArns()).isEmpty();
        TaskSet deleted = ecsnet.ecs().deleteTaskSet(r -> r.cluster("web").service("api").taskSet(blue.id())).taskSet();
        assertThat(deleted.status()).isEqualTo("DRAINING");
        ecsnet.settle();
        var left = ecsnet.ecs().describeTaskSets(r -> r.cluster("web").service("api"));
        assertThat(left.taskSets()).extracting(TaskSet::id).containsExactly(green.id());
        Service now = ecsnet.ecs().describeServices(r -> r.cluster("web").services("api")).services().get(0);
        assertThat(now.taskSets()).extracting(TaskSet::id).containsExactly(green.id());
        assertThat(now.runningCount()).isEqualTo(4);
        // the service's desired count scales every task set
        ecsnet.ecs().updateService(r -> r.cluster("web").service("api").desiredCount(2));
        ecsnet.settle();
        assertThat(tasksOf(green.id())).hasSize(2);
    }

    @Test
    void deletingAScaledTaskSetNeedsForceAndTagsAreShownWhenAsked() {
        external(2);
        TaskSet ts = taskSet("1", 100, r -> r.launchType(LaunchType.FARGATE).tags(t -> t.key("color").value("blue")));
        assertThat(ecsnet.ecs().describeTaskSets(r -> r.cluster("web").service("api").taskSets(ts.id())).taskSets().get(0).hasTags()).isFalse();
        assertThat(ecsnet.ecs().describeTaskSets(r -> r.cluster("web").service("api").taskSets(ts.id()).include(TaskSetField.TAGS))
                .taskSets().get(0).tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("blue"));
        assertThat(ecsnet.ecs().listTagsForResource(r -> r.resourceArn(ts.taskSetArn())).tags()).hasSize(1);
        ecsnet.settle();
        refusedWithoutChange(() -> describe(ts.id()).status(), () -> ecsnet.ecs().deleteTaskSet(r -> r.cluster("web").service("api")
                .taskSet(ts.id())), "InvalidParameterException", null);
        assertThat(ecsnet.ecs().deleteTaskSet(r -> r.cluster("web").service("api").taskSet(ts.id()).force(true)).taskSet().status())
                .isEqualTo("DRAINING");
        ecsnet.settle();
        assertThat(ecsnet.ecs().listTasks(r -> r.cluster("web").serviceName("api")).taskArns()).isEmpty();
        var missing = ecsnet.ecs().describeTaskSets(r -> r.cluster("web").service("api").taskSets(ts.id()));
        assertThat(missing.failures()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
        // and the service deletes once its count is 0
        ecsnet.ecs().updateService(r -> r.cluster("web").service("api").desiredCount(0));
        assertThat(ecsnet.ecs().deleteService(r -> r.cluster("web").service("api")).service().status()).isEqualTo("DRAINING");
    }

    @Test
    void aTaskSetsTasksJoinItsServiceRegistriesWithItsExternalId() {
        try (var sd = ServiceDiscoveryIT.client(ecsnet)) {
            String op = sd.createHttpNamespace(r -> r.name("shop")).operationId();
            String ns = sd.getOperation(r -> r.operationId(op)).operation().targetsAsStrings().get("NAMESPACE");
            var registry = sd.createService(r -> r.name("api").namespaceId(ns)).service();
            external(1);
            TaskSet ts = taskSet("1", 100, r -> r.launchType(LaunchType.FARGATE).externalId("deploy-7")
                    .serviceRegistries(x -> x.registryArn(registry.arn())));
            assertThat(ts.serviceRegistries()).singleElement().satisfies(x -> assertThat(x.registryArn()).isEqualTo(registry.arn()));
            ecsnet.settle();
            String task = tasksOf(ts.id()).get(0).taskArn();
            assertThat(sd.listInstances(r -> r.serviceId(registry.id())).instances()).singleElement().satisfies(i -> {
                assertThat(i.id()).isEqualTo(task.substring(task.lastIndexOf('/') + 1));
                assertThat(i.attributes()).containsEntry("ECS_TASK_SET_EXTERNAL_ID", "deploy-7").containsEntry("ECS_SERVICE_NAME", "api");
            });
            ecsnet.ecs().deleteTaskSet(r -> r.cluster("web").service("api").taskSet(ts.id()).force(true));
            ecsnet.settle();
            assertThat(sd.listInstances(r -> r.serviceId(registry.id())).instances()).isEmpty();
        }
    }

    @Test
    void refusals() {
        refused(() -> ecsnet.ecs().createService(r -> r.cluster("web").serviceName("api").taskDefinition("web-app")
                .deploymentController(d -> d.type(DeploymentControllerType.EXTERNAL))), "InvalidParameterException", "TaskDefinition must be blank.");
        refused(() -> ecsnet.ecs().createService(r -> r.cluster("web").serviceName("api").launchType(LaunchType.FARGATE)
                .deploymentController(d -> d.type(DeploymentControllerType.EXTERNAL))), "InvalidParameterException", null);
        refused(() -> ecsnet.ecs().createService(r -> r.cluster("web").serviceName("api").taskDefinition("web-app")
                .deploymentController(d -> d.type(DeploymentControllerType.CODE_DEPLOY))), "InvalidParameterException",
                "The CODE_DEPLOY deployment controller is not supported by ecsnet; use ECS or EXTERNAL.");
        assertThat(ecsnet.ecs().listServices(r -> r.cluster("web")).serviceArns()).isEmpty();

        // task sets belong to EXTERNAL services only
        ecsnet.ecs().createService(r -> r.cluster("web").serviceName("rolling").taskDefinition("web-app").desiredCount(0)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets()))));
        refused(() -> ecsnet.ecs().createTaskSet(r -> r.cluster("web").service("rolling").taskDefinition("web-app")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))), "InvalidParameterException",
                "Amazon ECS only supports task set management on services configured to use external deployment controllers.");
        refused(() -> ecsnet.ecs().describeTaskSets(r -> r.cluster("web").service("rolling")), "InvalidParameterException",
                "Amazon ECS only supports task set management on services configured to use external deployment controllers.");

        external(2);
        refused(() -> ecsnet.ecs().createTaskSet(r -> r.cluster("web").service("nope").taskDefinition("web-app")), "ServiceNotFoundException",
                "Service not found.");
        refused(() -> ecsnet.ecs().updateTaskSet(r -> r.cluster("web").service("api").taskSet("ecs-svc/1234567890123456789")
                .scale(x -> x.value(50.0))), "TaskSetNotFoundException", "The specified task set wasn't found.");
        refused(() -> taskSet("1", 101, r -> r.launchType(LaunchType.FARGATE)), "InvalidParameterException", "The scale value must be between 0 and 100.");
        refused(() -> taskSet("1", 50, r -> r.launchType(LaunchType.FARGATE).capacityProviderStrategy(x -> x.capacityProvider("FARGATE").weight(1))),
                "InvalidParameterException", "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
        refused(() -> ecsnet.ecs().createTaskSet(r -> r.cluster("web").service("api").taskDefinition("web-app").launchType(LaunchType.FARGATE)),
                "InvalidParameterException", "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        assertThat(ecsnet.ecs().describeTaskSets(r -> r.cluster("web").service("api")).taskSets()).isEmpty();
        for (int i = 0; i < 5; i++) {
            taskSet("1", 0, r -> r.launchType(LaunchType.FARGATE));
        }
        refused(() -> taskSet("1", 0, r -> r.launchType(LaunchType.FARGATE)), "InvalidParameterException",
                "5 deployments exist on the service. Unable to create new TaskSet since this exceeds the maximum limit.");
        refused(() -> ecsnet.ecs().updateService(r -> r.cluster("web").service("api").taskDefinition("web-app")), "InvalidParameterException", null);
    }
}
