package dev.ecsnet.engine;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.Notice;
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
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The single writer. Every command and every timer runs on one thread, so each API call is atomic across services
 * (an address taken, its ENI created and the task updated happen together or not at all). Domain objects never
 * leave a step: handlers build their answers inside {@link #call} or {@link #read}.
 *
 * <p>Reads that only read ({@link #read}) run on their caller's thread instead, side by side, under the read half
 * of a lock whose write half the engine thread holds for each step: a read sees the state between two steps, never
 * half of one, and costs no hand-off to the engine and back. A read that would have to run a timer first, or that
 * needs a region not made yet, runs as a call.
 *
 * <p>Timers come from the domain through its {@code Scheduler} port as data ({@link Timer}: due, kind, resource id),
 * and run through the handler their region registered for the kind. With the system clock the engine wakes itself when the
 * next one is due; with a {@link ManualClock} they run only when a test calls {@link #advance(Duration)} (timers due
 * at "now" also run right after each command, which is what makes {@code INSTANT} timing instant).
 *
 * <p>Time is logical (docs/design-state.md): the clock the domain sees is frozen during each step. A call runs at
 * the instant it was taken from the queue, a timer at its due time; before a call at {@code t} every timer due at or
 * before {@code t} runs, in due order, and after it every timer that fell due at {@code t}. So the state after a
 * call depends only on the calls before it and their instants, and {@link #replay} of the journalled calls gives the
 * same ids, addresses and states. Each state-changing call is recorded ({@link #commit}) as a {@link CommandRecord},
 * written to the {@link CommandSink} before its caller hears back, and told to every change listener.
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

    private final Clock source;
    private final ManualClock manualClock;
    /** The logical instant of the current (or last) step; written on the engine thread only. */
    private volatile Instant now;
    private final Clock clock = () -> now;
    private long seed;
    private final TimingProfile timing;
    private final EgressPolicy egress;
    private final ScheduledExecutorService thread;
    private final Map<String, AccountState> accounts = new HashMap<>();
    private final Map<AccountRegion, RegionState> regions = new HashMap<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(Timer.ORDER);
    private long timerSeq;
    private final RandomSecrets secrets = new RandomSecrets();
    private final Duration callTimeout;
    private final int maxWaiting;
    private final Semaphore slots;
    /** Held for writing by every step on the engine thread, for reading by every {@link #read} beside it. */
    private final ReentrantReadWriteLock steps = new ReentrantReadWriteLock();
    private volatile BiConsumer<AccountRegion, Notice> notices = (key, notice) -> {
    };
    private final AtomicLong stateVersion = new AtomicLong();
    private long nextSeq;
    /**
     * The records of the current epoch, oldest first: what {@link #history()} gives. Dropped once a snapshot is taken or
     * installed ({@code epochComplete} false), since the snapshot then holds the state and the records would only
     * grow.
     */
    private final java.util.List<CommandRecord> epoch = new java.util.ArrayList<>();
    private boolean epochComplete = true;
    private volatile CommandSink sink = CommandSink.NONE;
    /** Why the journal could not be written, once it could not: from then on no call may change state. */
    private volatile String journalFailure;
    private final java.util.List<java.util.function.Consumer<CommandRecord>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

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
        this.source = clock;
        this.manualClock = clock instanceof ManualClock m ? m : null;
        this.now = clock.now();
        this.seed = seed;
        this.epoch.add(CommandRecord.epoch(nextSeq++, now, seed));
        this.timing = timing;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ecsnet-engine");
            t.setDaemon(true);
            return t;
        });
    }

    /** The engine's logical clock: on the engine thread, the instant of the step running; elsewhere, of the last one. */
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

    /** The seed ids and address choices come from (a reset keeps it; a state load brings its own). */
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
     * Runs {@code query}, which must only read, against the caller's region on the caller's thread, beside other
     * reads and between two steps of the engine. It sees what a {@link #call} at the last step's instant would see;
     * when that could differ from a call now (a timer is due by the source clock, or the region does not exist yet
     * and a call would create it), it runs as a call. It waits for a running step at most as long as a call waits to
     * start, then is refused with {@link EngineBusy}. While it waits it counts as a waiting call, so that
     * reads behind a long step cannot take every HTTP thread: with the queue full it is refused at once.
     */
    public <T> T read(AccountRegion key, Function<RegionState, T> query) {
        if (!slots.tryAcquire()) {
            throw new EngineBusy("too many calls are waiting for the engine (at most " + maxWaiting + ")");
        }
        Lock lock = steps.readLock();
        try {
            if (!lock.tryLock(callTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new EngineBusy("the engine held the state for longer than " + callTimeout.toMillis() + " ms; the read was refused");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine", e);
        } finally {
            slots.release();
        }
        try {
            RegionState region = regions.get(key);
            if (region != null && !timerDueBy(source.now())) {
                return query.apply(region);
            }
        } finally {
            lock.unlock();
        }
        return call(key, query);
    }

    /** How many reads wait for a step to end (tests wait for it rather than for time). */
    int readsWaiting() {
        return steps.getQueueLength();
    }

    private boolean timerDueBy(Instant t) {
        Timer next = timers.peek();
        return next != null && !next.due().isAfter(t);
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

    /**
     * Empties all state: every account and region starts again with only its defaults. Pending timers are dropped.
     * Journalled as a new epoch with the same seed, so a replay resets at the same point.
     */
    public void reset() {
        submit(() -> {
            CommandRecord r = CommandRecord.epoch(nextSeq++, now, seed);
            startEpoch(r);
            recorded(r);
            return null;
        });
    }

    /**
     * Records the state-changing call running now (engine thread, inside {@link #call}, after it succeeded): the
     * record is written to the sink before the call returns, and told to every change listener.
     */
    public CommandRecord commit(AccountRegion key, String caller, String service, String operation, String params) {
        CommandRecord r = new CommandRecord(nextSeq++, now, key.accountId(), key.region(), caller, service, operation, params,
                secrets.drawn());
        recorded(r);
        return r;
    }

    /**
     * Why the journal stopped, once a write to it failed (a full disk): memory then holds a change the journal does
     * not, so the API refuses every further change until a restart, which continues from the journal.
     */
    public java.util.Optional<String> journalFailure() {
        return java.util.Optional.ofNullable(journalFailure);
    }

    private JournalStopped journalFailed(RuntimeException e) {
        journalFailure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        LOG.log(System.Logger.Level.ERROR, "writing the journal failed; no further change is accepted until a restart", e);
        return new JournalStopped(journalFailure, e);
    }

    /** A change refused because the journal cannot be written ({@link #journalFailure()}). */
    public static final class JournalStopped extends RuntimeException {
        public JournalStopped(String why, Throwable cause) {
            super(why, cause);
        }
    }

    /** Where committed records are written from now on (a journal); set once restored, before serving. */
    public void journalTo(CommandSink sink) {
        this.sink = sink;
    }

    /** Tells {@code listener} of every command, on the engine thread, once it is written (a live view's feed). */
    public void onCommand(java.util.function.Consumer<CommandRecord> listener) {
        listeners.add(listener);
    }

    /**
     * The records of the current epoch, oldest first, beginning with the epoch record: replaying them rebuilds now.
     * Kept only until a snapshot is taken or installed (a server with a state dir); after that, {@link #snapshot()}.
     */
    public java.util.List<CommandRecord> history() {
        return submit(() -> {
            if (!epochComplete) {
                throw new IllegalStateException("the command history was dropped when a snapshot was taken; use snapshot()");
            }
            return java.util.List.copyOf(epoch);
        });
    }

    /** The whole state between two steps, as plain records (every account and region, pending timers, clock, seed). */
    public EngineSnapshot snapshot() {
        return submit(this::exportState);
    }

    private EngineSnapshot exportState() {
        java.util.List<dev.ecsnet.domain.state.AccountRecord> accountRecords = accounts.values().stream()
                .sorted(java.util.Comparator.comparing(AccountState::accountId)).map(AccountState::export).toList();
        java.util.List<dev.ecsnet.domain.state.RegionRecord> regionRecords = regions.entrySet().stream()
                .sorted(java.util.Comparator.comparing((Map.Entry<AccountRegion, RegionState> e) -> e.getKey().accountId())
                        .thenComparing(e -> e.getKey().region()))
                .map(e -> e.getValue().export()).toList();
        return new EngineSnapshot(nextSeq, now, seed, timerSeq, timers.stream().sorted(Timer.ORDER).toList(), accountRecords,
                regionRecords);
    }

    /**
     * Replaces every account, region and timer with the ones {@code s} holds (engine thread). The regions are built
     * with the snapshot's seed and then given their records, so their handlers are registered as in any region.
     */
    private void install(EngineSnapshot s, boolean keepSequence) {
        regions.clear();
        accounts.clear();
        timers.clear();
        seed = s.seed();
        now = s.at();
        if (!keepSequence) {
            nextSeq = s.nextSeq();
        }
        epoch.clear();
        epochComplete = false;
        for (dev.ecsnet.domain.state.AccountRecord a : s.accounts()) {
            AccountState account = new AccountState(a.accountId(), seed, clock, secrets);
            account.restore(a);
            accounts.put(a.accountId(), account);
        }
        for (dev.ecsnet.domain.state.RegionRecord r : s.regions()) {
            region(new AccountRegion(r.accountId(), r.region())).restore(r);
        }
        // a region built above may have armed timers of its own: the snapshot's are the whole truth
        timers.clear();
        timers.addAll(s.timers());
        timerSeq = s.timerSeq();
        stateChanged();
    }

    /** Hands the sink a snapshot now, whether or not it asked (a journal at shutdown). */
    public void checkpoint() {
        submit(() -> {
            sink.snapshot(exportState());
            epoch.clear();
            epochComplete = false;
            return null;
        });
    }

    /** After a step: a snapshot when the sink wants one (its failure loses nothing, as the journal holds every record). */
    private void snapshotIfWanted() {
        CommandSink target = sink;
        if (!target.wantsSnapshot()) {
            return;
        }
        try {
            long started = System.nanoTime();
            EngineSnapshot state = exportState();
            LOG.log(System.Logger.Level.INFO, "snapshot at record " + state.nextSeq() + ": " + state.regions().size()
                    + " regions copied in " + (System.nanoTime() - started) / 1_000_000 + " ms on the engine thread");
            target.snapshot(state);
            epoch.clear();
            epochComplete = false;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "a snapshot failed; the journal still holds every record: " + e, e);
        }
    }

    /**
     * Rebuilds state from a snapshot (or from nothing, when {@code base} is null) and the journalled records after it,
     * at start and before serving; then moves the clock to now and re-arms the pending timers, as {@link #replay(java.util.List,
     * CommandRunner)} does.
     */
    public void replay(EngineSnapshot base, java.util.List<CommandRecord> records, CommandRunner runner) {
        submit(() -> {
            if (base != null) {
                install(base, false);
            }
            for (CommandRecord r : records) {
                nextSeq = r.seq() + 1;
                rerun(r, runner);
                if (!r.isEpoch()) {
                    epoch.add(r);
                }
            }
            catchUp();
            return null;
        });
    }

    /**
     * Replaces all state with a saved one ({@code state save}, format 2): every account, region and pending timer as it
     * was, at the instant it was saved; then the clock moves to now. The journal takes it as its new base. A document
     * that does not restore leaves the state it found.
     */
    public void load(EngineSnapshot document) {
        submit(() -> {
            EngineSnapshot before = exportState();
            try {
                install(document, true);
            } catch (RuntimeException e) {
                install(before, true);
                throw new IllegalArgumentException("the state document does not restore on this ecsnet: " + e.getMessage(), e);
            }
            try {
                sink.replaced(exportState());
            } catch (RuntimeException e) {
                throw journalFailed(e);
            } finally {
                catchUp();
            }
            return null;
        });
    }

    /**
     * Rebuilds state from journalled records (at start, before serving): each runs at its recorded instant, with the
     * timers due before it, through {@code runner}; nothing is written to the sink. Then the clock moves to now,
     * running what fell due meanwhile, and the pending timers are re-armed against it. A record that fails to run
     * again means the journal does not describe this ecsnet's behaviour: it is refused rather than skipped.
     */
    public void replay(java.util.List<CommandRecord> records, CommandRunner runner) {
        replay(null, records, runner);
    }

    /**
     * Replaces all state with the one {@code records} build (a state document: an epoch record first): a new epoch
     * with the document's seed, at its instant, then every command again, each journalled anew; then the clock moves
     * to now.
     */
    public void load(java.util.List<CommandRecord> records, CommandRunner runner) {
        if (records.isEmpty() || !records.get(0).isEpoch()) {
            throw new IllegalArgumentException("a state document starts with an epoch record");
        }
        submit(() -> {
            EngineSnapshot before = exportState();
            CommandSink target = sink;
            java.util.List<CommandRecord> batch = new java.util.ArrayList<>();
            sink = batch::add;
            try {
                rerunAndRecord(records, runner);
            } catch (ReplayFailure e) {
                // a document that does not load leaves the state it found, not half of the new one, and writes nothing
                sink = target;
                install(before, false);
                catchUp();
                throw e;
            }
            sink = target;
            try {
                target.appendAll(batch);
            } catch (RuntimeException e) {
                throw journalFailed(e);
            } finally {
                catchUp();
            }
            return null;
        });
    }

    private void rerunAndRecord(java.util.List<CommandRecord> records, CommandRunner runner) {
        for (CommandRecord original : records) {
            CommandRecord r = original.withSeq(nextSeq++);
            rerun(r, runner);
            recorded(r);
        }
    }

    private void rerun(CommandRecord r, CommandRunner runner) {
        if (r.isEpoch()) {
            startEpoch(r);
            return;
        }
        moveTo(r.at());
        secrets.beginStep(r.secrets());
        try {
            runner.run(r, region(new AccountRegion(r.accountId(), r.region())));
        } catch (RuntimeException e) {
            throw new ReplayFailure(r, e);
        }
        moveTo(now);
        stateChanged();
    }

    /** A journalled command that does not run again as it did: the journal was written by a different ecsnet. */
    public static final class ReplayFailure extends RuntimeException {
        ReplayFailure(CommandRecord r, RuntimeException cause) {
            super("record " + r.seq() + " (" + r.service() + ":" + r.operation() + " at " + r.at() + ") failed when run again: "
                    + cause.getMessage(), cause);
        }
    }

    private void startEpoch(CommandRecord r) {
        regions.clear();
        accounts.clear();
        timers.clear();
        seed = r.epochSeed();
        // a load may go back in time: with nothing left, nothing can see it
        now = r.at();
        epoch.clear();
        epoch.add(r);
        epochComplete = true;
        stateChanged();
    }

    private void recorded(CommandRecord r) {
        try {
            sink.append(r);
        } catch (RuntimeException e) {
            throw journalFailed(e);
        }
        if (!r.isEpoch()) {
            epoch.add(r);
        }
        for (java.util.function.Consumer<CommandRecord> l : listeners) {
            try {
                l.accept(r);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a command listener failed: " + e, e);
            }
        }
    }

    /** After a replay or load: runs what fell due up to the source clock's now, then re-arms the wake-ups. */
    private void catchUp() {
        moveTo(source.now());
        if (manualClock != null) {
            // a manual clock behind the replayed journal moves up to it, as time never goes back for a caller
            manualClock.advanceTo(now);
        } else {
            timers.forEach(this::armWake);
        }
    }

    private void armWake(Timer t) {
        long millis = Math.max(1, Duration.between(source.now(), t.due()).toMillis());
        thread.schedule(this::wake, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops the engine at once, as a crash would: queued calls never run and nothing is flushed. */
    public void halt() {
        thread.shutdownNow();
    }

    /** Moves a manual clock forward, running every timer that falls due on the way, in order. */
    public void advance(Duration d) {
        if (manualClock == null) {
            throw new IllegalStateException("advance needs a ManualClock");
        }
        submit(() -> {
            Instant target = manualClock.now().plus(d);
            manualClock.advanceTo(target);
            moveTo(target);
            return null;
        });
    }

    /** The number of timers not yet run; tests use it to drive the clock until nothing is left to do. */
    public int pendingTimers() {
        return submit(timers::size);
    }

    /** The pending timers as records, in the order they will run: what a snapshot writes down. */
    public java.util.List<Timer> timers() {
        return submit(() -> timers.stream().sorted(Timer.ORDER).toList());
    }

    /**
     * Re-arms timers written down earlier (a snapshot's), keeping their sequence numbers so that they run in the same
     * order; timers armed later come after them. Their regions are created if they do not exist yet, so their
     * handlers are registered. A timer already due runs at the next step (a manual clock never goes back for it).
     */
    public void restoreTimers(java.util.List<Timer> restored) {
        submit(() -> {
            // refused before anything changes
            java.util.Set<Long> taken = new java.util.HashSet<>();
            timers.forEach(t -> taken.add(t.seq()));
            for (Timer t : restored) {
                if (!taken.add(t.seq())) {
                    throw new IllegalArgumentException("two timers with sequence number " + t.seq());
                }
            }
            // past the restored ones first: a region created here may arm timers of its own
            restored.forEach(t -> timerSeq = Math.max(timerSeq, t.seq() + 1));
            restored.forEach(t -> region(t.owner()));
            for (Timer t : restored) {
                timers.add(t);
                if (manualClock == null) {
                    armWake(t);
                }
            }
            return null;
        });
    }

    private RegionState region(AccountRegion key) {
        return regions.computeIfAbsent(key, k -> new RegionState(k,
                accounts.computeIfAbsent(k.accountId(), a -> new AccountState(a, seed, clock, secrets)), seed, clock,
                (delay, kind, id, args) -> schedule(k, delay, kind, id, args), timing, egress,
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
                steps.writeLock().lock();
                try {
                    step(work, result);
                } finally {
                    steps.writeLock().unlock();
                }
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

    /** One step on the engine thread, under the write lock: due timers, the work, the timers it made due, a snapshot. */
    private <T> void step(java.util.concurrent.Callable<T> work, CompletableFuture<T> result) {
        T value = null;
        Throwable failure = null;
        try {
            moveTo(source.now());
            secrets.beginStep(java.util.List.of());
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
        moveTo(now);
        snapshotIfWanted();
    }

    private void schedule(AccountRegion owner, Duration delay, String kind, String key, String args) {
        Instant due = now.plus(delay);
        timers.add(new Timer(due, timerSeq++, owner.accountId(), owner.region(), kind, key, args));
        if (manualClock == null && !delay.isZero()) {
            thread.schedule(this::wake, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    private void wake() {
        steps.writeLock().lock();
        try {
            moveTo(source.now());
        } finally {
            steps.writeLock().unlock();
        }
    }

    /**
     * Moves the logical clock to {@code target} (never back), running on the way every timer due at or before it, each
     * at its own due instant, in due then sequence order; timers they schedule within reach run too.
     */
    private void moveTo(Instant target) {
        while (!timers.isEmpty() && !timers.peek().due().isAfter(target)) {
            Timer t = timers.poll();
            if (t.due().isAfter(now)) {
                now = t.due();
            }
            try {
                fire(t);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "timer failed: " + e, e);
            }
            stateChanged();
        }
        if (target.isAfter(now)) {
            now = target;
        }
    }

    /** Runs a due timer through its region's handler; a timer nobody handles (any more) is logged and skipped. */
    private void fire(Timer t) {
        RegionState region = regions.get(t.owner());
        if (region == null || !region.timers().fire(t.kind(), t.key(), t.args())) {
            LOG.log(System.Logger.Level.WARNING, "skipped a timer of kind " + t.kind() + " (" + t.key() + "): "
                    + (region == null ? "its region does not exist" : "no handler knows its kind"));
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
