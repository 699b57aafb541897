package dev.ecsnet.junit;

import dev.ecsnet.app.server.EcsnetServer;
import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.engine.CommandRecord;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.engine.ManualClock;
import dev.ecsnet.engine.Timer;
import dev.ecsnet.engine.store.StateDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * ecsnet embedded in the current JVM, listening on a free port of 127.0.0.1, for tests with or without JUnit:
 * <pre>{@code
 * try (Ecsnet ecsnet = Ecsnet.start(EcsnetOptions.defaults())) {
 *     Ec2Client ec2 = Ec2Client.builder().endpointOverride(ecsnet.endpoint()).region(Region.of(ecsnet.region()))
 *             .credentialsProvider(StaticCredentialsProvider.create(
 *                     AwsBasicCredentials.create(ecsnet.accessKeyId(), ecsnet.secretAccessKey()))).build();
 *     ...
 *     ecsnet.settle();
 * }
 * }</pre>
 * Every account on it shares one clock: {@link #advance} and {@link #settle} move time for all of them.
 */
public final class Ecsnet implements AutoCloseable {
    /** The first account {@link #newAccount()} hands out; the next ones count up from it. */
    static final long FIRST_FRESH_ACCOUNT = 100_000_000_001L;
    private static final String DEFAULT_ACCOUNT = "000000000000";
    private static final Duration SETTLE_STEP = Duration.ofSeconds(1);
    private static final int NAMED_STEPS = 10;

    private final EcsnetOptions options;
    private final EcsnetServer server;
    private final Clock clock;
    private final EcsnetAccount defaultAccount;
    private final AtomicLong nextAccount = new AtomicLong(FIRST_FRESH_ACCOUNT);

    private Ecsnet(EcsnetOptions options, EcsnetServer server, Clock clock) {
        this.options = options;
        this.server = server;
        this.clock = clock;
        this.defaultAccount = options.signingKeys().stream().findFirst()
                .map(k -> new EcsnetAccount(k.accountId(), k.accessKeyId(), k.secretAccessKey()))
                .orElseGet(() -> EcsnetAccount.of(options.accountId().orElse(DEFAULT_ACCOUNT)));
    }

    /** Starts a server with the default options. */
    public static Ecsnet start() {
        return start(EcsnetOptions.defaults());
    }

    /** Starts a server; it listens when this returns. */
    public static Ecsnet start(EcsnetOptions options) {
        Clock clock = options.manualClock()
                ? new ManualClock(options.clockStart().orElseGet(() -> options.signingKeys().isEmpty()
                        ? EcsnetOptions.DEFAULT_CLOCK_START
                        : Instant.now().truncatedTo(ChronoUnit.SECONDS)))
                : Instant::now;
        EcsnetServer.Settings settings = EcsnetServer.Settings.of("127.0.0.1", 0);
        if (!options.signingKeys().isEmpty()) {
            settings = settings.verifyingSignatures(options.signingKeys());
        }
        Engine engine = new Engine(clock, options.seed(), options.timing(), options.egress());
        EcsnetServer server = new EcsnetServer(engine, settings);
        options.stateFile().ifPresent(file -> readStateFile(file).loadInto(engine, server.replayer()));
        return new Ecsnet(options, server.start(), clock);
    }

    /** A sandbox saved by {@code ecsnet state save} (or {@link #saveState}); refused clearly when it is not one. */
    private static StateDocument.Contents readStateFile(Path file) {
        try {
            return StateDocument.read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("stateFile(" + file + "): " + e.getMessage(), e);
        }
    }

    /** Writes this server's whole state as a state document, the file {@code ecsnet state save} writes. */
    public void saveState(Path file) {
        try {
            Files.write(file, StateDocument.write(server.engine().snapshot()));
        } catch (IOException e) {
            throw new UncheckedIOException("saveState(" + file + "): " + e.getMessage(), e);
        }
    }

    public EcsnetOptions options() {
        return options;
    }

    /** Where every AWS service and the admin API answer, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public int port() {
        return server.port();
    }

    /** The region clients should be configured for. */
    public String region() {
        return options.region();
    }

    /**
     * The account of {@link #accessKeyId()}: the fixed account of the options, the first signing key's, or
     * {@code 000000000000}, which is also the account of any access key id that is not 12 digits.
     */
    public EcsnetAccount defaultAccount() {
        return defaultAccount;
    }

    public String accessKeyId() {
        return defaultAccount.accessKeyId();
    }

    public String secretAccessKey() {
        return defaultAccount.secretAccessKey();
    }

    /**
     * An account this server has not seen yet, so it has only the defaults (a default VPC in each region). Each
     * call gives another one; they are never {@code 000000000000}.
     */
    public EcsnetAccount newAccount() {
        if (!options.signingKeys().isEmpty()) {
            throw new IllegalStateException("this server verifies signatures, so its accounts are those of its keys;"
                    + " fresh accounts need a server that routes by the access key id (no verifySignatures)");
        }
        long id = nextAccount.getAndIncrement();
        if (id > 999_999_999_999L) {
            throw new IllegalStateException("no 12-digit account ids left");
        }
        return EcsnetAccount.of(String.format("%012d", id));
    }

    /** The emulated time. */
    public Instant now() {
        return clock.now();
    }

    /** Moves the manual clock forward, running every lifecycle step that falls due on the way, in order. */
    public void advance(Duration d) {
        requireManualClock("advance");
        if (d.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward, not by " + d);
        }
        server.engine().advance(d);
    }

    /** Advances the manual clock until no lifecycle step is pending, for at most the options' settle limit. */
    public void settle() {
        settle(options.settleLimit());
    }

    /**
     * Advances the manual clock one second at a time until no lifecycle step of any account is pending. Fails with
     * an {@link IllegalStateException} naming what is left if that takes more than {@code limit} of simulated time:
     * something re-arms itself for ever (an ECS service behind a load balancer watches its targets, a scheduled
     * scaling action waits for its next run), and then {@link #advance(Duration)} is the way to move time.
     */
    public void settle(Duration limit) {
        settleWhere(limit, timer -> true, "");
    }

    /**
     * As {@link #settle(Duration)}, counting only {@code account}'s lifecycle steps: another test's account that
     * never settles (its service watching a load balancer) does not hold this one up. The clock is still shared,
     * so the other accounts' steps run too as it moves.
     */
    public void settle(EcsnetAccount account, Duration limit) {
        settleWhere(limit, timer -> timer.accountId().equals(account.accountId()), " of account " + account.accountId());
    }

    private void settleWhere(Duration limit, Predicate<Timer> counted, String whose) {
        requireManualClock("settle");
        Engine engine = server.engine();
        Instant from = clock.now();
        Duration passed = Duration.ZERO;
        List<Timer> pending = pending(engine, counted);
        int fewest = pending.size();
        Duration sinceFewer = Duration.ZERO;
        while (!pending.isEmpty()) {
            if (passed.compareTo(limit) >= 0) {
                throw new IllegalStateException("settle() did not finish: after " + limit.toSeconds() + " s of simulated time (from "
                        + from + " to " + clock.now() + ") " + pending.size() + " lifecycle step(s)" + whose + " are still pending"
                        + (sinceFewer.compareTo(Duration.ofMinutes(10)) >= 0
                                ? ", and none has finished for good in the last " + sinceFewer.toSeconds() + " s, as a step that re-arms itself"
                                        + " does (an ECS service behind a load balancer watching its targets, a scheduled scaling action)"
                                : "")
                        + ": " + named(pending) + ". Move the clock with advance(Duration), or give settle(Duration) a longer limit.");
            }
            engine.advance(SETTLE_STEP);
            passed = passed.plus(SETTLE_STEP);
            pending = pending(engine, counted);
            if (pending.size() < fewest) {
                fewest = pending.size();
                sinceFewer = Duration.ZERO;
            } else {
                sinceFewer = sinceFewer.plus(SETTLE_STEP);
            }
        }
    }

    private static List<Timer> pending(Engine engine, Predicate<Timer> counted) {
        return engine.timers().stream().filter(counted).toList();
    }

    /** The first few pending steps, each as what it will do, to what, in which account and region, and when. */
    static String named(List<Timer> pending) {
        int shown = Math.min(pending.size(), NAMED_STEPS);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            Timer t = pending.get(i);
            b.append(i == 0 ? "" : "; ").append(t.kind()).append(' ').append(t.key()).append(t.args().isEmpty() ? "" : " (" + t.args() + ")")
                    .append(" in ").append(t.accountId()).append('/').append(t.region()).append(" due ").append(t.due());
        }
        return pending.size() > shown ? b.append("; and ").append(pending.size() - shown).append(" more").toString() : b.toString();
    }

    /** Empties the whole server: every account and region starts again with only its defaults. */
    public void reset() {
        server.engine().reset();
    }

    /** The engine inside, for tests of ecsnet itself. */
    public Engine engine() {
        return server.engine();
    }

    private void requireManualClock(String what) {
        if (!options.manualClock()) {
            throw new IllegalStateException(what + "() needs the manual clock; this server runs on the system clock (systemClock())");
        }
    }

    /** Stops listening and ends the engine. */
    @Override
    public void close() {
        server.close();
    }
}
