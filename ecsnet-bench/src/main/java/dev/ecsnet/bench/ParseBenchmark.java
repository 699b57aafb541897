package dev.ecsnet.bench;

import dev.ecsnet.domain.net.Cidr;
import dev.ecsnet.domain.net.Ipv4;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * {@link Ipv4#parse} and {@link Cidr#parse} over small, fixed mixes of inputs, cycled so the JIT cannot fold a
 * constant string. Scores are per parsed string (each benchmark parses every input of its array and is annotated
 * with {@code @OperationsPerInvocation}).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ParseBenchmark {
    static final int N = 8;

    public String[] validIps = {"10.0.0.1", "10.0.255.254", "192.168.1.10", "172.31.16.200",
            "0.0.0.0", "255.255.255.255", "100.64.3.7", "10.1.2.3"};
    public String[] invalidIps = {"10.0.0", "10.0.0.256", "10.0.0.01", "a.b.c.d",
            "10..0.1", "10.0.0.1.2", "", "1000.0.0.1"};
    public String[] validCidrs = {"10.0.0.0/16", "10.0.1.0/24", "192.168.0.0/16", "172.31.16.0/20",
            "10.0.0.16/28", "0.0.0.0/0", "100.64.0.0/10", "10.1.2.3/32"};
    public String[] invalidCidrs = {"10.0.0.1/16", "10.0.0.0/33", "10.0.0.0", "10.0.0.0/",
            "10.0.0.0/1a", "300.0.0.0/8", "10.0.0.0/016", "cidr"};

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(N)
    public void ipv4Valid(Blackhole bh) {
        for (String s : validIps) {
            bh.consume(Ipv4.parse(s));
        }
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(N)
    public void ipv4Invalid(Blackhole bh) {
        for (String s : invalidIps) {
            bh.consume(Ipv4.parse(s));
        }
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(N)
    public void cidrValid(Blackhole bh) {
        for (String s : validCidrs) {
            bh.consume(Cidr.parse(s));
        }
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(N)
    public void cidrInvalid(Blackhole bh) {
        for (String s : invalidCidrs) {
            bh.consume(Cidr.parse(s));
        }
    }
}
