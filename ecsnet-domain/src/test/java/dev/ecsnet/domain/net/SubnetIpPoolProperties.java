package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.RandomStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The subnet address pool's invariants over random prefix lengths and random allocate/take/release sequences. */
class SubnetIpPoolProperties {

    enum Kind { ALLOCATE, TAKE, RELEASE }

    record Step(Kind kind, long pick) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE).flatMap(pick ->
                Arbitraries.of(Kind.class).map(k -> new Step(k, pick))).list().ofMaxSize(300);
    }

    private static Cidr subnet(int prefix, long where) {
        // anywhere in 10.0.0.0/8, aligned to the prefix
        long blocks = 1L << (prefix - 8);
        int network = (10 << 24) + (int) (Math.floorMod(where, blocks) << (32 - prefix));
        return new Cidr(network, prefix);
    }

    private static boolean reserved(Cidr c, int address) {
        long offset = c.offsetOf(address);
        return offset <= 3 || offset == c.size() - 1;
    }

    @Property(tries = 300)
    void invariantsHoldOverAnySequence(@ForAll @IntRange(min = 16, max = 28) int prefix, @ForAll long where, @ForAll long seed,
                                       @ForAll("steps") List<Step> steps) {
        Cidr cidr = subnet(prefix, where);
        SubnetIpPool pool = new SubnetIpPool(cidr, new RandomStream(seed));
        int usable = (int) cidr.size() - 5;
        assertThat(pool.usableCount()).isEqualTo(usable);
        List<Integer> used = new ArrayList<>();
        Set<Integer> usedSet = new HashSet<>();
        for (Step s : steps) {
            switch (s.kind()) {
                case ALLOCATE -> {
                    if (usedSet.size() == usable) {
                        assertThatThrownBy(() -> pool.allocate("subnet-x")).isInstanceOf(DomainException.class);
                    } else {
                        int a = pool.allocate("subnet-x");
                        assertThat(cidr.contains(a)).isTrue();
                        assertThat(reserved(cidr, a)).as(Ipv4.format(a)).isFalse();
                        assertThat(usedSet.add(a)).as("duplicate " + Ipv4.format(a)).isTrue();
                        used.add(a);
                    }
                }
                case TAKE -> {
                    int a = cidr.addressAt(Math.floorMod(s.pick(), cidr.size()));
                    boolean expected = !reserved(cidr, a) && !usedSet.contains(a);
                    assertThat(pool.isFree(a)).isEqualTo(expected);
                    assertThat(pool.take(a)).isEqualTo(expected);
                    if (expected) {
                        usedSet.add(a);
                        used.add(a);
                    }
                    assertThat(pool.isFree(a)).isFalse();
                }
                case RELEASE -> {
                    if (!used.isEmpty()) {
                        int a = used.remove((int) Math.floorMod(s.pick(), used.size()));
                        usedSet.remove(a);
                        pool.release(a);
                        assertThat(pool.isFree(a)).isTrue();
                    }
                }
                default -> throw new IllegalStateException();
            }
            assertThat(pool.availableCount() + usedSet.size()).isEqualTo(usable);
        }
    }

    enum ReservationKind { ALLOCATE, TAKE, RELEASE, RESERVE, UNRESERVE }

    record ReservationStep(ReservationKind kind, long pick, int size) {
    }

    @Provide
    Arbitrary<List<ReservationStep>> reservationSteps() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE).flatMap(pick -> Arbitraries.integers().between(0, 6).flatMap(size ->
                Arbitraries.of(ReservationKind.class).map(k -> new ReservationStep(k, pick, size)))).list().ofMaxSize(120);
    }

    /**
     * Subnet CIDR reservations interleaved with allocations: allocate never picks an address inside a reservation,
     * taking by name still works there, and the counts stay true (available = all free, assignable = free outside
     * every reservation).
     */
    @Property(tries = 60)
    void reservationsAreNeverAllocated(@ForAll @IntRange(min = 24, max = 28) int prefix, @ForAll long where, @ForAll long seed,
                                       @ForAll("reservationSteps") List<ReservationStep> steps) {
        Cidr cidr = subnet(prefix, where);
        SubnetIpPool pool = new SubnetIpPool(cidr, new RandomStream(seed));
        int usable = (int) cidr.size() - 5;
        Set<Integer> used = new HashSet<>();
        List<Cidr> reservations = new ArrayList<>();
        for (ReservationStep s : steps) {
            switch (s.kind()) {
                case ALLOCATE -> {
                    long assignable = freeOutside(cidr, used, reservations);
                    if (assignable == 0) {
                        assertThatThrownBy(() -> pool.allocate("subnet-x")).isInstanceOf(DomainException.class);
                    } else {
                        int a = pool.allocate("subnet-x");
                        assertThat(reserved(cidr, a)).isFalse();
                        assertThat(reservations.stream().noneMatch(r -> r.contains(a))).as("allocated inside a reservation: " + Ipv4.format(a)).isTrue();
                        assertThat(used.add(a)).isTrue();
                    }
                }
                case TAKE -> {
                    int a = cidr.addressAt(Math.floorMod(s.pick(), cidr.size()));
                    boolean expected = !reserved(cidr, a) && !used.contains(a);
                    assertThat(pool.take(a)).isEqualTo(expected);
                    if (expected) {
                        used.add(a);
                    }
                }
                case RELEASE -> {
                    if (!used.isEmpty()) {
                        int a = used.stream().sorted().toList().get((int) Math.floorMod(s.pick(), used.size()));
                        used.remove(a);
                        pool.release(a);
                    }
                }
                case RESERVE -> {
                    int length = Math.max(prefix, 32 - s.size());
                    long blocks = 1L << (length - prefix);
                    Cidr r = new Cidr(cidr.addressAt(Math.floorMod(s.pick(), blocks) << (32 - length)), length);
                    if (reservations.stream().noneMatch(x -> x.overlaps(r))) {
                        reservations.add(r);
                        pool.reserve(r);
                    }
                }
                case UNRESERVE -> {
                    if (!reservations.isEmpty()) {
                        Cidr r = reservations.remove((int) Math.floorMod(s.pick(), reservations.size()));
                        pool.unreserve(r);
                    }
                }
                default -> throw new IllegalStateException();
            }
            assertThat(pool.availableCount()).isEqualTo(usable - used.size());
            assertThat(pool.assignableCount()).isEqualTo(freeOutside(cidr, used, reservations));
        }
    }

    /** Free usable addresses outside every reservation, counted the slow way. */
    private static long freeOutside(Cidr cidr, Set<Integer> used, List<Cidr> reservations) {
        long n = 0;
        for (long offset = 4; offset < cidr.size() - 1; offset++) {
            int a = cidr.addressAt(offset);
            if (!used.contains(a) && reservations.stream().noneMatch(r -> r.contains(a))) {
                n++;
            }
        }
        return n;
    }

    @Example
    void aReservationCoveringTheWholeSubnetLeavesNothingToAllocateButKeepsTheCount() {
        Cidr c = Cidr.parse("10.0.0.0/28").orElseThrow();
        SubnetIpPool pool = new SubnetIpPool(c, new RandomStream(1));
        pool.reserve(c);
        assertThat(pool.availableCount()).isEqualTo(11);
        assertThat(pool.assignableCount()).isZero();
        assertThatThrownBy(() -> pool.allocate("subnet-x")).isInstanceOf(DomainException.class);
        assertThat(pool.take((int) Ipv4.parse("10.0.0.9"))).as("taken by name").isTrue();
        pool.unreserve(c);
        assertThat(pool.assignableCount()).isEqualTo(10);
        assertThat(pool.allocate("subnet-x")).isNotEqualTo((int) Ipv4.parse("10.0.0.9"));
    }

    @Property(tries = 40)
    void exhaustionThenReleaseThenAllocateGivesBackTheFreedAddress(@ForAll @IntRange(min = 22, max = 28) int prefix, @ForAll long seed) {
        Cidr cidr = subnet(prefix, seed);
        SubnetIpPool pool = new SubnetIpPool(cidr, new RandomStream(seed));
        Set<Integer> all = new HashSet<>();
        for (int i = 0; i < pool.usableCount(); i++) {
            assertThat(all.add(pool.allocate("subnet-x"))).isTrue();
        }
        assertThat(all).hasSize((int) cidr.size() - 5);
        assertThat(pool.availableCount()).isZero();
        assertThatThrownBy(() -> pool.allocate("subnet-full"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("InsufficientFreeAddressesInSubnet");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INSUFFICIENT_CAPACITY);
                    assertThat(e.getMessage()).contains("subnet-full");
                });
        int freed = all.iterator().next();
        pool.release(freed);
        assertThat(pool.availableCount()).isEqualTo(1);
        assertThat(pool.allocate("subnet-x")).isEqualTo(freed);
        assertThat(pool.take(freed)).isFalse();
    }

    @Property(tries = 50)
    void sameSeedSameSequence(@ForAll @IntRange(min = 16, max = 28) int prefix, @ForAll long seed) {
        Cidr cidr = subnet(prefix, seed);
        SubnetIpPool a = new SubnetIpPool(cidr, new RandomStream(seed));
        SubnetIpPool b = new SubnetIpPool(cidr, new RandomStream(seed));
        int n = Math.min(50, a.usableCount());
        for (int i = 0; i < n; i++) {
            int x = a.allocate("s");
            assertThat(b.allocate("s")).isEqualTo(x);
            if (i % 7 == 3) {
                a.release(x);
                b.release(x);
            }
        }
    }

    @Property(tries = 50)
    void addressesAreScatteredNotAscending(@ForAll @IntRange(min = 16, max = 24) int prefix, @ForAll long seed) {
        Cidr cidr = subnet(prefix, seed);
        SubnetIpPool pool = new SubnetIpPool(cidr, new RandomStream(seed));
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            offsets.add(cidr.offsetOf(pool.allocate("s")));
        }
        List<Long> sorted = new ArrayList<>(offsets);
        sorted.sort(null);
        assertThat(offsets).isNotEqualTo(sorted);
        // not the lowest-first run 4, 5, 6, ... either, and spread beyond the first few dozen addresses
        assertThat(offsets).isNotEqualTo(java.util.stream.LongStream.range(4, 24).boxed().toList());
        assertThat(offsets.stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(40);
    }

    @Example
    void sizesOfTheCommonSubnets() {
        assertThat(new SubnetIpPool(Cidr.parse("10.0.0.0/24").orElseThrow(), new RandomStream(1)).availableCount()).isEqualTo(251);
        assertThat(new SubnetIpPool(Cidr.parse("10.0.0.0/28").orElseThrow(), new RandomStream(1)).availableCount()).isEqualTo(11);
        assertThat(new SubnetIpPool(Cidr.parse("10.0.0.0/16").orElseThrow(), new RandomStream(1)).availableCount()).isEqualTo(65531);
        assertThat(new SubnetIpPool(Cidr.parse("172.31.0.0/20").orElseThrow(), new RandomStream(1)).availableCount()).isEqualTo(4091);
    }

    @Example
    void reservedAddressesAreNeverTakenNorReleased() {
        Cidr c = Cidr.parse("10.0.0.0/28").orElseThrow();
        SubnetIpPool pool = new SubnetIpPool(c, new RandomStream(1));
        for (String r : new String[] {"10.0.0.0", "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.15"}) {
            int a = (int) Ipv4.parse(r);
            assertThat(pool.isReserved(a)).as(r).isTrue();
            assertThat(pool.take(a)).as(r).isFalse();
            assertThatThrownBy(() -> pool.release(a)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(pool.take((int) Ipv4.parse("10.0.0.16"))).isFalse();
        assertThat(pool.take((int) Ipv4.parse("10.0.0.4"))).isTrue();
        assertThat(pool.take((int) Ipv4.parse("10.0.0.14"))).isTrue();
        assertThatThrownBy(() -> pool.release((int) Ipv4.parse("10.0.0.5"))).isInstanceOf(IllegalStateException.class);
        assertThat(pool.availableCount()).isEqualTo(9);
    }

    @Example
    void poolsOutsideSixteenToTwentyEightAreRefused() {
        assertThatThrownBy(() -> new SubnetIpPool(Cidr.parse("10.0.0.0/29").orElseThrow(), new RandomStream(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubnetIpPool(Cidr.parse("10.0.0.0/15").orElseThrow(), new RandomStream(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
