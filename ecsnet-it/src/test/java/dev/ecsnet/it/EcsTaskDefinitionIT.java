package dev.ecsnet.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EcsTaskDefinitionIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private static final String ARN = "arn:aws:ecs:us-east-1:000000000000:task-definition/";

    private static Consumer<RegisterTaskDefinitionRequest.Builder> fargate(String family) {
        return r -> r.family(family).networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE)
                .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("nginx").portMappings(p -> p.containerPort(8080)));
    }

    @Test
    void registerRoundTripsWhatWasSentAndAddsWhatEcsAdds() {
        var out = ecsnet.ecs().registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilities(Compatibility.FARGATE).cpu("1 vCPU").memory("2GB")
                .executionRoleArn("arn:aws:iam::000000000000:role/exec").tags(t -> t.key("team").value("blue"))
                .containerDefinitions(c -> c.name("app").image("nginx").essential(true)
                        .environment(KeyValuePair.builder().name("A").value("1").build())
                        .healthCheck(h -> h.command("CMD-SHELL", "true").interval(30))
                        .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(java.util.Map.of("awslogs-group", "/ecs/web")))
                        .portMappings(p -> p.containerPort(8080))));
        TaskDefinition td = out.taskDefinition();
        assertThat(td.taskDefinitionArn()).isEqualTo(ARN + "web:1");
        assertThat(td.revision()).isEqualTo(1);
        assertThat(td.status()).isEqualTo(TaskDefinitionStatus.ACTIVE);
        assertThat(td.cpu()).isEqualTo("1024");
        assertThat(td.memory()).isEqualTo("2048");
        assertThat(td.compatibilities()).containsExactly(Compatibility.EC2, Compatibility.FARGATE);
        assertThat(td.requiresCompatibilities()).containsExactly(Compatibility.FARGATE);
        assertThat(td.requiresAttributes()).extracting(a -> a.name()).contains("ecs.capability.task-eni");
        assertThat(td.registeredAt()).isEqualTo(EcsnetServerExtension.START);
        assertThat(td.registeredBy()).isEqualTo("arn:aws:iam::000000000000:root");
        assertThat(td.executionRoleArn()).isEqualTo("arn:aws:iam::000000000000:role/exec");
        ContainerDefinition c = td.containerDefinitions().get(0);
        assertThat(c.environment()).extracting(KeyValuePair::value).containsExactly("1");
        assertThat(c.healthCheck().command()).containsExactly("CMD-SHELL", "true");
        assertThat(c.logConfiguration().options()).containsEntry("awslogs-group", "/ecs/web");
        assertThat(c.portMappings()).singleElement().satisfies(p -> {
            assertThat(p.hostPort()).isEqualTo(8080);   // awsvpc: hostPort filled in with containerPort
            assertThat(p.protocolAsString()).isEqualTo("tcp");
        });
        assertThat(out.tags()).extracting(t -> t.key()).containsExactly("team");
        assertThat(ecsnet.ecs().registerTaskDefinition(fargate("web")).taskDefinition().revision()).isEqualTo(2);
    }

    @Test
    void describeByFamilyRevisionOrArnWithTags() {
        ecsnet.ecs().registerTaskDefinition(fargate("web").andThen(r -> r.tags(t -> t.key("k").value("v"))));
        ecsnet.ecs().registerTaskDefinition(fargate("web"));
        assertThat(ecsnet.ecs().describeTaskDefinition(r -> r.taskDefinition("web")).taskDefinition().revision()).isEqualTo(2);
        assertThat(ecsnet.ecs().describeTaskDefinition(r -> r.taskDefinition("web:1")).taskDefinition().revision()).isEqualTo(1);
        var byArn = ecsnet.ecs().describeTaskDefinition(r -> r.taskDefinition(ARN + "web:1").include(TaskDefinitionField.TAGS));
        assertThat(byArn.taskDefinition().family()).isEqualTo("web");
        assertThat(byArn.tags()).extracting(t -> t.value()).containsExactly("v");
        assertThat(ecsnet.ecs().describeTaskDefinition(r -> r.taskDefinition("web:1")).tags()).isEmpty();
    }

    @Test
    void describeUnknownIsAClientException() {
        assertThatThrownBy(() -> ecsnet.ecs().describeTaskDefinition(r -> r.taskDefinition("ghost:3")))
                .isInstanceOfSatisfying(EcsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClientException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Unable to describe task definition.");
                });
    }

    @Test
    void deregisterMakesARevisionInactiveAndListingsFollow() {
        ecsnet.ecs().registerTaskDefinition(fargate("web"));
        ecsnet.ecs().registerTaskDefinition(fargate("web"));
        ecsnet.ecs().registerTaskDefinition(fargate("api"));
        TaskDefinition gone = ecsnet.ecs().deregisterTaskDefinition(r -> r.taskDefinition("web:2")).taskDefinition();
        assertThat(gone.status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
        assertThat(gone.deregisteredAt()).isNotNull();
        assertThat(ecsnet.ecs().describeTaskDefinition(r -> r.taskDefinition("web")).taskDefinition().revision()).isEqualTo(1);
        assertThat(ecsnet.ecs().listTaskDefinitions().taskDefinitionArns()).containsExactly(ARN + "api:1", ARN + "web:1");
        assertThat(ecsnet.ecs().listTaskDefinitions(r -> r.sort(SortOrder.DESC)).taskDefinitionArns()).containsExactly(ARN + "web:1", ARN + "api:1");
        assertThat(ecsnet.ecs().listTaskDefinitions(r -> r.familyPrefix("web")).taskDefinitionArns()).containsExactly(ARN + "web:1");
        assertThat(ecsnet.ecs().listTaskDefinitions(r -> r.status(TaskDefinitionStatus.INACTIVE)).taskDefinitionArns()).containsExactly(ARN + "web:2");
        ecsnet.ecs().deregisterTaskDefinition(r -> r.taskDefinition("api:1"));
        assertThat(ecsnet.ecs().listTaskDefinitionFamilies().families()).containsExactly("api", "web");
        assertThat(ecsnet.ecs().listTaskDefinitionFamilies(r -> r.status(TaskDefinitionFamilyStatus.ACTIVE)).families()).containsExactly("web");
        assertThat(ecsnet.ecs().listTaskDefinitionFamilies(r -> r.status(TaskDefinitionFamilyStatus.INACTIVE)).families()).containsExactly("api");
        assertThat(ecsnet.ecs().listTaskDefinitionFamilies(r -> r.familyPrefix("we")).families()).containsExactly("web");
    }

    @Test
    void deregisterUnknownOrWithoutRevisionIsRefused() {
        ecsnet.ecs().registerTaskDefinition(fargate("web"));
        for (String ref : new String[]{"web", "web:9"}) {
            assertThatThrownBy(() -> ecsnet.ecs().deregisterTaskDefinition(r -> r.taskDefinition(ref)))
                    .isInstanceOfSatisfying(EcsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClientException");
                    });
        }
        assertThat(ecsnet.ecs().listTaskDefinitions().taskDefinitionArns()).containsExactly(ARN + "web:1");
    }

    private void assertRefused(Consumer<RegisterTaskDefinitionRequest.Builder> request, String message) {
        assertThatThrownBy(() -> ecsnet.ecs().registerTaskDefinition(request)).isInstanceOfSatisfying(EcsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClientException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    @Test
    void validationErrorsUseEcsWordingAndConsumeNoRevision() {
        assertRefused(fargate("bad").andThen(r -> r.networkMode(NetworkMode.BRIDGE)), "Fargate only supports network mode \u2018awsvpc\u2019.");
        assertRefused(fargate("bad").andThen(r -> r.cpu(null)), "Fargate requires that 'cpu' be defined at the task level.");
        assertRefused(fargate("bad").andThen(r -> r.memory("4096")), "No Fargate configuration exists for given values.");
        assertRefused(r -> r.family("bad").networkMode(NetworkMode.AWSVPC)
                        .containerDefinitions(c -> c.name("a").image("nginx").memory(128).portMappings(p -> p.containerPort(8080).hostPort(80))),
                "When networkMode=awsvpc, the host ports and container ports in port mappings must match.");
        assertRefused(r -> r.family("bad").networkMode(NetworkMode.AWSVPC)
                        .containerDefinitions(c -> c.name("a").image("nginx").memory(128).links("b")),
                "Links are not supported when networkMode=awsvpc");
        assertRefused(fargate("bad").andThen(r -> r.containerDefinitions(c -> c.name("app").image("nginx")
                        .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS)))),
                "Fargate requires task definition to have execution role ARN to support log driver awslogs.");
        assertRefused(r -> r.family("bad").containerDefinitions(c -> c.name("a").image("nginx")),
                "Invalid setting for container 'a'. At least one of 'memory' or 'memoryReservation' must be specified.");
        assertRefused(r -> r.family("bad").containerDefinitions(c -> c.image("nginx").memory(128)), "Container.name should not be null or empty.");
        assertRefused(r -> r.family("bad").containerDefinitions(c -> c.name("a").memory(128)), "Container.image should not be null or empty.");
        assertRefused(r -> r.family("bad").containerDefinitions(c -> c.name("a").image("x").memory(128), c -> c.name("a").image("y").memory(128)),
                "Container names must be unique within a Task Definition.");
        assertRefused(r -> r.family("bad name").containerDefinitions(c -> c.name("a").image("x").memory(128)), "Family contains invalid characters.");
        assertThat(ecsnet.ecs().listTaskDefinitionFamilies().families()).isEmpty();
        assertThat(ecsnet.ecs().registerTaskDefinition(fargate("bad")).taskDefinition().revision()).isEqualTo(1);
    }

    @Test
    void deleteTaskDefinitionsDeletesOnlyInactiveRevisionsAndListsTheOthersAsFailures() {
        ecsnet.ecs().registerTaskDefinition(fargate("del"));
        ecsnet.ecs().registerTaskDefinition(fargate("del"));
        ecsnet.ecs().deregisterTaskDefinition(r -> r.taskDefinition("del:1"));
        var out = ecsnet.ecs().deleteTaskDefinitions(r -> r.taskDefinitions("del:1", ARN + "del:2", "del", "ghost:1"));
        assertThat(out.taskDefinitions()).singleElement().satisfies(td -> {
            assertThat(td.taskDefinitionArn()).isEqualTo(ARN + "del:1");
            assertThat(td.status()).isEqualTo(TaskDefinitionStatus.DELETE_IN_PROGRESS);
        });
        assertThat(out.failures()).extracting(f -> f.arn() + " " + f.reason()).containsExactly(
                ARN + "del:2 The specified task definition is still in ACTIVE status. Please deregister the target and try again.",
                "del The specified task definition identifier is invalid. Specify a valid name or ARN and try again.",
                "ghost:1 The specified task definition does not exist. Specify a valid account, family, revision and try again.");
        // nothing uses the revision, so it is gone; the family's revisions keep counting
        assertThatThrownBy(() -> ecsnet.ecs().describeTaskDefinition(r -> r.taskDefinition("del:1")))
                .isInstanceOfSatisfying(EcsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClientException"));
        assertThat(ecsnet.ecs().listTaskDefinitions(r -> r.familyPrefix("del").status(TaskDefinitionStatus.INACTIVE)).taskDefinitionArns()).isEmpty();
        assertThat(ecsnet.ecs().registerTaskDefinition(fargate("del")).taskDefinition().revision()).isEqualTo(3);
        assertThatThrownBy(() -> ecsnet.ecs().deleteTaskDefinitions(r -> r.taskDefinitions(java.util.Collections.nCopies(11, "del:2"))))
                .isInstanceOfSatisfying(EcsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException"));
    }
}
