package dev.ecsnet.api.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.common.Taggable;
import dev.ecsnet.domain.net.EndpointServices;
import dev.ecsnet.domain.net.ManagedPrefixList;
import dev.ecsnet.domain.net.ManagedPrefixLists;
import dev.ecsnet.protocol.AwsError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Managed prefix lists: the customer's (create, modify, delete, entries by version, associations) and AWS's (read only). */
final class Ec2PrefixListOps {
    private Ec2PrefixListOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateManagedPrefixList", Ec2PrefixListOps::create);
        t.register("DescribeManagedPrefixLists", Ec2PrefixListOps::describe);
        t.register("ModifyManagedPrefixList", Ec2PrefixListOps::modify);
        t.register("DeleteManagedPrefixList", c -> prefixList(lists(c).delete(c.params().required("PrefixListId"))));
        t.register("GetManagedPrefixListEntries", Ec2PrefixListOps::entries);
        t.register("GetManagedPrefixListAssociations", Ec2PrefixListOps::associations);
    }

    private static ManagedPrefixLists lists(Call c) {
        return c.state().network().prefixLists();
    }

    /** One list as DescribeManagedPrefixLists sees it: a customer list, or an AWS-managed one (no tags, never changes). */
    private record Described(ManagedPrefixList customer, EndpointServices.PrefixList aws) implements Taggable {
        @Override
        public String id() {
            return customer != null ? customer.id() : aws.id();
        }

        String name() {
            return customer != null ? customer.name() : aws.name();
        }

        String ownerId() {
            return customer != null ? customer.ownerId() : "AWS";
        }

        @Override
        public Map<String, String> tags() {
            return customer != null ? customer.tags() : Map.of();
        }
    }

    private static final Ec2Filters<Described> FILTERS = Ec2Filters.<Described>taggable()
            .field("prefix-list-id", Described::id)
            .field("prefix-list-name", Described::name)
            .field("owner-id", Described::ownerId);

    static ObjectNode render(Call call, Described d) {
        if (d.customer() != null) {
            return render(d.customer());
        }
        return Ec2Shapes.object().put("prefixListId", d.id()).put("addressFamily", "IPv4").put("state", "create-complete")
                .put("prefixListArn", "arn:aws:ec2:" + call.region() + ":aws:prefix-list/" + d.id())
                .put("prefixListName", d.name()).put("version", 1).put("ownerId", "AWS").set("tagSet", Ec2Shapes.array());
    }

    static ObjectNode render(ManagedPrefixList l) {
        ObjectNode o = Ec2Shapes.object().put("prefixListId", l.id()).put("addressFamily", l.addressFamily()).put("state", l.state().wireName());
        l.stateMessage().ifPresent(m -> o.put("stateMessage", m));
        o.put("prefixListArn", l.arn()).put("prefixListName", l.name()).put("maxEntries", l.maxEntries()).put("version", l.version());
        o.set("tagSet", Ec2Shapes.tagSet(l.tags()));
        return o.put("ownerId", l.ownerId());
    }

    private static ObjectNode prefixList(ManagedPrefixList l) {
        ObjectNode out = Ec2Shapes.object();
        out.set("prefixList", render(l));
        return out;
    }

    private static List<ManagedPrefixList.Entry> readEntries(Params p, String member) {
        return p.list(member).stream().map(e -> new ManagedPrefixList.Entry(e.required("Cidr"), e.string("Description").orElse(null))).toList();
    }

    static ObjectNode create(Call call) {
        Params p = call.params();
        int maxEntries = p.integer("MaxEntries").orElseThrow(() -> AwsError.badRequest("MissingParameter", "The request must contain the parameter MaxEntries"));
        ManagedPrefixList l = lists(call).create(p.required("PrefixListName"), p.required("AddressFamily"), maxEntries,
                readEntries(p, "Entry"), Ec2Shapes.tagsFor(p, "prefix-list"));
        return prefixList(l);
    }

    static ObjectNode modify(Call call) {
        Params p = call.params();
        List<String> remove = p.list("RemoveEntry").stream().map(e -> e.required("Cidr")).toList();
        ManagedPrefixList l = lists(call).modify(p.required("PrefixListId"), new ManagedPrefixLists.Modification(
                p.integer("CurrentVersion").map(Integer::longValue).orElse(null), p.string("PrefixListName").orElse(null),
                readEntries(p, "AddEntry"), remove, p.integer("MaxEntries").orElse(null)));
        return prefixList(l);
    }

    private static List<Described> all(Call call) {
        List<Described> all = new ArrayList<>();
        EndpointServices.prefixLists(call.region()).forEach(a -> all.add(new Described(null, a)));
        lists(call).all().forEach(c -> all.add(new Described(c, null)));
        return all;
    }

    static ObjectNode describe(Call call) {
        List<String> ids = call.params().strings("PrefixListId");
        List<Described> all = all(call);
        for (String id : ids) {
            if (all.stream().noneMatch(d -> d.id().equals(id))) {
                throw AwsError.badRequest("InvalidPrefixListID.NotFound", "The prefix list (" + id + ") does not exist.");
            }
        }
        List<Described> selected = all.stream().filter(d -> ids.isEmpty() || ids.contains(d.id())).toList();
        var page = Ec2Pages.page(FILTERS.apply(selected, Ec2Filters.read(call.params(), "Filter")), call.params(), 1, 100);
        ObjectNode out = Ec2Shapes.object();
        ArrayNode set = out.putArray("prefixListSet");
        page.items().forEach(d -> set.add(render(call, d)));
        page.putToken(out);
        return out;
    }

    /** The entries of the current version, or of {@code TargetVersion}; AWS-managed lists have only version 1. */
    static ObjectNode entries(Call call) {
        Params p = call.params();
        String id = p.required("PrefixListId");
        Long target = p.integer("TargetVersion").map(Integer::longValue).orElse(null);
        List<ManagedPrefixList.Entry> entries;
        var aws = EndpointServices.prefixLists(call.region()).stream().filter(a -> a.id().equals(id)).findFirst();
        if (aws.isPresent()) {
            if (target != null && target != 1) {
                throw noVersion(id, target);
            }
            entries = aws.get().cidrs().stream().map(c -> new ManagedPrefixList.Entry(c, null)).toList();
        } else {
            ManagedPrefixList l = lists(call).get(id);
            entries = target == null ? l.entries() : l.entries(target).orElseThrow(() -> noVersion(id, target));
        }
        var page = Ec2Pages.page(entries, p, 1, 100);
        ObjectNode out = Ec2Shapes.object();
        ArrayNode set = out.putArray("entrySet");
        for (ManagedPrefixList.Entry e : page.items()) {
            ObjectNode x = set.addObject().put("cidr", e.cidr());
            if (e.description() != null) {
                x.put("description", e.description());
            }
        }
        page.putToken(out);
        return out;
    }

    private static AwsError noVersion(String id, long version) {
        return AwsError.badRequest("InvalidParameterValue", "The prefix list " + id + " has no version " + version + ".");
    }

    static ObjectNode associations(Call call) {
        String id = call.params().required("PrefixListId");
        if (EndpointServices.prefixLists(call.region()).stream().noneMatch(a -> a.id().equals(id))) {
            lists(call).get(id);
        }
        var page = Ec2Pages.page(lists(call).references(id), call.params(), 5, 255);
        ObjectNode out = Ec2Shapes.object();
        ArrayNode set = out.putArray("prefixListAssociationSet");
        page.items().forEach(r -> set.addObject().put("resourceId", r).put("resourceOwner", call.accountId()));
        page.putToken(out);
        return out;
    }
}
