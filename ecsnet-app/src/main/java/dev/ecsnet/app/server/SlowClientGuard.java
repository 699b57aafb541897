package dev.ecsnet.app.server;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that keeps sending request headers without finishing them within
 * {@link EdgeLimits#HEADER_DEADLINE} (a slow-header client). Jetty parses headers without holding a thread, so
 * such clients cost only a connection, but the idle timeout alone would let one trickle a byte at a time forever.
 * Each connection is looked at once per deadline: bytes arrived while no request completed its headers, no answer
 * was sent, and none is pending (so it is not a body or an answer in progress) means its headers are overdue.
 */
final class SlowClientGuard implements Connection.Listener {
    private final Scheduler scheduler;

    SlowClientGuard(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
        check(connection, connection.getMessagesIn(), connection.getMessagesOut(), connection.getBytesIn());
    }

    private void check(Connection c, long requestsBefore, long answersBefore, long bytesBefore) {
        scheduler.schedule(() -> {
            if (!c.getEndPoint().isOpen()) {
                return;
            }
            long requests = c.getMessagesIn();
            long answers = c.getMessagesOut();
            long bytes = c.getBytesIn();
            if (requests == requestsBefore && answers == answersBefore && answers >= requests && bytes > bytesBefore) {
                c.close();
                return;
            }
            check(c, requests, answers, bytes);
        }, EdgeLimits.HEADER_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }
}
