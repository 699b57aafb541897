package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.RandomStream;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one allocator of a subnet's IPv6 addresses, over its /64. Like {@link SubnetIpPool} it never hands out the
 * addresses AWS reserves in a subnet (the first four and the last one), never one twice, never one inside a subnet
 * CIDR reservation, and picks at random from a seeded stream: a random interface id, drawn again in the rare case it
 * is taken or reserved, so an allocation costs O(1) whatever the number of addresses in use.
 */
public final class SubnetIpv6Pool {
    private static final int FIRST_USABLE = 4;
    /** Draws before giving up: only reservations covering all but a sliver of the /64 get here. */
    private static final int MAX_DRAWS = 10_000;

    private final Ipv6Cidr cidr;
    private final RandomStream random;
    private final Set<Ipv6Address> taken = new LinkedHashSet<>();
    private final List<Ipv6Cidr> reservations = new ArrayList<>();

    public SubnetIpv6Pool(Ipv6Cidr cidr, RandomStream random) {
        if (cidr.prefixLength() != 64) {
            throw new IllegalArgumentException("subnet IPv6 blocks are /64: " + cidr);
        }
        this.cidr = cidr;
        this.random = random;
    }

    public Ipv6Cidr cidr() {
        return cidr;
    }

    public int usedCount() {
        return taken.size();
    }

    /** The first four addresses and the last one of the /64. */
    public boolean isReserved(Ipv6Address address) {
        long offset = address.low() - cidr.network().low();
        return Long.compareUnsigned(offset, FIRST_USABLE) < 0 || address.equals(cidr.last());
    }

    public boolean isFree(Ipv6Address address) {
        return cidr.contains(address) && !isReserved(address) && !taken.contains(address);
    }

    /** A free address outside the reservations; {@code InsufficientFreeAddressesInSubnet} when there is none. */
    public Ipv6Address allocate(String subnetId) {
        if (reservations.stream().anyMatch(r -> r.contains(cidr))) {
            throw exhausted(subnetId);
        }
        for (int i = 0; i < MAX_DRAWS; i++) {
            Ipv6Address candidate = new Ipv6Address(cidr.network().high(), random.nextLong());
            if (isFree(candidate) && reservations.stream().noneMatch(r -> r.contains(candidate))) {
                taken.add(candidate);
                return candidate;
            }
        }
        throw exhausted(subnetId);
    }

    private static DomainException exhausted(String subnetId) {
        return DomainException.capacity("InsufficientFreeAddressesInSubnet",
                "There are not enough free IPv6 addresses in subnet '" + subnetId + "' to satisfy the request.");
    }

    /** Takes one chosen address (a reserved range's too); false when it is AWS's, outside the /64, or taken. */
    public boolean take(Ipv6Address address) {
        return cidr.contains(address) && !isReserved(address) && taken.add(address);
    }

    /** Gives an address back; releasing one that is not taken is a programming error. */
    public void release(Ipv6Address address) {
        if (!taken.remove(address)) {
            throw new IllegalStateException("address is not taken in " + cidr + ": " + address);
        }
    }

    /** The pool as it stands, for a snapshot; its reservations are the subnet's and are recorded with them. */
    NetworkRecord.Ipv6PoolRecord record() {
        return new NetworkRecord.Ipv6PoolRecord(cidr.toString(), random.state(), taken.stream().map(Ipv6Address::toString).toList());
    }

    /** The pool a {@link #record()} describes; {@code reservations} are the subnet's IPv6 CIDR reservations. */
    static SubnetIpv6Pool restored(NetworkRecord.Ipv6PoolRecord r, List<Ipv6Cidr> reservations) {
        SubnetIpv6Pool pool = new SubnetIpv6Pool(Ipv6Cidr.parse(r.cidr()).orElseThrow(), RandomStream.resumed(r.randomState()));
        for (String text : r.taken()) {
            if (!pool.take(Ipv6Address.parse(text).orElseThrow())) {
                throw new IllegalArgumentException("address " + text + " cannot be taken in " + pool.cidr);
            }
        }
        pool.reservations.addAll(reservations);
        return pool;
    }

    public void reserve(Ipv6Cidr range) {
        reservations.add(range);
    }

    public void unreserve(Ipv6Cidr range) {
        reservations.remove(range);
    }
}
