package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VpcCidrsTest {
    private final Network net = new Network("000000000000", "us-east-1", new IdSource(5), () -> Instant.parse("2026-01-01T00:00:00Z"));

    /** AWS's table of IPv4 CIDR block association restrictions, by the range the primary block is in. */
    @ParameterizedTest(name = "{0} + {1} restricted: {2}")
    @CsvSource({
            "10.0.0.0/16, 10.1.0.0/16, false",
            "10.2.0.0/16, 172.16.0.0/16, true",
            "10.2.0.0/16, 192.168.0.0/16, true",
            "10.2.0.0/16, 100.64.0.0/16, false",
            "10.2.0.0/16, 198.19.0.0/16, true",
            "10.2.0.0/16, 52.0.0.0/16, false",
            "10.1.0.0/16, 10.0.5.0/24, true",
            "10.2.0.0/16, 10.0.5.0/24, false",
            "172.16.0.0/16, 172.20.0.0/16, false",
            "172.16.0.0/16, 172.31.4.0/24, true",
            "172.16.0.0/16, 10.0.0.0/16, true",
            "192.168.0.0/20, 192.168.16.0/20, false",
            "192.168.0.0/20, 10.0.0.0/16, true",
            "198.19.0.0/16, 10.0.0.0/16, true",
            "198.19.0.0/16, 100.64.0.0/16, false",
            "52.1.0.0/16, 10.0.0.0/16, true",
            "52.1.0.0/16, 100.64.0.0/16, false",
            "100.64.0.0/16, 100.65.0.0/16, false"})
    void theRangeTable(String primary, String candidate, boolean restricted) {
        assertThat(VpcCidrs.restricted(Cidr.parse(primary).orElseThrow(), Cidr.parse(candidate).orElseThrow())).isEqualTo(restricted);
    }

    @Test
    void amazonProvidedBlocksAreSlash56sOfTheRegionsRangeAndNeverTwice() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            Vpc v = net.createVpc("10." + i + ".0.0/16", null, true, null, Map.of());
            VpcIpv6CidrBlock b = v.ipv6CidrBlocks().get(0);
            assertThat(b.cidr().prefixLength()).isEqualTo(56);
            assertThat(b.block()).startsWith("2600:1f18:");
            assertThat(b.state()).isEqualTo(CidrBlockState.ASSOCIATED);
            assertThat(b.networkBorderGroup()).isEqualTo("us-east-1");
            assertThat(seen.add(b.block())).isTrue();
        }
    }

    @Test
    void aSecondaryBlockTakesSubnetsAndRoutesLocallyAndGoesWhenEmpty() {
        Vpc v = net.createVpc("10.0.0.0/16", null, Map.of());
        VpcCidrBlock b = net.cidrs().associateIpv4(v.id(), "100.64.0.0/16");
        assertThat(v.associatedCidrs()).extracting(Cidr::toString).containsExactly("10.0.0.0/16", "100.64.0.0/16");
        assertThat(net.routeTables().main(v.id()).routes()).extracting(Route::destination).contains("100.64.0.0/16");
        Subnet s = net.createSubnet(v.id(), "100.64.3.0/24", "us-east-1a", null, Map.of());
        assertThatThrownBy(() -> net.cidrs().disassociate(b.associationId())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("InvalidCidrBlock.InUse"));
        net.deleteSubnet(s.id());
        net.cidrs().disassociate(b.associationId());
        assertThat(net.routeTables().main(v.id()).routes()).extracting(Route::destination).doesNotContain("100.64.0.0/16");
        assertThatThrownBy(() -> net.createSubnet(v.id(), "100.64.3.0/24", "us-east-1a", null, Map.of()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("InvalidSubnet.Range"));
    }

    @Test
    void theSuggestedSecondaryBlockIsOneAssociateWouldTake() {
        Vpc v = net.createVpc("10.0.0.0/16", null, Map.of());
        assertThat(net.cidrs().suggestSecondaryCidr(v)).hasValueSatisfying(c -> assertThat(c).hasToString("100.64.0.0/16"));
        net.cidrs().associateIpv4(v.id(), "100.64.0.0/16");
        Cidr next = net.cidrs().suggestSecondaryCidr(v).orElseThrow();
        assertThat(next).hasToString("100.65.0.0/16");
        for (String c : new String[] {"10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16"}) {
            net.cidrs().associateIpv4(v.id(), c);
        }
        assertThat(net.cidrs().suggestSecondaryCidr(v)).as("at the quota of 5").isEmpty();
        Vpc benchmark = net.createVpc("198.19.0.0/16", null, Map.of());
        assertThat(net.cidrs().suggestSecondaryCidr(benchmark)).hasValueSatisfying(c -> assertThat(c).hasToString("100.64.0.0/16"));
    }
}
