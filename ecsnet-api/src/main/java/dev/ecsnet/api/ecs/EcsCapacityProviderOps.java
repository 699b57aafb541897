package dev.ecsnet.api.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.ecs.CapacityProviders;
import dev.ecsnet.domain.ecs.Cluster;
import dev.ecsnet.domain.ecs.Ecs;
import dev.ecsnet.protocol.AwsError;

import java.util.List;

/**
 * PutClusterCapacityProviders and DescribeCapacityProviders. CreateCapacityProvider, UpdateCapacityProvider and
 * DeleteCapacityProvider (Auto Scaling group providers) are not emulated and stay unregistered.
 */
final class EcsCapacityProviderOps {
    private EcsCapacityProviderOps() {
    }

    static void register(OperationTable t) {
        t.register("PutClusterCapacityProviders", EcsCapacityProviderOps::putClusterCapacityProviders);
        t.register("DescribeCapacityProviders", EcsCapacityProviderOps::describeCapacityProviders);
    }

    /** Both lists are required (an empty one clears them), as the API reference says. */
    private static ObjectNode putClusterCapacityProviders(Call call) {
        Params p = call.params();
        String cluster = p.required("cluster");
        for (String member : List.of("capacityProviders", "defaultCapacityProviderStrategy")) {
            if (!p.has(member)) {
                throw AwsError.badRequest("InvalidParameterException", member + " can not be null.");
            }
        }
        Ecs ecs = call.state().ecs();
        Cluster c = ecs.capacityProviders().putClusterCapacityProviders(cluster, p.strings("capacityProviders"),
                EcsClusterOps.strategy(p, "defaultCapacityProviderStrategy"));
        return Call.object().set("cluster", EcsClusterRender.cluster(ecs, c, EcsClusterRender.ClusterParts.ALL));
    }

    /** The named providers (all without names), 10 per page by default and at most. */
    private static ObjectNode describeCapacityProviders(Call call) {
        Params p = call.params();
        List<String> include = p.strings("include");
        if (include.stream().anyMatch(i -> !i.equals("TAGS"))) {
            throw AwsError.badRequest("InvalidParameterException", "include must be TAGS.");
        }
        CapacityProviders.Described d = call.state().ecs().capacityProviders().describe(p.strings("capacityProviders"),
                EcsRender.cluster(p));
        ObjectNode out = Call.object();
        List<CapacityProviders.CapacityProvider> page = EcsPages.page(d.providers(), p, 10, out);
        ArrayNode providers = out.putArray("capacityProviders");
        page.forEach(cp -> providers.add(EcsClusterRender.capacityProvider(cp, include.contains("TAGS"))));
        out.set("failures", EcsRender.failures(d.failures()));
        return out;
    }
}
