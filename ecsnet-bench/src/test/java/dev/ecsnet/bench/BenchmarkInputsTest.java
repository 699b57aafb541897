package dev.ecsnet.bench;

import dev.ecsnet.domain.net.Cidr;
import dev.ecsnet.domain.net.Ipv4;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark input mixes are what their names say, so a score measures the path it claims to. */
class BenchmarkInputsTest {
    private final ParseBenchmark b = new ParseBenchmark();

    @Test
    void inputMixesAreLabelledCorrectly() {
        assertThat(b.validIps).hasSize(ParseBenchmark.N).allSatisfy(s -> assertThat(Ipv4.parse(s)).isNotNegative());
        assertThat(b.invalidIps).hasSize(ParseBenchmark.N).allSatisfy(s -> assertThat(Ipv4.parse(s)).isEqualTo(-1L));
        assertThat(b.validCidrs).hasSize(ParseBenchmark.N).allSatisfy(s -> assertThat(Cidr.parse(s)).isPresent());
        assertThat(b.invalidCidrs).hasSize(ParseBenchmark.N).allSatisfy(s -> assertThat(Cidr.parse(s)).isEmpty());
    }

    @Test
    void steadyStateKeepsOccupancyConstant() {
        SubnetIpPoolBenchmark bench = new SubnetIpPoolBenchmark();
        SubnetIpPoolBenchmark.Steady s = new SubnetIpPoolBenchmark.Steady();
        s.prefix = 24;
        s.fill();
        int before = s.pool.availableCount();
        for (int i = 0; i < 1000; i++) {
            bench.steadyAllocateRelease(s);
        }
        assertThat(s.pool.availableCount()).isEqualTo(before);
    }
}
