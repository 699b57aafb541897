package dev.ecsnet.engine;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.Notice;
import dev.ecsnet.domain.common.Scheduler;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.state.AccountState;
import dev.ecsnet.domain.state.RegionState;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The single writer. Every command, every read and every timer runs on one thread, so each API call is atomic
 * across services (an address taken, its ENI created and the task updated happen together or not at all) without
 * locks. Domain objects never leave this thread: handlers build their answers inside {@link #call}.
 *
 * <p>Timers come from the domain through {@link Scheduler}. With the system clock the engine wakes itself when the
 * next one is due; with a {@link ManualClock} they run only when a test calls {@link #advance(Duration)} (timers due
 * at "now" also run right after each command, which is what makes {@code INSTANT} timing instant).
 *
 * <p>The queue is bounded: at most {@link #DEFAULT_MAX_WAITING} calls wait or run at once; one more is refused at once
 * with {@link EngineBusy}, which the API answers with the protocol's throttling error, so a flood degrades to
 * "Rate exceeded" and never to memory exhaustion. A call that has not started when its deadline passes is
 * cancelled (it never runs, so nothing changes) rather than left to run after its caller was told it failed; a call
 * that has started is waited for, since every input is bounded before it reaches the engine.
 */
public final class Engine implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Engine.class.getName());
    public static final int DEFAULT_MAX_WAITING = 32;
    private static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int CANCELLED = 2;

    private record Timer(Instant due, long seq, Runnable action) {
    }

    private final Clock clock;
    private final ManualClock manualClock;
    private final long seed;
    private final TimingProfile timing;
    private final EgressPolicy egress;
    private final ScheduledExecutorService thread;
    private final Map<String, AccountState> accounts = new HashMap<>();
    private final Map<AccountRegion, RegionState> regions = new HashMap<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> {
        int c = a.due().compareTo(b.due());
        return c != 0 ? c : Long.compare(a.seq(), b.seq());
    });
    private long timerSeq;
    private final Scheduler scheduler = this::schedule;
    private final RandomSecrets secrets = new RandomSecrets();
    private final Duration callTimeout;
    private final int maxWaiting;
    private final Semaphore slots;
    private volatile BiConsumer<AccountRegion, Notice> notices = (key, notice) -> {
    };
    private final AtomicLong stateVersion = new AtomicLong();

    public Engine(Clock clock, long seed, TimingProfile timing) {
        this(clock, seed, timing, EgressPolicy.IGNORE);
    }

    public Engine(Clock clock, long seed, TimingProfile timing, EgressPolicy egress) {
        this(clock, seed, timing, egress, DEFAULT_CALL_TIMEOUT, DEFAULT_MAX_WAITING);
    }

    /** As above, with how long a call may wait to start and how many calls may wait or run at once. */
    Engine(Clock clock, long seed, TimingProfile timing, EgressPolicy egress, Duration callTimeout, int maxWaiting) {
        this.callTimeout = callTimeout;
        this.maxWaiting = maxWaiting;
        this.slots = new Semaphore(maxWaiting);
        this.egress = egress;
        this.clock = clock;
        this.manualClock = clock instanceof ManualClock m ? m : null;
        this.seed = seed;
        this.timing = timing;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ecsnet-engine");
            t.setDaemon(true);
            return t;
        });
    }

    public Clock clock() {
        return clock;
    }

    public TimingProfile timing() {
        return timing;
    }

    public EgressPolicy egress() {
        return egress;
    }

    /** How many calls are waiting for the engine or running on it now (at most {@link #DEFAULT_MAX_WAITING}). */
    public int waitingCalls() {
        return maxWaiting - slots.availablePermits();
    }

    /** The seed ids and address choices come from. */
    public long seed() {
        return seed;
    }

    /** Where every region's explaining events go (the server's request log); set before the first call. */
    public void notices(BiConsumer<AccountRegion, Notice> sink) {
        this.notices = sink;
    }

    /**
     * A number that grows whenever state may have changed: after each timer run, each reset, and each call its
     * caller reports with {@link #stateChanged()}. Any thread may read it without waiting for the engine, so a
     * watcher can poll it and fetch a view only when it moved.
     */
    public long stateVersion() {
        return stateVersion.get();
    }

    /** Tells watchers of {@link #stateVersion()} that a call may have changed state (any thread). */
    public void stateChanged() {
        stateVersion.incrementAndGet();
    }

    /** Runs {@code command} on the engine thread against the caller's region and returns its result. */
    public <T> T call(AccountRegion key, Function<RegionState, T> command) {
        return submit(() -> command.apply(region(key)));
    }

    /**
     * Runs a read over every region that exists so far (in account, then region order) on the engine thread; for
     * callers that are not scoped to one region, such as the DNS server.
     */
    public <T> T readAll(Function<java.util.List<RegionState>, T> query) {
        return submit(() -> query.apply(regions.entrySet().stream()
                .sorted(java.util.Comparator.comparing((Map.Entry<AccountRegion, RegionState> e) -> e.getKey().accountId())
                        .thenComparing(e -> e.getKey().region()))
                .map(Map.Entry::getValue).toList()));
    }

    /** Runs a read over every account that exists so far, on the engine thread (e.g. to find an access key's account). */
    public <T> T readAccounts(Function<java.util.Collection<AccountState>, T> query) {
        return submit(() -> query.apply(java.util.Collections.unmodifiableCollection(accounts.values())));
    }

    /** Empties all state: every account and region starts again with only its defaults. Pending timers are dropped. */
    public void reset() {
        submit(() -> {
            regions.clear();
            accounts.clear();
            timers.clear();
            stateChanged();
            return null;
        });
    }

    /** Moves a manual clock forward, running every timer that falls due on the way, in order. */
    public void advance(Duration d) {
        if (manualClock == null) {
            throw new IllegalStateException("advance needs a ManualClock");
        }
        submit(() -> {
            Instant target = manualClock.now().plus(d);
            while (!timers.isEmpty() && !timers.peek().due().isAfter(target)) {
                manualClock.advanceTo(timers.peek().due());
                runDueTimers();
            }
            manualClock.advanceTo(target);
            runDueTimers();
            return null;
        });
    }

    /** The number of timers not yet run; tests use it to drive the clock until nothing is left to do. */
    public int pendingTimers() {
        return submit(timers::size);
    }

    private RegionState region(AccountRegion key) {
        return regions.computeIfAbsent(key, k -> new RegionState(k,
                accounts.computeIfAbsent(k.accountId(), a -> new AccountState(a, seed, clock, secrets)), seed, clock, scheduler, timing, egress,
                notice -> notices.accept(k, notice)));
    }

    private <T> T submit(java.util.concurrent.Callable<T> work) {
        if (!slots.tryAcquire()) {
            throw new EngineBusy("too many calls are waiting for the engine (at most " + maxWaiting + ")");
        }
        AtomicInteger state = new AtomicInteger(QUEUED);
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                if (!state.compareAndSet(QUEUED, RUNNING)) {
                    return;
                }
                T value = null;
                Throwable failure = null;
                try {
                    value = work.call();
                } catch (Throwable t) {
                    failure = t;
                }
                // the slot is free before the caller hears back, so that its next call finds room
                slots.release();
                if (failure == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(failure);
                }
                runDueTimers();
            });
        } catch (RejectedExecutionException e) {
            slots.release();
            throw new EngineBusy("the engine is shutting down");
        }
        try {
            try {
                return result.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (state.compareAndSet(QUEUED, CANCELLED)) {
                    slots.release();
                    String within = callTimeout.toMillis() % 1000 == 0 ? callTimeout.toSeconds() + " s" : callTimeout.toMillis() + " ms";
                    throw new EngineBusy("the call did not start within " + within + " and was cancelled; nothing changed");
                }
                // it is running: answer only once its outcome is known, so that a reply never hides a change
                return result.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void schedule(Duration delay, Runnable action) {
        Instant due = clock.now().plus(delay);
        timers.add(new Timer(due, timerSeq++, action));
        if (manualClock == null && !delay.isZero()) {
            thread.schedule(this::runDueTimers, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    private void runDueTimers() {
        Instant now = clock.now();
        while (!timers.isEmpty() && !timers.peek().due().isAfter(now)) {
            Timer t = timers.poll();
            try {
                t.action().run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "timer failed: " + e, e);
            }
            stateChanged();
            now = clock.now();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
