package dev.ecsnet.app.server;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.thread.Scheduler;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;

import static org.assertj.core.api.Assertions.assertThat;

/** The header deadline, on a scheduler the test runs by hand: no real time passes. */
class SlowClientGuardTest {

    /** A connection's counters as Jetty keeps them, and whether it was closed. */
    static final class FakeConnection {
        long requests;
        long answers;
        long bytes;
        boolean closed;

        Connection proxy() {
            EndPoint endPoint = (EndPoint) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EndPoint.class},
                    (p, m, a) -> m.getName().equals("isOpen") ? !closed : null);
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> switch (m.getName()) {
                case "getMessagesIn" -> requests;
                case "getMessagesOut" -> answers;
                case "getBytesIn" -> bytes;
                case "getEndPoint" -> endPoint;
                case "close" -> {
                    closed = true;
                    yield null;
                }
                default -> null;
            });
        }
    }

    private final Deque<Runnable> due = new ArrayDeque<>();
    private final Scheduler scheduler = (Scheduler) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Scheduler.class},
            (p, m, a) -> {
                if (m.getName().equals("schedule")) {
                    due.add((Runnable) a[0]);
                }
                return null;
            });

    /** One header deadline passes. */
    private void deadline() {
        due.poll().run();
    }

    @Test
    void headersTrickledPastTheDeadlineCloseTheConnection() {
        FakeConnection c = new FakeConnection();
        new SlowClientGuard(scheduler).onOpened(c.proxy());
        c.bytes = 40;
        deadline();
        assertThat(c.closed).isTrue();
    }

    @Test
    void idleKeepAliveAndFinishedRequestsAreLeftAlone() {
        FakeConnection c = new FakeConnection();
        new SlowClientGuard(scheduler).onOpened(c.proxy());
        deadline();
        assertThat(c.closed).as("idle: no bytes").isFalse();
        c.requests = 1;
        c.bytes = 500;
        deadline();
        assertThat(c.closed).as("a request completed its headers").isFalse();
        c.bytes = 900;
        deadline();
        assertThat(c.closed).as("its body is still coming: the body deadline's business").isFalse();
        c.answers = 1;
        c.bytes = 1000;
        deadline();
        assertThat(c.closed).as("the body's tail came and the answer went out").isFalse();
        deadline();
        assertThat(c.closed).as("idle between requests").isFalse();
        c.bytes = 1010;
        deadline();
        assertThat(c.closed).as("the next request's headers are overdue").isTrue();
        assertThat(due).isEmpty();
    }
}
