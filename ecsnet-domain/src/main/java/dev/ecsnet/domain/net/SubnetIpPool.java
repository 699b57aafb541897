package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.RandomStream;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The one allocator of a subnet's private addresses. It never hands out the five addresses AWS reserves (the
 * network address, +1 router, +2 DNS, +3 future use, and the broadcast address), never one address twice, never one
 * in a subnet CIDR reservation (those are taken only by name), and picks among the free ones at random from a seeded
 * stream, as AWS's scattered choices look. Allocation, a chosen address, release are O(1): a dense array of free
 * offsets, unreserved ones first, plus each offset's position in it, built lazily so a /16 costs nothing until used.
 */
public final class SubnetIpPool {
    /** Offsets 0..3 and the last one are reserved. */
    public static final int RESERVED = 5;
    private static final int FIRST_USABLE = 4;

    private final Cidr cidr;
    private final RandomStream random;
    private final int usable;
    /** free[0, assignable) are free and outside every reservation; free[assignable, freeCount) are free and reserved. */
    private int[] free;
    private int[] position;
    private BitSet inReservation;
    private int freeCount;
    private int assignable;

    public SubnetIpPool(Cidr cidr, RandomStream random) {
        if (cidr.prefixLength() > 28 || cidr.prefixLength() < 16) {
            throw new IllegalArgumentException("subnets are /16 to /28: " + cidr);
        }
        this.cidr = cidr;
        this.random = random;
        this.usable = (int) cidr.size() - RESERVED;
        this.freeCount = usable;
        this.assignable = usable;
    }

    public int usableCount() {
        return usable;
    }

    /** Free addresses, reserved ones included: AWS's {@code AvailableIpAddressCount} counts every unused address. */
    public int availableCount() {
        return freeCount;
    }

    /** Free addresses EC2 may pick by itself: outside every subnet CIDR reservation. */
    public int assignableCount() {
        return assignable;
    }

    public boolean isReserved(int address) {
        long offset = cidr.offsetOf(address);
        return offset < FIRST_USABLE || offset == cidr.size() - 1;
    }

    /** Takes a free address outside the reservations; {@code InsufficientFreeAddressesInSubnet} when none is left. */
    public int allocate(String subnetId) {
        if (assignable == 0) {
            throw DomainException.capacity("InsufficientFreeAddressesInSubnet",
                    "There are not enough free addresses in subnet '" + subnetId + "' to satisfy the requested number of instances.");
        }
        materialize();
        int index = random.nextInt(assignable);
        int offset = free[index];
        removeAt(index);
        return cidr.addressAt(offset);
    }

    /** Takes one chosen address (a reserved range's too); false when it is AWS's, outside the subnet, or taken. */
    public boolean take(int address) {
        if (!cidr.contains(address) || isReserved(address)) {
            return false;
        }
        materialize();
        int offset = (int) cidr.offsetOf(address);
        int index = position[offset];
        if (index < 0) {
            return false;
        }
        removeAt(index);
        return true;
    }

    public boolean isFree(int address) {
        if (!cidr.contains(address) || isReserved(address)) {
            return false;
        }
        return free == null || position[(int) cidr.offsetOf(address)] >= 0;
    }

    /** Gives an address back; releasing a free or foreign address is a programming error. */
    public void release(int address) {
        if (!cidr.contains(address) || isReserved(address)) {
            throw new IllegalArgumentException("not an address of " + cidr + ": " + Ipv4.format(address));
        }
        materialize();
        int offset = (int) cidr.offsetOf(address);
        if (position[offset] >= 0) {
            throw new IllegalStateException("address is already free: " + Ipv4.format(address));
        }
        place(offset, freeCount);
        freeCount++;
        if (!inReservation.get(offset)) {
            swap(freeCount - 1, assignable);
            assignable++;
        }
    }

    /** A subnet CIDR reservation: its free addresses stop being picked; taken ones stay where they are. */
    public void reserve(Cidr range) {
        materialize();
        forEachUsableOffset(range, offset -> {
            inReservation.set(offset);
            int index = position[offset];
            if (index >= 0 && index < assignable) {
                swap(index, assignable - 1);
                assignable--;
            }
        });
    }

    /** The reservation is gone: its free addresses can be picked again. */
    public void unreserve(Cidr range) {
        materialize();
        forEachUsableOffset(range, offset -> {
            inReservation.clear(offset);
            int index = position[offset];
            if (index >= assignable) {
                swap(index, assignable);
                assignable++;
            }
        });
    }

    private void forEachUsableOffset(Cidr range, java.util.function.IntConsumer action) {
        long first = Math.max(FIRST_USABLE, cidr.offsetOf(range.network()));
        long last = Math.min(cidr.size() - 2, cidr.offsetOf(range.broadcast()));
        for (long offset = first; offset <= last; offset++) {
            action.accept((int) offset);
        }
    }

    /**
     * The pool as it stands, for a snapshot: the order of the free offsets is what the next random picks index into,
     * so it is kept, as the slots that moved away from their initial offset (a scan of the free part, no sorting).
     */
    NetworkRecord.Ipv4PoolRecord record() {
        List<Integer> slots = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        if (free != null) {
            for (int i = 0; i < freeCount; i++) {
                if (free[i] != FIRST_USABLE + i) {
                    slots.add(i);
                    offsets.add(free[i]);
                }
            }
        }
        return new NetworkRecord.Ipv4PoolRecord(random.state(), freeCount, assignable, slots, offsets);
    }

    /** The pool a {@link #record()} describes; {@code reservations} are the subnet's IPv4 CIDR reservations. */
    static SubnetIpPool restored(Cidr cidr, NetworkRecord.Ipv4PoolRecord r, List<Cidr> reservations) {
        SubnetIpPool pool = new SubnetIpPool(cidr, RandomStream.resumed(r.randomState()));
        if (r.freeCount() == pool.usable && r.assignableCount() == pool.usable && r.movedSlots().isEmpty() && reservations.isEmpty()) {
            return pool;
        }
        if (r.freeCount() < 0 || r.freeCount() > pool.usable || r.assignableCount() < 0 || r.assignableCount() > r.freeCount()
                || r.movedSlots().size() != r.movedOffsets().size()) {
            throw new IllegalArgumentException("not a pool of " + cidr + ": " + r);
        }
        pool.materialize();
        for (int i = 0; i < r.movedSlots().size(); i++) {
            pool.free[r.movedSlots().get(i)] = r.movedOffsets().get(i);
        }
        java.util.Arrays.fill(pool.position, -1);
        for (int i = 0; i < r.freeCount(); i++) {
            if (pool.position[pool.free[i]] >= 0) {
                throw new IllegalArgumentException("offset " + pool.free[i] + " free twice in the pool of " + cidr);
            }
            pool.position[pool.free[i]] = i;
        }
        pool.freeCount = r.freeCount();
        pool.assignable = r.assignableCount();
        reservations.forEach(range -> pool.forEachUsableOffset(range, pool.inReservation::set));
        return pool;
    }

    /** Removes the free offset at {@code index}, keeping both parts of the array dense. */
    private void removeAt(int index) {
        int offset = free[index];
        int hole = index;
        if (hole < assignable) {
            swap(hole, assignable - 1);
            hole = assignable - 1;
            assignable--;
        }
        swap(hole, freeCount - 1);
        freeCount--;
        position[offset] = -1;
    }

    private void swap(int i, int j) {
        if (i == j) {
            return;
        }
        int a = free[i];
        int b = free[j];
        place(b, i);
        place(a, j);
    }

    private void place(int offset, int index) {
        free[index] = offset;
        position[offset] = index;
    }

    private void materialize() {
        if (free != null) {
            return;
        }
        int size = (int) cidr.size();
        free = new int[usable];
        position = new int[size];
        inReservation = new BitSet(size);
        java.util.Arrays.fill(position, -1);
        for (int i = 0; i < usable; i++) {
            place(FIRST_USABLE + i, i);
        }
    }
}
