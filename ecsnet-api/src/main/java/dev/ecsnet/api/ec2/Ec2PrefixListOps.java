package dev.ecsnet.api.ec2;

import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.common.Taggable;
import dev.ecsnet.domain.net.EndpointServices;
import dev.ecsnet.domain.net.ManagedPrefixList;
import dev.ecsnet.domain.net.ManagedPrefixLists;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.Ec2XmlShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

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

    static ShapeWriter render(ShapeWriter o, Call call, Described d) {
        if (d.customer() != null) {
            return render(o, d.customer());
        }
        return o.value("prefixListId", d.id()).value("addressFamily", "IPv4").value("state", "create-complete")
                .value("prefixListArn", "arn:aws:ec2:" + call.region() + ":aws:prefix-list/" + d.id())
                .value("prefixListName", d.name()).value("version", 1).value("ownerId", "AWS").list("tagSet").end();
    }

    static ShapeWriter render(ShapeWriter o, ManagedPrefixList l) {
        o.value("prefixListId", l.id()).value("addressFamily", l.addressFamily()).value("state", l.state().wireName());
        l.stateMessage().ifPresent(m -> o.value("stateMessage", m));
        o.value("prefixListArn", l.arn()).value("prefixListName", l.name()).value("maxEntries", l.maxEntries()).value("version", l.version());
        Ec2Shapes.tagSet(o, l.tags());
        return o.value("ownerId", l.ownerId());
    }

    private static RenderedAnswer prefixList(ManagedPrefixList l) {
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        render(out.object("prefixList"), l).end();
        return out.answer();
    }

    private static List<ManagedPrefixList.Entry> readEntries(Params p, String member) {
        return p.list(member).stream().map(e -> new ManagedPrefixList.Entry(e.required("Cidr"), e.string("Description").orElse(null))).toList();
    }

    static RenderedAnswer create(Call call) {
        Params p = call.params();
        int maxEntries = p.integer("MaxEntries").orElseThrow(() -> AwsError.badRequest("MissingParameter", "The request must contain the parameter MaxEntries"));
        ManagedPrefixList l = lists(call).create(p.required("PrefixListName"), p.required("AddressFamily"), maxEntries,
                readEntries(p, "Entry"), Ec2Shapes.tagsFor(p, "prefix-list"));
        return prefixList(l);
    }

    static RenderedAnswer modify(Call call) {
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

    static RenderedAnswer describe(Call call) {
        List<String> ids = call.params().strings("PrefixListId");
        List<Described> all = all(call);
        for (String id : ids) {
            if (all.stream().noneMatch(d -> d.id().equals(id))) {
                throw AwsError.badRequest("InvalidPrefixListID.NotFound", "The prefix list (" + id + ") does not exist.");
            }
        }
        List<Described> selected = all.stream().filter(d -> ids.isEmpty() || ids.contains(d.id())).toList();
        var page = Ec2Pages.page(FILTERS.apply(selected, Ec2Filters.read(call.params(), "Filter")), call.params(), 1, 100);
        return page.answer("prefixListSet", (o, d) -> render(o, call, d));
    }

    /** The entries of the current version, or of {@code TargetVersion}; AWS-managed lists have only version 1. */
    static RenderedAnswer entries(Call call) {
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
        return page.answer("entrySet", (o, e) -> o.value("cidr", e.cidr()).value("description", e.description()));
    }

    private static AwsError noVersion(String id, long version) {
        return AwsError.badRequest("InvalidParameterValue", "The prefix list " + id + " has no version " + version + ".");
    }

    static RenderedAnswer associations(Call call) {
        String id = call.params().required("PrefixListId");
        if (EndpointServices.prefixLists(call.region()).stream().noneMatch(a -> a.id().equals(id))) {
            lists(call).get(id);
        }
        var page = Ec2Pages.page(lists(call).references(id), call.params(), 5, 255);
        return page.answer("prefixListAssociationSet", (o, r) -> o.value("resourceId", r).value("resourceOwner", call.accountId()));
    }
}
