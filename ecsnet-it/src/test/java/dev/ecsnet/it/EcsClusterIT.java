package dev.ecsnet.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.EcsException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EcsClusterIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    @Test
    void createClusterWithoutANameCreatesDefaultAndIsIdempotent() {
        Cluster c = ecsnet.ecs().createCluster().cluster();
        assertThat(c.clusterName()).isEqualTo("default");
        assertThat(c.clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:cluster/default");
        assertThat(c.status()).isEqualTo("ACTIVE");
        assertThat(c.runningTasksCount()).isZero();
        assertThat(c.pendingTasksCount()).isZero();
        assertThat(c.activeServicesCount()).isZero();
        assertThat(c.registeredContainerInstancesCount()).isZero();
        assertThat(c.settings()).singleElement().satisfies(s -> {
            assertThat(s.nameAsString()).isEqualTo("containerInsights");
            assertThat(s.value()).isEqualTo("disabled");
        });
        assertThat(ecsnet.ecs().createCluster(r -> r.clusterName("default")).cluster().clusterArn()).isEqualTo(c.clusterArn());
        assertThat(ecsnet.ecs().listClusters().clusterArns()).containsExactly(c.clusterArn());
    }

    @Test
    void createClusterKeepsTagsSettingsAndCapacityProviders() {
        Cluster c = ecsnet.ecs().createCluster(r -> r.clusterName("web").tags(t -> t.key("env").value("dev"))
                .settings(s -> s.name("containerInsights").value("enabled"))
                .capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategy(s -> s.capacityProvider("FARGATE").weight(1).base(1))).cluster();
        assertThat(c.tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("dev"));
        assertThat(c.settings()).singleElement().satisfies(s -> assertThat(s.value()).isEqualTo("enabled"));
        assertThat(c.capacityProviders()).containsExactly("FARGATE", "FARGATE_SPOT");
        assertThat(c.defaultCapacityProviderStrategy()).singleElement().satisfies(s -> assertThat(s.base()).isEqualTo(1));
        Cluster plain = ecsnet.ecs().describeClusters(r -> r.clusters("web")).clusters().get(0);
        assertThat(plain.tags()).isEmpty();
        Cluster withTags = ecsnet.ecs().describeClusters(r -> r.clusters(c.clusterArn()).include(ClusterField.TAGS, ClusterField.SETTINGS)).clusters().get(0);
        assertThat(withTags.tags()).hasSize(1);
        assertThat(withTags.settings()).hasSize(1);
    }

    @Test
    void createClusterRefusesAnUnknownCapacityProviderAndCreatesNothing() {
        assertThatThrownBy(() -> ecsnet.ecs().createCluster(r -> r.clusterName("web").capacityProviders("MY_ASG")))
                .isInstanceOfSatisfying(EcsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException");
                });
        assertThatThrownBy(() -> ecsnet.ecs().createCluster(r -> r.clusterName("bad name!")))
                .isInstanceOfSatisfying(EcsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException"));
        assertThat(ecsnet.ecs().listClusters().clusterArns()).isEmpty();
    }

    @Test
    void describeClustersReportsUnknownNamesAsMissingAndDefaultsToTheDefaultCluster() {
        ecsnet.ecs().createCluster(r -> r.clusterName("web"));
        var out = ecsnet.ecs().describeClusters(r -> r.clusters("web", "ghost"));
        assertThat(out.clusters()).extracting(Cluster::clusterName).containsExactly("web");
        assertThat(out.failures()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:000000000000:cluster/ghost");
            assertThat(f.reason()).isEqualTo("MISSING");
        });
        assertThat(ecsnet.ecs().describeClusters().failures()).singleElement().satisfies(f -> assertThat(f.arn()).endsWith("cluster/default"));
        ecsnet.ecs().createCluster();
        assertThat(ecsnet.ecs().describeClusters().clusters()).extracting(Cluster::clusterName).containsExactly("default");
    }

    @Test
    void listClustersPages() {
        for (String n : List.of("a", "b", "c")) {
            ecsnet.ecs().createCluster(r -> r.clusterName(n));
        }
        var first = ecsnet.ecs().listClusters(r -> r.maxResults(2));
        assertThat(first.clusterArns()).hasSize(2);
        assertThat(ecsnet.ecs().listClusters(r -> r.nextToken(first.nextToken())).clusterArns()).containsExactly("arn:aws:ecs:us-east-1:000000000000:cluster/c");
    }

    @Test
    void deleteClusterMakesItInactiveAndCallsNamingItThenFail() {
        ecsnet.ecs().createCluster(r -> r.clusterName("web"));
        Cluster deleted = ecsnet.ecs().deleteCluster(r -> r.cluster("web")).cluster();
        assertThat(deleted.status()).isEqualTo("INACTIVE");
        assertThat(ecsnet.ecs().listClusters().clusterArns()).isEmpty();
        assertThat(ecsnet.ecs().describeClusters(r -> r.clusters("web")).clusters().get(0).status()).isEqualTo("INACTIVE");
        assertThatThrownBy(() -> ecsnet.ecs().listTasks(r -> r.cluster("web"))).isInstanceOf(ClusterNotFoundException.class);
        assertThatThrownBy(() -> ecsnet.ecs().deleteCluster(r -> r.cluster("web")))
                .isInstanceOfSatisfying(ClusterNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cluster not found.");
                });
        assertThat(ecsnet.ecs().createCluster(r -> r.clusterName("web")).cluster().status()).isEqualTo("ACTIVE");
    }

    @Test
    void deleteClusterWithActiveTasksIsRefusedAndTheClusterStaysActive() {
        EcsTaskIT.Net net = EcsTaskIT.network(ecsnet);
        EcsTaskIT.registerWebApp(ecsnet);
        ecsnet.ecs().createCluster(r -> r.clusterName("web"));
        String arn = ecsnet.ecs().runTask(r -> r.cluster("web").taskDefinition("web-app")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets())))).tasks().get(0).taskArn();
        assertThat(ecsnet.ecs().describeClusters(r -> r.clusters("web")).clusters().get(0).pendingTasksCount()).isEqualTo(1);
        assertThatThrownBy(() -> ecsnet.ecs().deleteCluster(r -> r.cluster("web")))
                .isInstanceOfSatisfying(EcsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClusterContainsTasksException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The Cluster cannot be deleted while Tasks are active.");
                });
        assertThat(ecsnet.ecs().describeClusters(r -> r.clusters("web")).clusters().get(0).status()).isEqualTo("ACTIVE");
        ecsnet.ecs().stopTask(r -> r.cluster("web").task(arn));
        ecsnet.settle();
        assertThat(ecsnet.ecs().deleteCluster(r -> r.cluster("web")).cluster().status()).isEqualTo("INACTIVE");
    }
}
