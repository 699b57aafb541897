package dev.ecsnet.domain.net;

/** IPv4 addresses as unsigned 32-bit values held in an {@code int}. */
public final class Ipv4 {
    private Ipv4() {
    }

    /** Parses a dotted quad; returns -1L when it is not one (no leading zeros, octets up to 255, ASCII digits only). */
    public static long parse(String text) {
        if (text == null || text.length() < 7 || text.length() > 15) {
            return -1L;
        }
        long value = 0;
        int octets = 0;
        int i = 0;
        int n = text.length();
        while (i <= n) {
            int start = i;
            int octet = 0;
            while (i < n && isAsciiDigit(text.charAt(i))) {
                octet = octet * 10 + (text.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || octet > 255 || (digits > 1 && text.charAt(start) == '0')) {
                return -1L;
            }
            value = (value << 8) | octet;
            octets++;
            if (i == n) {
                return octets == 4 ? value : -1L;
            }
            if (text.charAt(i) != '.' || octets == 4) {
                return -1L;
            }
            i++;
        }
        return -1L;
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
