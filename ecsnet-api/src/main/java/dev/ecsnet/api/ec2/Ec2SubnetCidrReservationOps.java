package dev.ecsnet.api.ec2;

import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.net.SubnetCidrReservation;
import dev.ecsnet.domain.net.SubnetCidrReservations;
import dev.ecsnet.protocol.Ec2XmlShapeWriter;
import dev.ecsnet.protocol.RenderedAnswer;
import dev.ecsnet.protocol.ShapeWriter;

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

    static ShapeWriter render(ShapeWriter o, SubnetCidrReservation r) {
        o.value("subnetCidrReservationId", r.id())
                .value("subnetId", r.subnetId())
                .value("cidr", r.cidr())
                .value("reservationType", r.type().wireName())
                .value("ownerId", r.ownerId())
                .value("description", r.description());
        Ec2Shapes.tagSet(o, r.tags());
        return o;
    }

    /** An answer holding the one reservation under {@code member}. */
    private static RenderedAnswer answer(String member, SubnetCidrReservation r) {
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        render(out.object(member), r).end();
        return out.answer();
    }

    static RenderedAnswer create(Call call) {
        Params p = call.params();
        SubnetCidrReservation r = reservations(call).create(p.required("SubnetId"), p.required("Cidr"), p.required("ReservationType"),
                p.string("Description").orElse(null), Ec2Shapes.tagsFor(p, "subnet-cidr-reservation"));
        return answer("subnetCidrReservation", r);
    }

    /** The subnet's reservations, IPv4 and IPv6 apart; one page spans both lists. */
    static RenderedAnswer get(Call call) {
        String subnetId = call.state().network().subnet(call.params().required("SubnetId")).id();
        List<SubnetCidrReservation> all = FILTERS.apply(reservations(call).ofSubnet(subnetId), Ec2Filters.read(call.params(), "Filter"));
        var page = Ec2Pages.page(all, call.params(), 5, 1000);
        Ec2XmlShapeWriter out = ShapeWriter.ec2Xml();
        out.list("subnetIpv4CidrReservationSet");
        page.items().stream().filter(r -> !r.isIpv6()).forEach(r -> render(out.item(), r).end());
        out.end().list("subnetIpv6CidrReservationSet");
        page.items().stream().filter(SubnetCidrReservation::isIpv6).forEach(r -> render(out.item(), r).end());
        out.end();
        page.writeToken(out);
        return out.answer();
    }

    static RenderedAnswer delete(Call call) {
        return answer("deletedSubnetCidrReservation", reservations(call).delete(call.params().required("SubnetCidrReservationId")));
    }
}
