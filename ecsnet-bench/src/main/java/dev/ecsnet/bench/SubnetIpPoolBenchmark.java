package dev.ecsnet.bench;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.RandomStream;
import dev.ecsnet.domain.net.Cidr;
import dev.ecsnet.domain.net.SubnetIpPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * {@link SubnetIpPool}: the O(1) allocator behind every ENI's private address.
 *
 * <ul>
 *   <li>{@code steadyAllocateRelease}: a pool held half full; each operation allocates one address and releases the
 *       oldest one still held (a FIFO ring), so occupancy and the random-access pattern stay constant.</li>
 *   <li>{@code coldFirstAllocation}: a brand-new pool and its first allocation, i.e. the lazy materialisation of the
 *       free/position arrays (a /16 builds two 64 Ki int arrays).</li>
 *   <li>{@code allocateToExhaustion}: a new /16 (or /24) pool allocated until it is empty.</li>
 *   <li>{@code allocateWhenExhausted}: the failing path (InsufficientFreeAddressesInSubnet) on an empty pool.</li>
 * </ul>
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SubnetIpPoolBenchmark {

    static Cidr cidrOf(int prefix) {
        return Cidr.parse(prefix == 16 ? "10.0.0.0/16" : "10.0.1.0/" + prefix).orElseThrow();
    }

    /** A pool at 50 % occupancy with a ring of the addresses it holds, oldest first. */
    @State(Scope.Thread)
    public static class Steady {
        @Param({"16", "24"})
        public int prefix;

        SubnetIpPool pool;
        int[] held;
        int next;

        @Setup(Level.Iteration)
        public void fill() {
            pool = new SubnetIpPool(cidrOf(prefix), new RandomStream(42));
            held = new int[pool.usableCount() / 2];
            for (int i = 0; i < held.length; i++) {
                held[i] = pool.allocate("subnet-bench");
            }
            next = 0;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int steadyAllocateRelease(Steady s) {
        int fresh = s.pool.allocate("subnet-bench");
        int i = s.next;
        s.pool.release(s.held[i]);
        s.held[i] = fresh;
        s.next = i + 1 == s.held.length ? 0 : i + 1;
        return fresh;
    }

    @State(Scope.Thread)
    public static class Cold {
        @Param({"16", "24"})
        public int prefix;

        Cidr cidr;
        RandomStream random;

        @Setup(Level.Trial)
        public void setup() {
            cidr = cidrOf(prefix);
            random = new RandomStream(42);
        }
    }

    /** Construction is a handful of field stores; nearly all of this is the first call's lazy materialisation. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int coldFirstAllocation(Cold c) {
        return new SubnetIpPool(c.cidr, c.random).allocate("subnet-bench");
    }

    /** Time to drain a whole pool, one allocate per usable address (65 531 for a /16, 251 for a /24). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int allocateToExhaustion(Cold c, Blackhole bh) {
        SubnetIpPool pool = new SubnetIpPool(c.cidr, c.random);
        int n = pool.usableCount();
        for (int i = 0; i < n; i++) {
            bh.consume(pool.allocate("subnet-bench"));
        }
        return pool.availableCount();
    }

    @State(Scope.Thread)
    public static class Empty {
        SubnetIpPool pool;

        @Setup(Level.Trial)
        public void drain() {
            pool = new SubnetIpPool(cidrOf(28), new RandomStream(42));
            while (pool.availableCount() > 0) {
                pool.allocate("subnet-bench");
            }
        }
    }

    /** What a RunTask pays per task once its subnet is full (the exception has no stack trace). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Object allocateWhenExhausted(Empty e) {
        try {
            return e.pool.allocate("subnet-bench");
        } catch (DomainException ex) {
            return ex;
        }
    }
}
