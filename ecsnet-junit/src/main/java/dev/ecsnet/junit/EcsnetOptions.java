package dev.ecsnet.junit;

import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.protocol.AwsRegions;
import dev.ecsnet.protocol.SigningKeys;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an embedded ecsnet runs: built with {@link #builder()}, used by {@link Ecsnet#start(EcsnetOptions)} and
 * {@link EcsnetExtension}. The defaults suit tests: a manual clock starting at {@link #DEFAULT_CLOCK_START} that
 * moves only when the test says so, {@code FAST} lifecycle steps, egress not enforced, seed 42, us-east-1, a fresh
 * account per test method.
 */
public final class EcsnetOptions {
    /** Where the manual clock starts unless told otherwise. */
    public static final Instant DEFAULT_CLOCK_START = Instant.parse("2026-01-01T00:00:00Z");
    /** How much simulated time {@link Ecsnet#settle()} may pass before it fails. */
    public static final Duration DEFAULT_SETTLE_LIMIT = Duration.ofSeconds(10_000);

    private final TimingProfile timing;
    private final boolean manualClock;
    private final Optional<Instant> clockStart;
    private final EgressPolicy egress;
    private final long seed;
    private final String region;
    private final Lifecycle lifecycle;
    private final Optional<String> accountId;
    private final boolean resetBeforeEachTest;
    private final Optional<Path> stateFile;
    private final List<SigningKeys.AccessKey> signingKeys;
    private final Duration settleLimit;

    private EcsnetOptions(Builder b) {
        this.timing = b.timing;
        this.manualClock = b.manualClock;
        this.clockStart = b.clockStart;
        this.egress = b.egress;
        this.seed = b.seed;
        this.region = b.region;
        this.lifecycle = b.lifecycle;
        this.accountId = b.accountId;
        this.resetBeforeEachTest = b.resetBeforeEachTest;
        this.stateFile = b.stateFile;
        this.signingKeys = List.copyOf(b.signingKeys);
        this.settleLimit = b.settleLimit;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static EcsnetOptions defaults() {
        return builder().build();
    }

    public TimingProfile timing() {
        return timing;
    }

    /** True (the default) when time moves only through {@link Ecsnet#advance} and {@link Ecsnet#settle}. */
    public boolean manualClock() {
        return manualClock;
    }

    /** Where the manual clock starts; empty means the default (or the real time when signatures are verified). */
    public Optional<Instant> clockStart() {
        return clockStart;
    }

    public EgressPolicy egress() {
        return egress;
    }

    public long seed() {
        return seed;
    }

    public String region() {
        return region;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    /** The one account every test uses, when fixed; otherwise each test or class gets a fresh one. */
    public Optional<String> accountId() {
        return accountId;
    }

    public boolean resetBeforeEachTest() {
        return resetBeforeEachTest;
    }

    public Optional<Path> stateFile() {
        return stateFile;
    }

    public List<SigningKeys.AccessKey> signingKeys() {
        return signingKeys;
    }

    public Duration settleLimit() {
        return settleLimit;
    }

    public static final class Builder {
        private TimingProfile timing = TimingProfile.FAST;
        private boolean manualClock = true;
        private Optional<Instant> clockStart = Optional.empty();
        private EgressPolicy egress = EgressPolicy.IGNORE;
        private long seed = 42;
        private String region = "us-east-1";
        private Lifecycle lifecycle = Lifecycle.PER_METHOD;
        private Optional<String> accountId = Optional.empty();
        private boolean resetBeforeEachTest;
        private Optional<Path> stateFile = Optional.empty();
        private List<SigningKeys.AccessKey> signingKeys = List.of();
        private Duration settleLimit = DEFAULT_SETTLE_LIMIT;

        private Builder() {
        }

        /** How long each lifecycle step takes: {@code FAST} (default), {@code INSTANT} or {@code REALISTIC}. */
        public Builder timing(TimingProfile timing) {
            this.timing = Objects.requireNonNull(timing, "timing");
            return this;
        }

        /** A manual clock starting at {@code start} (the default clock, starting at {@link #DEFAULT_CLOCK_START}). */
        public Builder manualClock(Instant start) {
            this.manualClock = true;
            this.clockStart = Optional.of(Objects.requireNonNull(start, "start"));
            return this;
        }

        /**
         * The system clock, as {@code ecsnet serve} runs: lifecycle steps happen on their own in real time, and
         * {@link Ecsnet#advance} and {@link Ecsnet#settle} are refused. With {@code INSTANT} timing nothing waits.
         */
        public Builder systemClock() {
            this.manualClock = false;
            this.clockStart = Optional.empty();
            return this;
        }

        /** {@code IGNORE} (default): tasks start whatever the network. {@code ENFORCE}: AWS's egress rules apply. */
        public Builder egress(EgressPolicy egress) {
            this.egress = Objects.requireNonNull(egress, "egress");
            return this;
        }

        /** The seed ids, MAC addresses and address choices come from (default 42): same seed, same ids. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The region clients are configured for (default us-east-1); any real AWS region. */
        public Builder region(String region) {
            if (region == null || !AwsRegions.isKnown(region)) {
                throw new IllegalArgumentException("not an AWS region: '" + region + "'");
            }
            this.region = region;
            return this;
        }

        /** Whether each test method gets its own account ({@code PER_METHOD}, default) or the class shares one. */
        public Builder lifecycle(Lifecycle lifecycle) {
            this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
            return this;
        }

        /** Every test uses this 12-digit account (with itself as access key id) instead of a fresh one. */
        public Builder accountId(String accountId) {
            this.accountId = Optional.of(EcsnetAccount.of(accountId).accountId());
            return this;
        }

        /**
         * Empties the whole server (every account) before each test. Only for tests that run one at a time on a
         * fixed account; a fresh account per test isolates without it.
         */
        public Builder resetBeforeEachTest() {
            this.resetBeforeEachTest = true;
            return this;
        }

        /** A saved sandbox ({@code ecsnet state save FILE}) to start from. */
        public Builder stateFile(Path file) {
            this.stateFile = Optional.of(Objects.requireNonNull(file, "file"));
            return this;
        }

        /**
         * Verify every call's SigV4 signature against these keys (and the keys IAM makes). The accounts are then
         * the keys' own, so the first key is the one every test uses; the manual clock starts at the real time,
         * since clients sign with the real time.
         */
        public Builder verifySignatures(List<SigningKeys.AccessKey> keys) {
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("verifying signatures needs at least one key");
            }
            this.signingKeys = List.copyOf(keys);
            return this;
        }

        /** How much simulated time {@link Ecsnet#settle()} may pass before it fails (default 10,000 s). */
        public Builder settleLimit(Duration limit) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("the settle limit must be positive, not " + limit);
            }
            this.settleLimit = limit;
            return this;
        }

        public EcsnetOptions build() {
            return new EcsnetOptions(this);
        }
    }
}
