package dev.ecsnet.app.server;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every API request starts on, as many as the machine has processors, taking requests in their order of
 * arrival: a read that runs beside the engine ({@code Dispatcher.Decoded#readsBesideEngine}) is answered here, any
 * other call moves on to Jetty's threads, where it may wait for the engine. On Jetty's 64 threads, 16 connections
 * of reads were 16 runnable threads on 2 cores, and the scheduler's time slices, not the work, made the tail: p99 was
 * about twice as long (bench/README.md, 2026-12-03). Once {@link #QUEUED} requests wait here, the next runs where it
 * is offered instead (the engine's own bound on waiting calls then applies), so a flood degrades to throttling as
 * before, not to a long hidden queue.
 */
final class ReadWorkers {
    static final int QUEUED = 64;
    private final ThreadPoolExecutor pool;

    ReadWorkers(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory named = r -> {
            Thread t = new Thread(r, "ecsnet-read-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUED), named);
        pool.prestartAllCoreThreads();
    }

    static ReadWorkers forThisMachine() {
        return new ReadWorkers(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /** Runs the task on a worker, or on {@code elsewhere} when every worker is busy and {@link #QUEUED} tasks wait. */
    void execute(Runnable task, Executor elsewhere) {
        try {
            pool.execute(task);
        } catch (RejectedExecutionException full) {
            elsewhere.execute(task);
        }
    }

    void stop() {
        pool.shutdownNow();
    }
}
