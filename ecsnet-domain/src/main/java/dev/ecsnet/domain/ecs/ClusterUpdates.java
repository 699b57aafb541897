package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.IdSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ecsnet.domain.ecs.EcsErrors.invalidParameter;

/**
 * UpdateCluster and UpdateClusterSettings, and the rules a cluster's settings and configuration obey (shared with
 * CreateCluster). The Service Connect default is the namespace services of the cluster use when theirs names none;
 * setting it attaches an {@code sc} attachment (the previous one shows DELETED), as DescribeClusters shows.
 */
public final class ClusterUpdates {
    private static final List<String> CONTAINER_INSIGHTS = List.of("enabled", "disabled", "enhanced");
    private static final List<String> EXEC_LOGGING = List.of("NONE", "DEFAULT", "OVERRIDE");

    /** What UpdateCluster changes; an absent member is left as it is. */
    public record Update(Optional<Map<String, String>> settings, Optional<Map<String, Object>> configuration,
                         Optional<String> serviceConnectNamespace) {
    }

    private final Ecs ecs;
    private final IdSource ids;
    private final CapacityProviders capacityProviders;
    private final ServiceConnect serviceConnect;

    ClusterUpdates(Ecs ecs, IdSource ids, CapacityProviders capacityProviders, ServiceConnect serviceConnect) {
        this.ecs = ecs;
        this.ids = ids;
        this.capacityProviders = capacityProviders;
        this.serviceConnect = serviceConnect;
    }

    public Cluster updateCluster(String clusterRef, Update u) {
        Cluster cluster = ecs.cluster(Optional.of(clusterRef));
        u.settings().ifPresent(ClusterUpdates::checkSettings);
        u.configuration().ifPresent(ClusterUpdates::checkConfiguration);
        Optional<ServiceConnect.ClusterDefault> sc = u.serviceConnectNamespace().map(serviceConnect::checkClusterDefault);
        u.settings().ifPresent(cluster::putSettings);
        u.configuration().ifPresent(cluster::configuration);
        sc.ifPresent(d -> setServiceConnectDefault(cluster, d));
        return cluster;
    }

    public Cluster updateClusterSettings(String clusterRef, Map<String, String> settings) {
        Cluster cluster = ecs.cluster(Optional.of(clusterRef));
        if (settings.isEmpty()) {
            throw invalidParameter("settings can not be null or empty.");
        }
        checkSettings(settings);
        cluster.putSettings(settings);
        return cluster;
    }

    /** Applies a checked Service Connect default: the namespace (created when new) and a fresh {@code sc} attachment. */
    void setServiceConnectDefault(Cluster cluster, ServiceConnect.ClusterDefault d) {
        Optional<String> arn = serviceConnect.applyClusterDefault(d);
        if (arn.equals(cluster.serviceConnectNamespaceArn())) {
            return;
        }
        cluster.detach("sc");
        cluster.serviceConnectNamespaceArn(arn.orElse(null));
        if (arn.isPresent()) {
            cluster.attach(ids.uuid(), "sc");
        }
        capacityProviders.attachmentsChanged(cluster);
    }

    /** Cluster settings: only {@code containerInsights}, with the values AWS takes. */
    static void checkSettings(Map<String, String> settings) {
        for (Map.Entry<String, String> s : settings.entrySet()) {
            if (!s.getKey().equals("containerInsights")) {
                throw invalidParameter("Invalid setting 'name'");
            }
            if (!CONTAINER_INSIGHTS.contains(s.getValue())) {
                throw invalidParameter("Invalid setting 'value'");
            }
        }
    }

    /**
     * {@code configuration}: the execute command logging is NONE, DEFAULT or OVERRIDE, and OVERRIDE needs a log
     * configuration to send the logs to (the API reference's rule; the wording is ecsnet's).
     */
    static void checkConfiguration(Map<String, Object> configuration) {
        Optional<Map<String, Object>> exec = ClientDocument.object(configuration, "executeCommandConfiguration");
        if (exec.isEmpty()) {
            return;
        }
        Optional<String> logging = ClientDocument.string(exec.get(), "logging");
        if (logging.isPresent() && !EXEC_LOGGING.contains(logging.get())) {
            throw invalidParameter("executeCommandConfiguration.logging must be one of NONE, DEFAULT, OVERRIDE.");
        }
        boolean hasLogConfiguration = ClientDocument.object(exec.get(), "logConfiguration").isPresent();
        if (logging.filter("OVERRIDE"::equals).isPresent() && !hasLogConfiguration) {
            throw invalidParameter("A logConfiguration must be specified when executeCommandConfiguration.logging is OVERRIDE.");
        }
    }
}
