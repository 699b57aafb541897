package dev.ecsnet.domain.net;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class Ipv6CidrTest {

    @ParameterizedTest
    @CsvSource({
            "2600:1f18:06a1:8b00:0000:0000:0000:0000, 2600:1f18:6a1:8b00::",
            "::, ::",
            "::1, ::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:0db8:0000:0001:0000:0000:0000:0001, 2001:db8:0:1::1",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "FE80::ABCD, fe80::abcd",
            "::ffff:10.0.0.1, ::ffff:a00:1",
            "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0"})
    void parsesAndWritesTheRfc5952Form(String text, String canonical) {
        assertThat(Ipv6Address.parse(text)).hasValueSatisfying(a -> assertThat(a).hasToString(canonical));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":::", "1::2::3", "12345::", "g::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1.2.3.4::", "::1.2.3", " ::1"})
    void refusesWhatIsNotAnAddress(String text) {
        assertThat(Ipv6Address.parse(text)).isEmpty();
    }

    @Test
    void cidrBlocksParseContainAndOverlap() {
        Ipv6Cidr vpc = Ipv6Cidr.parse("2600:1f18:6a1:8b00::/56").orElseThrow();
        Ipv6Cidr subnet = Ipv6Cidr.parse("2600:1f18:6a1:8b01::/64").orElseThrow();
        assertThat(vpc.contains(subnet)).isTrue();
        assertThat(subnet.contains(vpc)).isFalse();
        assertThat(vpc.overlaps(subnet)).isTrue();
        assertThat(subnet.overlaps(Ipv6Cidr.parse("2600:1f18:6a1:8b02::/64").orElseThrow())).isFalse();
        assertThat(subnet.contains(Ipv6Address.parse("2600:1f18:6a1:8b01:ffff::9").orElseThrow())).isTrue();
        assertThat(subnet.last()).hasToString("2600:1f18:6a1:8b01:ffff:ffff:ffff:ffff");
        assertThat(Ipv6Cidr.ANY.contains(vpc)).isTrue();
        assertThat(Ipv6Cidr.parse("::/0")).hasValue(Ipv6Cidr.ANY);
        assertThat(Ipv6Cidr.parse("2600:1f18:6a1:8b01::/56")).as("host bits set").isEmpty();
        assertThat(Ipv6Cidr.parse("2600::/129")).isEmpty();
        assertThat(Ipv6Cidr.parse("10.0.0.0/16")).isEmpty();
        assertThat(subnet.addressAt(4)).hasToString("2600:1f18:6a1:8b01::4");
    }

    @Property(tries = 500)
    void formatThenParseIsTheIdentity(@ForAll long high, @ForAll long low) {
        Ipv6Address a = new Ipv6Address(high, low);
        assertThat(Ipv6Address.parse(a.toString())).hasValue(a);
    }

    @Property(tries = 200)
    void plusCarriesIntoTheHighHalf(@ForAll long high, @ForAll long low, @ForAll long offset) {
        Ipv6Address sum = new Ipv6Address(high, low).plus(offset);
        assertThat(sum.low()).isEqualTo(low + offset);
        assertThat(sum.high()).isEqualTo(Long.compareUnsigned(low + offset, low) < 0 ? high + 1 : high);
    }
}
