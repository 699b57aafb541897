package dev.ecsnet.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.DiscoverPollEndpointResponse;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandLogging;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;

import java.util.Map;
import java.util.stream.Collectors;

import static dev.ecsnet.it.EcsRefusal.refused;
import static dev.ecsnet.it.EcsRefusal.refusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;

/** UpdateCluster, UpdateClusterSettings, DescribeClusters' include, and DiscoverPollEndpoint through the SDK. */
class EcsClusterUpdateIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension(dev.ecsnet.domain.common.TimingProfile.INSTANT);

    private Cluster describe(ClusterField... include) {
        return ecsnet.ecs().describeClusters(r -> r.clusters("web").include(include)).clusters().get(0);
    }

    @Test
    void updateClusterChangesSettingsAndConfigurationWhichReadBackWithTheirInclude() {
        ecsnet.ecs().createCluster(r -> r.clusterName("web"));
        Cluster c = ecsnet.ecs().updateCluster(r -> r.cluster("web").settings(s -> s.name("containerInsights").value("enhanced"))
                .configuration(cfg -> cfg.executeCommandConfiguration(e -> e.logging(ExecuteCommandLogging.OVERRIDE).kmsKeyId("key-1")
                        .logConfiguration(l -> l.cloudWatchLogGroupName("/ecs/exec").cloudWatchEncryptionEnabled(true))))).cluster();
        assertThat(c.settings()).singleElement().satisfies(s -> assertThat(s.value()).isEqualTo("enhanced"));
        assertThat(c.configuration().executeCommandConfiguration().logging()).isEqualTo(ExecuteCommandLogging.OVERRIDE);
        Cluster plain = describe();
        assertThat(plain.configuration()).isNull();
        assertThat(plain.hasSettings()).isFalse();
        Cluster full = describe(ClusterField.CONFIGURATIONS, ClusterField.SETTINGS);
        assertThat(full.configuration().executeCommandConfiguration().kmsKeyId()).isEqualTo("key-1");
        assertThat(full.configuration().executeCommandConfiguration().logConfiguration().cloudWatchLogGroupName()).isEqualTo("/ecs/exec");
        assertThat(full.settings()).singleElement().satisfies(s -> assertThat(s.value()).isEqualTo("enhanced"));
        Cluster settings = ecsnet.ecs().updateClusterSettings(r -> r.cluster("web").settings(s -> s.name("containerInsights").value("disabled")))
                .cluster();
        assertThat(settings.settings()).singleElement().satisfies(s -> assertThat(s.value()).isEqualTo("disabled"));
        // a configuration given on CreateCluster reads back too
        Cluster created = ecsnet.ecs().createCluster(r -> r.clusterName("exec").configuration(cfg -> cfg.executeCommandConfiguration(
                e -> e.logging(ExecuteCommandLogging.DEFAULT)))).cluster();
        assertThat(created.configuration().executeCommandConfiguration().logging()).isEqualTo(ExecuteCommandLogging.DEFAULT);
    }

    @Test
    void updateRefusalsChangeNothing() {
        ecsnet.ecs().createCluster(r -> r.clusterName("web"));
        java.util.function.Supplier<Cluster> state = () -> describe(ClusterField.SETTINGS, ClusterField.CONFIGURATIONS);
        refusedWithoutChange(state, () -> ecsnet.ecs().updateCluster(r -> r.cluster("web").settings(s -> s.name("containerInsights").value("on"))),
                "InvalidParameterException", "Invalid setting 'value'");
        refusedWithoutChange(state, () -> ecsnet.ecs().updateCluster(r -> r.cluster("web")
                        .settings(s -> s.name("containerInsights").value("enabled"))
                        .configuration(cfg -> cfg.executeCommandConfiguration(e -> e.logging(ExecuteCommandLogging.OVERRIDE)))),
                "InvalidParameterException", "A logConfiguration must be specified when executeCommandConfiguration.logging is OVERRIDE.");
        refused(() -> ecsnet.ecs().updateCluster(r -> r.cluster("nope").settings(s -> s.name("containerInsights").value("enabled"))),
                "ClusterNotFoundException", "Cluster not found.");
        refused(() -> ecsnet.ecs().updateClusterSettings(r -> r.cluster("nope").settings(s -> s.name("containerInsights").value("enabled"))),
                "ClusterNotFoundException", "Cluster not found.");
        refused(() -> ecsnet.ecs().describeClusters(r -> r.clusters("web").includeWithStrings("EVERYTHING")), "InvalidParameterException", null);
    }

    @Test
    void statisticsCountTasksAndServicesByLaunchType() {
        EcsTaskIT.Net net = EcsTaskIT.network(ecsnet);
        EcsTaskIT.registerWebApp(ecsnet);
        ecsnet.ecs().createCluster(r -> r.clusterName("web"));
        ecsnet.ecs().createService(r -> r.cluster("web").serviceName("api").taskDefinition("web-app").desiredCount(2)
                .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(net.subnets()))));
        ecsnet.settle();
        Map<String, String> stats = describe(ClusterField.STATISTICS).statistics().stream()
                .collect(Collectors.toMap(KeyValuePair::name, KeyValuePair::value));
        assertThat(stats).containsEntry("runningFargateTasksCount", "2").containsEntry("pendingFargateTasksCount", "0")
                .containsEntry("runningEC2TasksCount", "0").containsEntry("activeFargateServiceCount", "1")
                .containsEntry("activeEC2ServiceCount", "0");
        assertThat(describe().statistics()).isEmpty();
    }

    @Test
    void discoverPollEndpointAnswersTheRegionsAgentEndpoints() {
        ecsnet.ecs().createCluster(r -> r.clusterName("web"));
        DiscoverPollEndpointResponse r = ecsnet.ecs().discoverPollEndpoint(x -> x.cluster("web"));
        assertThat(r.endpoint()).isEqualTo("https://ecs-a-1.us-east-1.amazonaws.com/");
        assertThat(r.telemetryEndpoint()).isEqualTo("https://ecs-t-1.us-east-1.amazonaws.com/");
        assertThat(r.serviceConnectEndpoint()).isEqualTo("https://ecs-sc.us-east-1.api.aws");
        refused(() -> ecsnet.ecs().discoverPollEndpoint(x -> x.cluster("nope")), "ClusterNotFoundException", "Cluster not found.");
    }
}
