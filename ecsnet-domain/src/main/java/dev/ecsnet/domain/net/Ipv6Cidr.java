package dev.ecsnet.domain.net;

import java.util.Optional;

/** An IPv6 CIDR block with its host bits clear; {@link #toString()} is the RFC 5952 form EC2 answers with. */
public record Ipv6Cidr(Ipv6Address network, int prefixLength) {

    public static final Ipv6Cidr ANY = new Ipv6Cidr(new Ipv6Address(0, 0), 0);

    public Ipv6Cidr {
        if (prefixLength < 0 || prefixLength > 128) {
            throw new IllegalArgumentException("prefix length " + prefixLength);
        }
        if (!masked(network, prefixLength).equals(network)) {
            throw new IllegalArgumentException("host bits set: " + network + "/" + prefixLength);
        }
    }

    /** Parses {@code 2600:1f18:6a1:8b00::/56}; empty when the text is not an IPv6 CIDR block or has host bits set. */
    public static Optional<Ipv6Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String len = text.substring(slash + 1);
        if (len.isEmpty() || len.length() > 3 || !len.chars().allMatch(Ipv4::isAsciiDigit)) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(len);
        if (prefix > 128) {
            return Optional.empty();
        }
        return Ipv6Address.parse(text.substring(0, slash))
                .filter(a -> masked(a, prefix).equals(a))
                .map(a -> new Ipv6Cidr(a, prefix));
    }

    /** True when {@code text} parses as an IPv6 CIDR block. */
    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    private static long mask(int bits) {
        return bits <= 0 ? 0 : bits >= 64 ? -1L : -1L << (64 - bits);
    }

    static Ipv6Address masked(Ipv6Address a, int prefixLength) {
        return new Ipv6Address(a.high() & mask(prefixLength), a.low() & mask(prefixLength - 64));
    }

    public boolean contains(Ipv6Address address) {
        return masked(address, prefixLength).equals(network);
    }

    public boolean contains(Ipv6Cidr other) {
        return other.prefixLength >= prefixLength && contains(other.network);
    }

    public boolean overlaps(Ipv6Cidr other) {
        return contains(other.network) || other.contains(network);
    }

    /** The address {@code offset} past the network address (offsets reach the low 64 bits). */
    public Ipv6Address addressAt(long offset) {
        return network.plus(offset);
    }

    /** The last address of the block. */
    public Ipv6Address last() {
        return new Ipv6Address(network.high() | ~mask(prefixLength), network.low() | ~mask(prefixLength - 64));
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
}
