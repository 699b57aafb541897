package dev.ecsnet.domain.net;

/** IPv4 addresses as unsigned 32-bit values held in an {@code int}. */
public final class Ipv4 {
    private Ipv4() {
    }

    /** Parses a dotted quad; returns -1L when it is not one. */
    public static long parse(String text) {
        if (text == null) {
            return -1L;
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return -1L;
        }
        long value = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Ipv4::isAsciiDigit)) {
                return -1L;
            }
            int octet = Integer.parseInt(p);
            if (octet > 255 || (p.length() > 1 && p.charAt(0) == '0')) {
                return -1L;
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    /** Only 0-9: {@link Character#isDigit} also accepts other scripts' digits, which {@code parseInt} would read. */
    static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    public static String format(int address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }

    /** EC2's private DNS name for an address: {@code ip-10-0-1-15.ec2.internal} in us-east-1. */
    public static String privateDnsName(int address, String region) {
        String host = "ip-" + format(address).replace('.', '-');
        return "us-east-1".equals(region) ? host + ".ec2.internal" : host + "." + region + ".compute.internal";
    }
}
