package dev.ecsnet.api.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.ecs.AsgCapacityProviders;
import dev.ecsnet.domain.ecs.CapacityProviders;
import dev.ecsnet.domain.ecs.Cluster;
import dev.ecsnet.domain.ecs.Ecs;
import dev.ecsnet.protocol.AwsError;

import java.util.List;
import java.util.Optional;

/**
 * Capacity providers: Create/Update/DeleteCapacityProvider (Auto Scaling group providers; managed instances
 * providers are not emulated and are refused), PutClusterCapacityProviders and DescribeCapacityProviders.
 */
final class EcsCapacityProviderOps {
    private EcsCapacityProviderOps() {
    }

    static void register(OperationTable t) {
        t.register("PutClusterCapacityProviders", EcsCapacityProviderOps::putClusterCapacityProviders);
        t.register("DescribeCapacityProviders", EcsCapacityProviderOps::describeCapacityProviders);
        t.register("CreateCapacityProvider", EcsCapacityProviderOps::createCapacityProvider);
        t.register("UpdateCapacityProvider", EcsCapacityProviderOps::updateCapacityProvider);
        t.register("DeleteCapacityProvider", EcsCapacityProviderOps::deleteCapacityProvider);
    }

    private static ObjectNode createCapacityProvider(Call call) {
        Params p = call.params();
        String name = p.required("name");
        Params asg = groupProvider(p);
        String group = asg.required("autoScalingGroupArn");
        CapacityProviders.CapacityProvider cp = call.state().ecs().capacityProviders().createCapacityProvider(name, group,
                scaling(asg), asg.string("managedTerminationProtection"), asg.string("managedDraining"), p.keyValues("tags", "key", "value"));
        return Call.object().set("capacityProvider", EcsClusterRender.capacityProvider(cp, true));
    }

    private static ObjectNode updateCapacityProvider(Call call) {
        Params p = call.params();
        String name = p.required("name");
        Params asg = groupProvider(p);
        AsgCapacityProviders.Update update = new AsgCapacityProviders.Update(
                asg.has("managedScaling") ? Optional.of(scaling(asg)) : Optional.empty(),
                asg.string("managedTerminationProtection"), asg.string("managedDraining"));
        CapacityProviders.CapacityProvider cp = call.state().ecs().capacityProviders().updateCapacityProvider(name, update);
        return Call.object().set("capacityProvider", EcsClusterRender.capacityProvider(cp, false));
    }

    private static ObjectNode deleteCapacityProvider(Call call) {
        CapacityProviders.CapacityProvider cp = call.state().ecs().capacityProviders().deleteCapacityProvider(
                call.params().required("capacityProvider"));
        return Call.object().set("capacityProvider", EcsClusterRender.capacityProvider(cp, false));
    }

    /** The request's autoScalingGroupProvider; managed instances providers are refused. */
    private static Params groupProvider(Params p) {
        if (p.has("managedInstancesProvider") || p.has("cluster")) {
            throw AwsError.badRequest("UnsupportedFeatureException", "ecsnet does not emulate managed instances capacity providers.");
        }
        if (!p.has("autoScalingGroupProvider")) {
            throw AwsError.badRequest("InvalidParameterException", "autoScalingGroupProvider can not be null.");
        }
        return p.child("autoScalingGroupProvider");
    }

    private static AsgCapacityProviders.Scaling scaling(Params asg) {
        Params m = asg.child("managedScaling");
        return new AsgCapacityProviders.Scaling(m.string("status"), m.integer("targetCapacity"), m.integer("minimumScalingStepSize"),
                m.integer("maximumScalingStepSize"), m.integer("instanceWarmupPeriod"));
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
