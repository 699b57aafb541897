package dev.ecsnet.domain.net;

import java.util.Optional;

/** An IPv4 CIDR block with its host bits clear. */
public record Cidr(int network, int prefixLength) {

    public Cidr {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length " + prefixLength);
        }
        if ((network & mask(prefixLength)) != network) {
            throw new IllegalArgumentException("host bits set");
        }
    }

    /** Parses {@code a.b.c.d/n}; empty when the text is not a CIDR block or has host bits set. */
    public static Optional<Cidr> parse(String text) {
        return parse(text, false);
    }

    /**
     * Parses {@code a.b.c.d/n} into its canonical block, host bits cleared ({@code 100.68.0.18/18} is
     * {@code 100.68.0.0/18}), as EC2 does with a network ACL entry's CIDR; empty when the text is not a CIDR block.
     */
    public static Optional<Cidr> parseCanonical(String text) {
        return parse(text, true);
    }

    private static Optional<Cidr> parse(String text, boolean clearHostBits) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0 || slash == text.length() - 1) {
            return Optional.empty();
        }
        long ip = Ipv4.parse(text.substring(0, slash));
        String len = text.substring(slash + 1);
        if (ip < 0 || len.length() > 2 || len.isEmpty() || !len.chars().allMatch(Ipv4::isAsciiDigit)) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(len);
        if (prefix > 32 || !clearHostBits && ((int) ip & mask(prefix)) != (int) ip) {
            return Optional.empty();
        }
        return Optional.of(new Cidr((int) ip & mask(prefix), prefix));
    }

    static int mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    public long size() {
        return 1L << (32 - prefixLength);
    }

    public boolean contains(int address) {
        return (address & mask(prefixLength)) == network;
    }

    public boolean contains(Cidr other) {
        return other.prefixLength >= prefixLength && contains(other.network);
    }

    public boolean overlaps(Cidr other) {
        return contains(other.network) || other.contains(network);
    }

    public int addressAt(long offset) {
        return (int) (Integer.toUnsignedLong(network) + offset);
    }

    public long offsetOf(int address) {
        return Integer.toUnsignedLong(address) - Integer.toUnsignedLong(network);
    }

    public int broadcast() {
        return addressAt(size() - 1);
    }

    @Override
    public String toString() {
        return Ipv4.format(network) + "/" + prefixLength;
    }
}
