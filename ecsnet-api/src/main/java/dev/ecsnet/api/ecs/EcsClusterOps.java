package dev.ecsnet.api.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.ecs.CapacityProviderStrategyItem;
import dev.ecsnet.domain.ecs.Cluster;
import dev.ecsnet.domain.ecs.ClusterUpdates;
import dev.ecsnet.domain.ecs.Ecs;
import dev.ecsnet.protocol.AwsError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CreateCluster, DescribeClusters, ListClusters, DeleteCluster, UpdateCluster, UpdateClusterSettings. */
final class EcsClusterOps {
    private static final List<String> CLUSTER_FIELDS = List.of("ATTACHMENTS", "CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS");

    private EcsClusterOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateCluster", EcsClusterOps::createCluster);
        t.registerRead("DescribeClusters", EcsClusterOps::describeClusters);
        t.registerRead("ListClusters", EcsClusterOps::listClusters);
        t.register("DeleteCluster", EcsClusterOps::deleteCluster);
        t.register("UpdateCluster", EcsClusterOps::updateCluster);
        t.register("UpdateClusterSettings", EcsClusterOps::updateClusterSettings);
    }

    static List<CapacityProviderStrategyItem> strategy(Params p, String member) {
        List<CapacityProviderStrategyItem> out = new ArrayList<>();
        for (Params item : p.list(member)) {
            out.add(new CapacityProviderStrategyItem(item.required("capacityProvider"), item.integer("weight").orElse(0),
                    item.integer("base").orElse(0)));
        }
        return out;
    }

    private static Map<String, String> settings(Params p) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (Params s : p.list("settings")) {
            settings.put(s.required("name"), s.string("value").orElse(""));
        }
        return settings;
    }

    private static Optional<Map<String, Object>> configuration(Params p) {
        return p.has("configuration") ? Optional.of(EcsRender.document(p.child("configuration").node())) : Optional.empty();
    }

    /** {@code serviceConnectDefaults.namespace}: required when the structure is there; "" (UpdateCluster) removes it. */
    private static Optional<String> serviceConnectNamespace(Params p) {
        if (!p.has("serviceConnectDefaults")) {
            return Optional.empty();
        }
        return Optional.of(p.child("serviceConnectDefaults").string("namespace").orElseThrow(() ->
                AwsError.badRequest("InvalidParameterException", "serviceConnectDefaults.namespace can not be null or empty.")));
    }

    private static ObjectNode output(Ecs ecs, Cluster c) {
        return Call.object().set("cluster", EcsClusterRender.cluster(ecs, c, EcsClusterRender.ClusterParts.ALL));
    }

    private static ObjectNode createCluster(Call call) {
        Params p = call.params();
        Ecs ecs = call.state().ecs();
        Optional<String> namespace = serviceConnectNamespace(p);
        if (namespace.filter(String::isEmpty).isPresent()) {
            throw AwsError.badRequest("InvalidParameterException", "serviceConnectDefaults.namespace can not be null or empty.");
        }
        Cluster c = ecs.createCluster(new Ecs.ClusterRequest(p.string("clusterName").filter(s -> !s.isEmpty()),
                p.keyValues("tags", "key", "value"), settings(p), p.strings("capacityProviders"),
                strategy(p, "defaultCapacityProviderStrategy"), configuration(p), namespace));
        return output(ecs, c);
    }

    /** Without {@code clusters} the default cluster is described; unknown names come back as MISSING failures. */
    private static ObjectNode describeClusters(Call call) {
        Params p = call.params();
        List<String> names = p.strings("clusters");
        if (names.isEmpty()) {
            names = List.of(Ecs.DEFAULT_CLUSTER);
        }
        if (names.size() > 100) {
            throw AwsError.badRequest("InvalidParameterException", "clusters can have at most 100 items.");
        }
        List<String> include = p.strings("include");
        for (String field : include) {
            if (!CLUSTER_FIELDS.contains(field)) {
                throw AwsError.badRequest("InvalidParameterException", "include must be one of " + String.join(", ", CLUSTER_FIELDS) + ".");
            }
        }
        EcsClusterRender.ClusterParts parts = EcsClusterRender.ClusterParts.of(include);
        Ecs ecs = call.state().ecs();
        ObjectNode out = Call.object();
        ArrayNode clusters = out.putArray("clusters");
        ArrayNode failures = out.putArray("failures");
        for (String name : names) {
            Optional<Cluster> c = ecs.findCluster(name);
            if (c.isPresent()) {
                clusters.add(EcsClusterRender.cluster(ecs, c.get(), parts));
            } else {
                String arn = name.startsWith("arn:") ? name : ecs.arns().cluster(name);
                failures.add(EcsRender.failure(arn, "MISSING"));
            }
        }
        return out;
    }

    private static ObjectNode listClusters(Call call) {
        List<String> arns = call.state().ecs().clusters().stream().filter(Cluster::isActive).map(Cluster::arn).toList();
        ObjectNode out = Call.object();
        EcsPages.page(arns, call.params(), 100, out, "clusterArns");
        return out;
    }

    private static ObjectNode deleteCluster(Call call) {
        Ecs ecs = call.state().ecs();
        return output(ecs, ecs.deleteCluster(call.params().required("cluster")));
    }

    private static ObjectNode updateCluster(Call call) {
        Params p = call.params();
        Ecs ecs = call.state().ecs();
        Optional<Map<String, String>> settings = p.has("settings") ? Optional.of(settings(p)) : Optional.empty();
        Cluster c = ecs.clusterUpdates().updateCluster(p.required("cluster"),
                new ClusterUpdates.Update(settings, configuration(p), serviceConnectNamespace(p)));
        return output(ecs, c);
    }

    private static ObjectNode updateClusterSettings(Call call) {
        Params p = call.params();
        Ecs ecs = call.state().ecs();
        return output(ecs, ecs.clusterUpdates().updateClusterSettings(p.required("cluster"), settings(p)));
    }
}
