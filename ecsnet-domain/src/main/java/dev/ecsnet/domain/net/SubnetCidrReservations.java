package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Subnet CIDR reservations of a region. A reservation lies inside its subnet's IPv4 block or IPv6 /64 and overlaps
 * no other reservation of the VPC; it may cover addresses in use (they stay), and from then on the subnet's pool does
 * not pick its free addresses by itself. Deleting it, or its subnet, makes its unused addresses assignable again.
 */
public final class SubnetCidrReservations {
    private final Network network;
    private final IdSource ids;
    final Map<String, SubnetCidrReservation> reservations = new LinkedHashMap<>();

    SubnetCidrReservations(Network network, IdSource ids) {
        this.network = network;
        this.ids = ids;
    }

    public Collection<SubnetCidrReservation> all() {
        return reservations.values();
    }

    public List<SubnetCidrReservation> ofSubnet(String subnetId) {
        return reservations.values().stream().filter(r -> r.subnetId().equals(subnetId)).toList();
    }

    /** CreateSubnetCidrReservation. */
    public SubnetCidrReservation create(String subnetId, String cidr, String reservationType, String description, Map<String, String> tags) {
        Subnet subnet = network.subnet(subnetId);
        SubnetCidrReservation.Type type = type(reservationType);
        String canonical;
        if (cidr.contains(":")) {
            Ipv6Cidr range = Ipv6Cidr.parse(cidr).orElseThrow(() -> invalidCidr(cidr));
            Ipv6Cidr block = subnet.ipv6Cidr().orElseThrow(() -> DomainException.invalid("InvalidParameterValue",
                    "Reservation CIDR " + range + " is not within the IPv6 CIDR block of subnet " + subnetId + ": the subnet has none."));
            if (!block.contains(range)) {
                throw notWithin(range.toString(), block.toString(), subnetId);
            }
            canonical = range.toString();
            checkNoOverlap(subnet, canonical, r -> Ipv6Cidr.parse(r.cidr()).map(range::overlaps).orElse(false));
        } else {
            Cidr range = Cidr.parse(cidr).orElseThrow(() -> invalidCidr(cidr));
            if (!subnet.cidr().contains(range)) {
                throw notWithin(range.toString(), subnet.cidr().toString(), subnetId);
            }
            canonical = range.toString();
            checkNoOverlap(subnet, canonical, r -> Cidr.parse(r.cidr()).map(range::overlaps).orElse(false));
        }
        network.gate().open();
        SubnetCidrReservation r = new SubnetCidrReservation(ids.resourceId("scr"), subnet.id(), canonical, type, network.accountId(), description);
        r.tags().putAll(tags);
        reservations.put(r.id(), r);
        apply(subnet, r, true);
        return r;
    }

    private static SubnetCidrReservation.Type type(String value) {
        try {
            return SubnetCidrReservation.Type.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("InvalidParameterValue", "Value (" + value + ") for parameter reservationType is invalid. "
                    + "Valid values are: prefix, explicit.");
        }
    }

    private static DomainException invalidCidr(String cidr) {
        return DomainException.invalid("InvalidParameterValue", "Value (" + cidr + ") for parameter cidr is invalid. This is not a valid CIDR block.");
    }

    private static DomainException notWithin(String range, String block, String subnetId) {
        return DomainException.invalid("InvalidParameterValue", "Reservation CIDR " + range + " is not within the CIDR block " + block
                + " of subnet " + subnetId);
    }

    private void checkNoOverlap(Subnet subnet, String range, java.util.function.Predicate<SubnetCidrReservation> overlaps) {
        for (SubnetCidrReservation other : reservations.values()) {
            boolean sameVpc = network.findSubnet(other.subnetId()).map(s -> s.vpcId().equals(subnet.vpcId())).orElse(false);
            if (sameVpc && other.isIpv6() == range.contains(":") && overlaps.test(other)) {
                throw DomainException.invalid("InvalidParameterValue", "Reservation CIDR " + range + " has overlap with existing reserved CIDR block");
            }
        }
    }

    public SubnetCidrReservation get(String id) {
        SubnetCidrReservation r = reservations.get(id);
        if (r == null) {
            throw DomainException.notFound("InvalidSubnetCidrReservationID.NotFound", "The subnet CIDR reservation ID '" + id + "' does not exist");
        }
        return r;
    }

    /** DeleteSubnetCidrReservation: answers the reservation it deleted. */
    public SubnetCidrReservation delete(String id) {
        SubnetCidrReservation r = get(id);
        network.gate().open();
        reservations.remove(id);
        network.findSubnet(r.subnetId()).ifPresent(s -> apply(s, r, false));
        return r;
    }

    /** The subnet went: its reservations go with it. */
    void forgetSubnet(String subnetId) {
        reservations.values().removeIf(r -> r.subnetId().equals(subnetId));
    }

    private static void apply(Subnet subnet, SubnetCidrReservation r, boolean reserve) {
        if (r.isIpv6()) {
            Ipv6Cidr range = Ipv6Cidr.parse(r.cidr()).orElseThrow();
            subnet.ipv6Pool().ifPresent(p -> {
                if (reserve) {
                    p.reserve(range);
                } else {
                    p.unreserve(range);
                }
            });
        } else {
            Cidr range = Cidr.parse(r.cidr()).orElseThrow();
            if (reserve) {
                subnet.pool().reserve(range);
            } else {
                subnet.pool().unreserve(range);
            }
        }
    }
}
