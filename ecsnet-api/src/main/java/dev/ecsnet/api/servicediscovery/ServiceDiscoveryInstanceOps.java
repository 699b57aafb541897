package dev.ecsnet.api.servicediscovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.discovery.CloudMap;
import dev.ecsnet.domain.discovery.DiscoveryInstance;
import dev.ecsnet.domain.discovery.DiscoveryService;

import java.util.List;

import static dev.ecsnet.api.servicediscovery.ServiceDiscoveryHandler.cloudMap;
import static dev.ecsnet.api.servicediscovery.ServiceDiscoveryHandler.operationId;

/** Cloud Map instance operations: register, deregister, get, list, discover and custom health. */
final class ServiceDiscoveryInstanceOps {
    private ServiceDiscoveryInstanceOps() {
    }

    static void register(OperationTable ops) {
        ops.register("RegisterInstance", c -> {
            Params p = c.params();
            if (!p.has("Attributes")) {
                throw ServiceDiscoveryHandler.invalid("Attributes is required");
            }
            return operationId(cloudMap(c).registerInstance(p.required("ServiceId"), p.required("InstanceId"),
                    ServiceDiscoveryHandler.stringMap(p, "Attributes"), p.string("CreatorRequestId").orElse(null)));
        }).register("DeregisterInstance", c -> operationId(cloudMap(c).deregisterInstance(c.params().required("ServiceId"),
                        c.params().required("InstanceId"))))
                .register("GetInstance", ServiceDiscoveryInstanceOps::getInstance)
                .registerRead("ListInstances", ServiceDiscoveryInstanceOps::listInstances)
                .registerRead("DiscoverInstances", ServiceDiscoveryInstanceOps::discover)
                .register("DiscoverInstancesRevision", c -> Call.object().put("InstancesRevision", discoverable(c).instancesRevision()))
                .register("GetInstancesHealthStatus", ServiceDiscoveryInstanceOps::healthStatus)
                .register("UpdateInstanceCustomHealthStatus", c -> {
                    cloudMap(c).updateInstanceCustomHealthStatus(c.params().required("ServiceId"), c.params().required("InstanceId"),
                            c.params().required("Status"));
                    return Call.object();
                });
    }

    private static ObjectNode attributes(ObjectNode parent, DiscoveryInstance i) {
        ObjectNode attrs = parent.putObject("Attributes");
        new java.util.TreeMap<>(i.attributes()).forEach(attrs::put);
        return parent;
    }

    private static ObjectNode getInstance(Call c) {
        CloudMap cm = cloudMap(c);
        DiscoveryService s = cm.service(c.params().required("ServiceId"));
        DiscoveryInstance i = cm.instance(s, c.params().required("InstanceId"));
        ObjectNode out = Call.object();
        ObjectNode o = out.putObject("Instance").put("Id", i.id());
        if (i.creatorRequestId() != null) {
            o.put("CreatorRequestId", i.creatorRequestId());
        }
        attributes(o, i).put("CreatedByAccount", c.accountId());
        out.put("ResourceOwner", c.accountId());
        return out;
    }

    private static ObjectNode listInstances(Call c) {
        DiscoveryService s = cloudMap(c).service(c.params().required("ServiceId"));
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("Instances");
        ServiceDiscoveryHandler.page(c.params(), s.instances(), out)
                .forEach(i -> attributes(list.addObject().put("Id", i.id()), i).put("CreatedByAccount", c.accountId()));
        out.put("ResourceOwner", c.accountId());
        return out;
    }

    private static DiscoveryService discoverable(Call c) {
        Params p = c.params();
        return cloudMap(c).discoverable(p.required("NamespaceName"), p.required("ServiceName"),
                p.string("OwnerAccount").filter(a -> !a.isEmpty()).orElse(null));
    }

    private static ObjectNode discover(Call c) {
        Params p = c.params();
        CloudMap cm = cloudMap(c);
        DiscoveryService s = discoverable(c);
        int max = p.integer("MaxResults").orElse(100);
        if (max < 1 || max > 1000) {
            throw ServiceDiscoveryHandler.invalid("MaxResults must be between 1 and 1000");
        }
        List<DiscoveryInstance> found = cm.discover(s, p.string("HealthStatus").filter(h -> !h.isEmpty()).orElse(null),
                ServiceDiscoveryHandler.stringMap(p, "QueryParameters"), ServiceDiscoveryHandler.stringMap(p, "OptionalParameters"));
        String nsName = cm.namespace(s.namespaceId()).name();
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("Instances");
        found.stream().limit(max).forEach(i -> attributes(list.addObject().put("InstanceId", i.id()).put("NamespaceName", nsName)
                .put("ServiceName", s.name()).put("HealthStatus", cm.healthStatus(s, i)), i));
        out.put("InstancesRevision", s.instancesRevision());
        return out;
    }

    private static ObjectNode healthStatus(Call c) {
        CloudMap cm = cloudMap(c);
        DiscoveryService s = cm.service(c.params().required("ServiceId"));
        List<String> ids = c.params().strings("Instances");
        List<DiscoveryInstance> instances = ids.isEmpty() ? s.instances() : ids.stream().map(id -> cm.instance(s, id)).toList();
        ObjectNode out = Call.object();
        ObjectNode status = out.putObject("Status");
        ServiceDiscoveryHandler.page(c.params(), instances, out).forEach(i -> status.put(i.id(), cm.healthStatus(s, i)));
        return out;
    }
}
