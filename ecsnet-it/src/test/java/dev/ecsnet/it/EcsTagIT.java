package dev.ecsnet.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskField;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static dev.ecsnet.it.EcsRefusal.refused;
import static dev.ecsnet.it.EcsRefusal.refusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;

/** TagResource, UntagResource and ListTagsForResource over every taggable ECS resource, and AWS's errors. */
class EcsTagIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension(dev.ecsnet.domain.common.TimingProfile.INSTANT);

    private EcsTaskIT.Net net;

    @BeforeEach
    void setUp() {
        net = EcsTaskIT.network(ecsnet);
        EcsTaskIT.registerWebApp(ecsnet);
        ecsnet.ecs().createCluster(r -> r.clusterName("web").tags(t -> t.key("team").value("a")));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private List<String> tags(String arn) {
        return ecsnet.ecs().listTagsForResource(r -> r.resourceArn(arn)).tags().stream().map(t -> t.key() + "=" + t.value()).toList();
    }

    /** Tags a resource, overwrites one value, removes a key: ListTagsForResource shows each step. */
    private void roundTrip(String arn, List<String> initially) {
        assertThat(tags(arn)).containsExactlyElementsOf(initially);
        ecsnet.ecs().tagResource(r -> r.resourceArn(arn).tags(tag("env", "dev"), tag("owner", "ops")));
        ecsnet.ecs().tagResource(r -> r.resourceArn(arn).tags(tag("env", "prod")));
        assertThat(tags(arn)).containsSubsequence("env=prod", "owner=ops");
        ecsnet.ecs().untagResource(r -> r.resourceArn(arn).tagKeys("owner", "absent"));
        assertThat(tags(arn)).contains("env=prod").doesNotContain("owner=ops");
    }

    @Test
    void clustersServicesTasksAndTaskDefinitionsAreTagged() {
        String cluster = "arn:aws:ecs:us-east-1:000000000000:cluster/web";
        roundTrip(cluster, List.of("team=a"));
        assertThat(ecsnet.ecs().describeClusters(r -> r.clusters("web")).clusters().get(0).hasTags()).isFalse();
        assertThat(ecsnet.ecs().describeClusters(r -> r.clusters("web").include(ClusterField.TAGS)).clusters().get(0).tags())
                .extracting(Tag::key).containsExactly("team", "env");

        String service = ecsnet.ecs().createService(r -> r.cluster("web").serviceName("api").taskDefinition("web-app").desiredCount(0)
                .launchType(LaunchType.FARGATE).tags(tag("svc", "1"))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))).service().serviceArn();
        roundTrip(service, List.of("svc=1"));
        assertThat(ecsnet.ecs().describeServices(r -> r.cluster("web").services("api").include(ServiceField.TAGS)).services().get(0).tags())
                .extracting(Tag::key).containsExactly("svc", "env");

        String task = ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition("web-app").launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))).tasks().get(0).taskArn();
        roundTrip(task, List.of());
        assertThat(ecsnet.ecs().describeTasks(r -> r.cluster("web").tasks(task).include(TaskField.TAGS)).tasks().get(0).tags())
                .extracting(Tag::key).containsExactly("env");

        String td = "arn:aws:ecs:us-east-1:000000000000:task-definition/web-app:1";
        roundTrip(td, List.of());
        assertThat(ecsnet.ecs().describeTaskDefinition(r -> r.taskDefinition("web-app:1").include(TaskDefinitionField.TAGS)).tags())
                .extracting(Tag::key).containsExactly("env");
    }

    @Test
    void containerInstancesAreTagged() {
        String ami = ecsnet.ec2().describeImages(r -> r.owners("amazon").filters(Filter.builder().name("name")
                .values("al2023-ami-ecs-hvm-*-x86_64").build())).images().get(0).imageId();
        String userData = Base64.getEncoder().encodeToString("echo ECS_CLUSTER=web >> /etc/ecs/ecs.config\n".getBytes(StandardCharsets.UTF_8));
        ecsnet.ec2().runInstances(r -> r.imageId(ami).instanceType(InstanceType.T3_MEDIUM).minCount(1).maxCount(1)
                .subnetId(net.subnets().get(0)).userData(userData));
        ecsnet.settle();
        String ci = ecsnet.ecs().listContainerInstances(r -> r.cluster("web")).containerInstanceArns().get(0);
        roundTrip(ci, List.of());
    }

    @Test
    void theFargateCapacityProvidersHaveNoTagsAndKeepThem() {
        String arn = "arn:aws:ecs:us-east-1:000000000000:capacity-provider/FARGATE";
        assertThat(tags(arn)).isEmpty();
        refused(() -> ecsnet.ecs().tagResource(r -> r.resourceArn(arn).tags(tag("a", "b"))), "InvalidParameterException", null);
        assertThat(tags(arn)).isEmpty();
    }

    @Test
    void refusals() {
        String cluster = "arn:aws:ecs:us-east-1:000000000000:cluster/web";
        refusedWithoutChange(() -> tags(cluster), () -> ecsnet.ecs().tagResource(r -> r.resourceArn(cluster).tags(tag("aws:x", "1"))),
                "InvalidParameterException", "Tag keys starting with 'aws:' are reserved for internal use.");
        refused(() -> tags("arn:aws:ecr:us-east-1:000000000000:repository/app"), "InvalidParameterException", "The ARN provided is invalid.");
        refused(() -> tags("not-an-arn"), "InvalidParameterException", "The ARN provided is invalid.");
        refused(() -> tags("arn:aws:ecs:us-east-1:000000000000:service/api"), "InvalidParameterException",
                "Long arn format must be used for tagging operations");
        refused(() -> tags("arn:aws:ecs:us-east-1:000000000000:cluster/nope"), "ClusterNotFoundException", "Cluster not found.");
        refused(() -> tags("arn:aws:ecs:us-east-1:000000000000:service/web/nope"), "ResourceNotFoundException", null);
        refused(() -> tags("arn:aws:ecs:us-east-1:000000000000:task-definition/nope:1"), "ResourceNotFoundException", null);
        refused(() -> tags("arn:aws:ecs:us-east-1:000000000000:task-definition/web-app"), "ResourceNotFoundException", null);
        List<Tag> many = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(tag("k" + i, "v"));
        }
        refusedWithoutChange(() -> tags(cluster), () -> ecsnet.ecs().tagResource(r -> r.resourceArn(cluster).tags(many)),
                "LimitExceededException", null);
    }
}
