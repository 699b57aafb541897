package dev.ecsnet.api.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.net.SubnetCidrReservation;
import dev.ecsnet.domain.net.SubnetCidrReservations;

import java.util.List;

/** Subnet CIDR reservations: CreateSubnetCidrReservation, GetSubnetCidrReservations, DeleteSubnetCidrReservation. */
final class Ec2SubnetCidrReservationOps {
    private Ec2SubnetCidrReservationOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateSubnetCidrReservation", Ec2SubnetCidrReservationOps::create);
        t.register("GetSubnetCidrReservations", Ec2SubnetCidrReservationOps::get);
        t.register("DeleteSubnetCidrReservation", Ec2SubnetCidrReservationOps::delete);
    }

    private static final Ec2Filters<SubnetCidrReservation> FILTERS = Ec2Filters.<SubnetCidrReservation>taggable()
            .field("reservationType", r -> r.type().wireName())
            .field("subnet-id", SubnetCidrReservation::subnetId)
            .field("owner-id", SubnetCidrReservation::ownerId);

    private static SubnetCidrReservations reservations(Call c) {
        return c.state().network().subnetCidrReservations();
    }

    static ObjectNode render(SubnetCidrReservation r) {
        ObjectNode o = Ec2Shapes.object()
                .put("subnetCidrReservationId", r.id())
                .put("subnetId", r.subnetId())
                .put("cidr", r.cidr())
                .put("reservationType", r.type().wireName())
                .put("ownerId", r.ownerId());
        if (r.description() != null) {
            o.put("description", r.description());
        }
        o.set("tagSet", Ec2Shapes.tagSet(r.tags()));
        return o;
    }

    static ObjectNode create(Call call) {
        Params p = call.params();
        SubnetCidrReservation r = reservations(call).create(p.required("SubnetId"), p.required("Cidr"), p.required("ReservationType"),
                p.string("Description").orElse(null), Ec2Shapes.tagsFor(p, "subnet-cidr-reservation"));
        ObjectNode out = Ec2Shapes.object();
        out.set("subnetCidrReservation", render(r));
        return out;
    }

    /** The subnet's reservations, IPv4 and IPv6 apart; one page spans both lists. */
    static ObjectNode get(Call call) {
        String subnetId = call.state().network().subnet(call.params().required("SubnetId")).id();
        List<SubnetCidrReservation> all = FILTERS.apply(reservations(call).ofSubnet(subnetId), Ec2Filters.read(call.params(), "Filter"));
        var page = Ec2Pages.page(all, call.params(), 5, 1000);
        ArrayNode v4 = Ec2Shapes.array();
        ArrayNode v6 = Ec2Shapes.array();
        page.items().forEach(r -> (r.isIpv6() ? v6 : v4).add(render(r)));
        ObjectNode out = Ec2Shapes.object();
        out.set("subnetIpv4CidrReservationSet", v4);
        out.set("subnetIpv6CidrReservationSet", v6);
        page.putToken(out);
        return out;
    }

    static ObjectNode delete(Call call) {
        SubnetCidrReservation r = reservations(call).delete(call.params().required("SubnetCidrReservationId"));
        ObjectNode out = Ec2Shapes.object();
        out.set("deletedSubnetCidrReservation", render(r));
        return out;
    }
}
