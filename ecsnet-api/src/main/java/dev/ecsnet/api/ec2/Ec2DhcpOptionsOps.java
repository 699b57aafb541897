package dev.ecsnet.api.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.net.DhcpOptions;
import dev.ecsnet.domain.net.DhcpOptionsSets;
import dev.ecsnet.protocol.AwsError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DHCP options sets: create, describe, associate with a VPC (or {@code default} for none), delete. */
final class Ec2DhcpOptionsOps {
    private Ec2DhcpOptionsOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateDhcpOptions", Ec2DhcpOptionsOps::create);
        t.register("DescribeDhcpOptions", Ec2DhcpOptionsOps::describe);
        t.register("AssociateDhcpOptions", c -> {
            sets(c).associate(c.params().required("DhcpOptionsId"), c.params().required("VpcId"));
            return Ec2Shapes.object().put("return", true);
        });
        t.register("DeleteDhcpOptions", c -> {
            sets(c).delete(c.params().required("DhcpOptionsId"));
            return Ec2Shapes.object().put("return", true);
        });
    }

    private static DhcpOptionsSets sets(Call c) {
        return c.state().network().dhcpOptions();
    }

    private static final Ec2Filters<DhcpOptions> FILTERS = Ec2Filters.<DhcpOptions>taggable()
            .field("dhcp-options-id", DhcpOptions::id)
            .field("owner-id", DhcpOptions::ownerId)
            .multi("key", d -> List.copyOf(d.configurations().keySet()))
            .multi("value", d -> d.configurations().values().stream().flatMap(List::stream).toList());

    static ObjectNode render(DhcpOptions d) {
        ObjectNode o = Ec2Shapes.object();
        ArrayNode set = o.putArray("dhcpConfigurationSet");
        d.configurations().forEach((key, values) -> {
            ArrayNode valueSet = set.addObject().put("key", key).putArray("valueSet");
            values.forEach(v -> valueSet.addObject().put("value", v));
        });
        o.put("dhcpOptionsId", d.id()).put("ownerId", d.ownerId());
        o.set("tagSet", Ec2Shapes.tagSet(d.tags()));
        return o;
    }

    static ObjectNode create(Call call) {
        Map<String, List<String>> configurations = new LinkedHashMap<>();
        for (Params c : call.params().list("DhcpConfiguration")) {
            String key = c.required("Key");
            if (configurations.put(key, c.strings("Value")) != null) {
                throw AwsError.badRequest("InvalidParameterValue", "Value (" + key + ") for parameter key is invalid. Duplicate DHCP option");
            }
        }
        DhcpOptions d = sets(call).create(configurations, Ec2Shapes.tagsFor(call.params(), "dhcp-options"));
        ObjectNode out = Ec2Shapes.object();
        out.set("dhcpOptions", render(d));
        return out;
    }

    static ObjectNode describe(Call call) {
        List<String> ids = call.params().strings("DhcpOptionsId");
        List<DhcpOptions> selected = ids.isEmpty() ? new ArrayList<>(sets(call).all()) : ids.stream().distinct().map(sets(call)::get).toList();
        var page = Ec2Pages.page(FILTERS.apply(selected, Ec2Filters.read(call.params(), "Filter")), call.params(), 5, 1000);
        ObjectNode out = Ec2Shapes.object();
        ArrayNode set = out.putArray("dhcpOptionsSet");
        page.items().forEach(d -> set.add(render(d)));
        page.putToken(out);
        return out;
    }
}
