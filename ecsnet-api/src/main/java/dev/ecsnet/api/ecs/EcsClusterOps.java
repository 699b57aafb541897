package dev.ecsnet.api.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.ecs.CapacityProviderStrategyItem;
import dev.ecsnet.domain.ecs.Cluster;
import dev.ecsnet.domain.ecs.Ecs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CreateCluster, DescribeClusters, ListClusters, DeleteCluster. */
final class EcsClusterOps {
    private EcsClusterOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateCluster", EcsClusterOps::createCluster);
        t.register("DescribeClusters", EcsClusterOps::describeClusters);
        t.register("ListClusters", EcsClusterOps::listClusters);
        t.register("DeleteCluster", EcsClusterOps::deleteCluster);
    }

    static List<CapacityProviderStrategyItem> strategy(Params p, String member) {
        List<CapacityProviderStrategyItem> out = new ArrayList<>();
        for (Params item : p.list(member)) {
            out.add(new CapacityProviderStrategyItem(item.required("capacityProvider"), item.integer("weight").orElse(0),
                    item.integer("base").orElse(0)));
        }
        return out;
    }

    private static ObjectNode createCluster(Call call) {
        Params p = call.params();
        Map<String, String> settings = new LinkedHashMap<>();
        for (Params s : p.list("settings")) {
            settings.put(s.required("name"), s.string("value").orElse(""));
        }
        Ecs ecs = call.state().ecs();
        Cluster c = ecs.createCluster(p.string("clusterName").filter(s -> !s.isEmpty()), p.keyValues("tags", "key", "value"),
                settings, p.strings("capacityProviders"), strategy(p, "defaultCapacityProviderStrategy"));
        ObjectNode out = Call.object();
        out.set("cluster", EcsRender.cluster(ecs, c, EcsRender.ClusterParts.ALL));
        return out;
    }

    /** Without {@code clusters} the default cluster is described; unknown names come back as MISSING failures. */
    private static ObjectNode describeClusters(Call call) {
        Params p = call.params();
        List<String> names = p.strings("clusters");
        if (names.isEmpty()) {
            names = List.of(Ecs.DEFAULT_CLUSTER);
        }
        List<String> include = p.strings("include");
        EcsRender.ClusterParts parts = new EcsRender.ClusterParts(include.contains("SETTINGS"), include.contains("TAGS"),
                include.contains("STATISTICS"));
        Ecs ecs = call.state().ecs();
        ObjectNode out = Call.object();
        ArrayNode clusters = out.putArray("clusters");
        ArrayNode failures = out.putArray("failures");
        for (String name : names) {
            Optional<Cluster> c = ecs.findCluster(name);
            if (c.isPresent()) {
                clusters.add(EcsRender.cluster(ecs, c.get(), parts));
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
        Cluster c = ecs.deleteCluster(call.params().required("cluster"));
        ObjectNode out = Call.object();
        out.set("cluster", EcsRender.cluster(ecs, c, EcsRender.ClusterParts.ALL));
        return out;
    }
}
