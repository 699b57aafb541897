package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.DomainException;

import java.util.Random;

/**
 * The one allocator of a subnet's private addresses. It never hands out the five addresses AWS reserves (the
 * network address, +1 router, +2 DNS, +3 future use, and the broadcast address), never one address twice, and
 * picks among the free ones at random from a seeded stream, as AWS's scattered choices look. Allocation, a chosen
 * address and release are O(1): a dense array of free offsets plus each offset's position in it, built lazily so a
 * /16 costs nothing until it is used.
 */
public final class SubnetIpPool {
    /** Offsets 0..3 and the last one are reserved. */
    public static final int RESERVED = 5;
    private static final int FIRST_USABLE = 4;

    private final Cidr cidr;
    private final Random random;
    private final int usable;
    private int[] free;
    private int[] position;
    private int freeCount;

    public SubnetIpPool(Cidr cidr, Random random) {
        if (cidr.prefixLength() > 28 || cidr.prefixLength() < 16) {
            throw new IllegalArgumentException("subnets are /16 to /28: " + cidr);
        }
        this.cidr = cidr;
        this.random = random;
        this.usable = (int) cidr.size() - RESERVED;
        this.freeCount = usable;
    }

    public int usableCount() {
        return usable;
    }

    public int availableCount() {
        return freeCount;
    }

    public boolean isReserved(int address) {
        long offset = cidr.offsetOf(address);
        return offset < FIRST_USABLE || offset == cidr.size() - 1;
    }

    /** Takes a free address; {@code InsufficientFreeAddressesInSubnet} when none is left. */
    public int allocate(String subnetId) {
        if (freeCount == 0) {
            throw DomainException.capacity("InsufficientFreeAddressesInSubnet",
                    "There are not enough free addresses in subnet '" + subnetId + "' to satisfy the requested number of instances.");
        }
        materialize();
        int index = random.nextInt(freeCount);
        int offset = free[index];
        removeAt(index);
        return cidr.addressAt(offset);
    }

    /** Takes one chosen address; false when it is reserved, outside the subnet, or already taken. */
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
        free[freeCount] = offset;
        position[offset] = freeCount;
        freeCount++;
    }

    private void removeAt(int index) {
        int offset = free[index];
        int last = free[freeCount - 1];
        free[index] = last;
        position[last] = index;
        position[offset] = -1;
        freeCount--;
    }

    private void materialize() {
        if (free != null) {
            return;
        }
        int size = (int) cidr.size();
        free = new int[usable];
        position = new int[size];
        java.util.Arrays.fill(position, -1);
        for (int i = 0; i < usable; i++) {
            free[i] = FIRST_USABLE + i;
            position[FIRST_USABLE + i] = i;
        }
    }
}
