package dev.ecsnet.domain.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CidrTest {

    private static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow();
    }

    private static int ip(String text) {
        long v = Ipv4.parse(text);
        assertThat(v).as(text).isNotNegative();
        return (int) v;
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/16", "0.0.0.0/0", "255.255.255.255/32", "172.31.0.0/20", "192.168.1.16/28", "128.0.0.0/1"})
    void parsesAndPrintsBack(String text) {
        assertThat(cidr(text).toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.0", "10.0.0.0/", "/16", "10.0.0/16", "10.0.0.0.0/16", "10.0.0.256/32", "10.0.0.0/33",
            "10.0.0.0/-1", "10.0.0.0/+8", "10.0.0.0/016", "10.0.0.0/1 6", " 10.0.0.0/16", "10.0.0.0/16 ", "10.0.0.1/16",
            "10.0.0.0/16/16", "010.0.0.0/8", "a.b.c.d/8", "10.0.0.0/ 8", "10.-1.0.0/16", "::/0", "foo",
            "\u0661\u0660.0.0.0/8", "10.0.0.0/\u0661\u0666"})
    void refusesWhatIsNotACanonicalCidr(String text) {
        assertThat(Cidr.parse(text)).as(text).isEmpty();
    }

    @Test
    void nullIsNotACidr() {
        assertThat(Cidr.parse(null)).isEmpty();
        assertThat(Ipv4.parse(null)).isEqualTo(-1L);
    }

    @Test
    void constructorRefusesHostBitsAndBadPrefixes() {
        assertThatThrownBy(() -> new Cidr(ip("10.0.0.1"), 24)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cidr(0, 33)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cidr(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void highAddressesAreUnsigned() {
        Cidr c = cidr("255.255.255.0/24");
        assertThat(c.contains(ip("255.255.255.255"))).isTrue();
        assertThat(c.contains(ip("255.255.254.255"))).isFalse();
        assertThat(Ipv4.format(c.broadcast())).isEqualTo("255.255.255.255");
        assertThat(c.offsetOf(ip("255.255.255.255"))).isEqualTo(255L);
        assertThat(Ipv4.format(cidr("128.0.0.0/1").addressAt(5))).isEqualTo("128.0.0.5");
    }

    @Test
    void sizesAndBoundaries() {
        assertThat(cidr("0.0.0.0/0").size()).isEqualTo(1L << 32);
        assertThat(cidr("10.0.0.0/16").size()).isEqualTo(65536);
        assertThat(cidr("10.0.0.0/28").size()).isEqualTo(16);
        assertThat(cidr("10.0.0.7/32").size()).isEqualTo(1);
        Cidr c = cidr("10.0.1.0/24");
        assertThat(c.contains(ip("10.0.1.0"))).isTrue();
        assertThat(c.contains(ip("10.0.1.255"))).isTrue();
        assertThat(c.contains(ip("10.0.0.255"))).isFalse();
        assertThat(c.contains(ip("10.0.2.0"))).isFalse();
        assertThat(Ipv4.format(c.broadcast())).isEqualTo("10.0.1.255");
        assertThat(cidr("0.0.0.0/0").contains(ip("203.0.113.9"))).isTrue();
    }

    @Test
    void containsACidrOnlyWhenNarrowerOrEqualAndInside() {
        Cidr vpc = cidr("10.0.0.0/16");
        assertThat(vpc.contains(vpc)).isTrue();
        assertThat(vpc.contains(cidr("10.0.255.240/28"))).isTrue();
        assertThat(vpc.contains(cidr("10.0.0.0/15"))).isFalse();
        assertThat(vpc.contains(cidr("10.1.0.0/24"))).isFalse();
        assertThat(vpc.contains(cidr("0.0.0.0/0"))).isFalse();
        assertThat(cidr("0.0.0.0/0").contains(vpc)).isTrue();
    }

    @Test
    void overlapsIsSymmetricAndCoversNestingAndTouching() {
        Cidr a = cidr("10.0.0.0/24");
        assertThat(a.overlaps(cidr("10.0.0.128/25"))).isTrue();
        assertThat(cidr("10.0.0.128/25").overlaps(a)).isTrue();
        assertThat(a.overlaps(cidr("10.0.0.0/16"))).isTrue();
        assertThat(a.overlaps(a)).isTrue();
        assertThat(a.overlaps(cidr("10.0.1.0/24"))).isFalse();
        assertThat(cidr("10.0.1.0/24").overlaps(a)).isFalse();
        assertThat(cidr("10.0.0.240/28").overlaps(cidr("10.0.1.0/28"))).isFalse();
        assertThat(cidr("0.0.0.0/0").overlaps(cidr("255.255.255.255/32"))).isTrue();
    }

    @Test
    void ipv4RefusesLeadingZerosAndOtherScriptsDigits() {
        assertThat(Ipv4.parse("10.0.0.01")).isEqualTo(-1L);
        assertThat(Ipv4.parse("10.0.0.0")).isEqualTo(ip("10.0.0.0"));
        assertThat(Ipv4.parse("1.2.3.\u0664")).isEqualTo(-1L);
        assertThat(Ipv4.parse("1.2.3")).isEqualTo(-1L);
        assertThat(Ipv4.parse("1.2.3.4.")).isEqualTo(-1L);
        assertThat(Ipv4.parse("1.2.3.1000")).isEqualTo(-1L);
    }

    @Test
    void privateDnsNamesFollowTheRegion() {
        assertThat(Ipv4.privateDnsName(ip("10.0.1.15"), "us-east-1")).isEqualTo("ip-10-0-1-15.ec2.internal");
        assertThat(Ipv4.privateDnsName(ip("10.0.1.15"), "eu-west-1")).isEqualTo("ip-10-0-1-15.eu-west-1.compute.internal");
    }
}
