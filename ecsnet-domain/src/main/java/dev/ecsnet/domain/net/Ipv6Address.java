package dev.ecsnet.domain.net;

import java.util.Optional;

/**
 * An IPv6 address as two unsigned 64-bit halves. {@link #toString()} is the RFC 5952 text (lower case, no leading
 * zeros, the longest run of zero groups shortened to {@code ::}), which is how EC2 and Terraform's
 * {@code cidrsubnet} write addresses, so values read back unchanged.
 */
public record Ipv6Address(long high, long low) implements Comparable<Ipv6Address> {

    /** Parses {@code 2600:1f18::1}, the full eight-group form, and an IPv4 tail ({@code ::ffff:10.0.0.1}). */
    public static Optional<Ipv6Address> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        int[] groups = new int[8];
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return Optional.empty();
        }
        String head = doubleColon >= 0 ? text.substring(0, doubleColon) : text;
        String tail = doubleColon >= 0 ? text.substring(doubleColon + 2) : "";
        if (doubleColon >= 0 && head.contains(".")) {
            return Optional.empty();
        }
        int[] first = groups(head);
        int[] last = groups(tail);
        if (first == null || last == null) {
            return Optional.empty();
        }
        int count = first.length + last.length;
        if (doubleColon < 0 ? count != 8 : count > 7) {
            return Optional.empty();
        }
        System.arraycopy(first, 0, groups, 0, first.length);
        System.arraycopy(last, 0, groups, 8 - last.length, last.length);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | groups[i];
            low = (low << 16) | groups[i + 4];
        }
        return Optional.of(new Ipv6Address(high, low));
    }

    /** The 16-bit groups of a colon-separated part (an IPv4 tail counts as two); null when malformed. */
    private static int[] groups(String part) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] items = part.split(":", -1);
        boolean v4Tail = items[items.length - 1].contains(".");
        int[] out = new int[items.length + (v4Tail ? 1 : 0)];
        for (int i = 0; i < items.length; i++) {
            String item = items[i];
            if (v4Tail && i == items.length - 1) {
                long v4 = Ipv4.parse(item);
                if (v4 < 0) {
                    return null;
                }
                out[i] = (int) (v4 >>> 16);
                out[i + 1] = (int) (v4 & 0xffff);
            } else {
                if (item.isEmpty() || item.length() > 4 || !item.chars().allMatch(Ipv6Address::isHexDigit)) {
                    return null;
                }
                out[i] = Integer.parseInt(item, 16);
            }
        }
        return out;
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** The 16-bit group {@code i} (0 is the leftmost). */
    int group(int i) {
        long half = i < 4 ? high : low;
        return (int) ((half >>> (16 * (3 - (i % 4)))) & 0xffff);
    }

    /** This address plus {@code offset} (unsigned, carried into the high half). */
    public Ipv6Address plus(long offset) {
        long sum = low + offset;
        long carry = Long.compareUnsigned(sum, low) < 0 ? 1 : 0;
        return new Ipv6Address(high + carry, sum);
    }

    @Override
    public int compareTo(Ipv6Address other) {
        int c = Long.compareUnsigned(high, other.high);
        return c != 0 ? c : Long.compareUnsigned(low, other.low);
    }

    @Override
    public String toString() {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (group(i) != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && group(j) == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder b = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLength - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(group(i)));
        }
        return b.toString();
    }
}
