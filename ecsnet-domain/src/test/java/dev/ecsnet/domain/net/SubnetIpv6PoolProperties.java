package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.RandomStream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The IPv6 pool of a subnet's /64: AWS's reserved addresses, duplicates and reservations never come out of it. */
class SubnetIpv6PoolProperties {
    private static final Ipv6Cidr BLOCK = Ipv6Cidr.parse("2600:1f18:6a1:8b01::/64").orElseThrow();

    @Property(tries = 100)
    void allocationsAreInsideFreeAndNeverReservedOrTwice(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int n,
                                                        @ForAll @IntRange(min = 65, max = 72) int reservationLength) {
        SubnetIpv6Pool pool = new SubnetIpv6Pool(BLOCK, new RandomStream(seed));
        Ipv6Cidr reservation = new Ipv6Cidr(BLOCK.network(), reservationLength);
        pool.reserve(reservation);
        Set<Ipv6Address> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Ipv6Address a = pool.allocate("subnet-x");
            assertThat(BLOCK.contains(a)).isTrue();
            assertThat(pool.isReserved(a)).isFalse();
            assertThat(reservation.contains(a)).as("inside the reservation: " + a).isFalse();
            assertThat(seen.add(a)).as("duplicate " + a).isTrue();
            assertThat(pool.isFree(a)).isFalse();
        }
        assertThat(pool.usedCount()).isEqualTo(n);
        List<Ipv6Address> taken = new ArrayList<>(seen);
        taken.subList(0, n / 2).forEach(pool::release);
        assertThat(pool.usedCount()).isEqualTo(n - n / 2);
        assertThat(pool.isFree(taken.get(0))).isEqualTo(n / 2 > 0);
    }

    @Property(tries = 50)
    void sameSeedSameAddressesAndThemScattered(@ForAll long seed) {
        SubnetIpv6Pool a = new SubnetIpv6Pool(BLOCK, new RandomStream(seed));
        SubnetIpv6Pool b = new SubnetIpv6Pool(BLOCK, new RandomStream(seed));
        Set<Long> upperBits = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Ipv6Address x = a.allocate("s");
            assertThat(b.allocate("s")).isEqualTo(x);
            upperBits.add(x.low() >>> 48);
        }
        // scattered over the /64, not handed out from ::4 upwards
        assertThat(upperBits.size()).isGreaterThan(10);
    }

    @Example
    void awsReservesTheFirstFourAndTheLastAddress() {
        SubnetIpv6Pool pool = new SubnetIpv6Pool(BLOCK, new RandomStream(1));
        for (String r : new String[] {"2600:1f18:6a1:8b01::", "2600:1f18:6a1:8b01::1", "2600:1f18:6a1:8b01::2", "2600:1f18:6a1:8b01::3",
                "2600:1f18:6a1:8b01:ffff:ffff:ffff:ffff"}) {
            Ipv6Address a = Ipv6Address.parse(r).orElseThrow();
            assertThat(pool.isReserved(a)).as(r).isTrue();
            assertThat(pool.take(a)).as(r).isFalse();
        }
        Ipv6Address four = Ipv6Address.parse("2600:1f18:6a1:8b01::4").orElseThrow();
        assertThat(pool.take(four)).isTrue();
        assertThat(pool.take(four)).as("twice").isFalse();
        assertThat(pool.take(Ipv6Address.parse("2600:1f18:6a1:8b02::4").orElseThrow())).as("outside").isFalse();
        assertThatThrownBy(() -> pool.release(Ipv6Address.parse("2600:1f18:6a1:8b01::5").orElseThrow())).isInstanceOf(IllegalStateException.class);
    }

    @Example
    void aReservationOfTheWholeBlockLeavesNothingToAllocate() {
        SubnetIpv6Pool pool = new SubnetIpv6Pool(BLOCK, new RandomStream(1));
        pool.reserve(BLOCK);
        assertThatThrownBy(() -> pool.allocate("subnet-x")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("InsufficientFreeAddressesInSubnet"));
        assertThat(pool.take(Ipv6Address.parse("2600:1f18:6a1:8b01::10").orElseThrow())).as("by name").isTrue();
        pool.unreserve(BLOCK);
        assertThat(BLOCK.contains(pool.allocate("subnet-x"))).isTrue();
    }
}
