package dev.ecsnet.app.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.CallLog;
import dev.ecsnet.api.CallRecord;
import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.Notice;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * One line per AWS call (time, service, operation, account, region, HTTP status, error code, milliseconds), and
 * ecsnet's own explaining events (a task stopped for egress, a subnet out of addresses), as text or JSON lines.
 */
public final class RequestLog implements CallLog {
    /** How lines are written. */
    public enum Format {
        TEXT, JSON
    }

    public static final RequestLog OFF = new RequestLog(null, Format.TEXT, Instant::now);
    /** Trees only, made when a JSON line is written: a text log never pays for Jackson's object mapper at start. */
    private static final Trees JSON = new Trees();

    private static final class Trees {
        ObjectNode createObjectNode() {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    private final PrintStream out;
    private final Format format;
    private final Supplier<Instant> wallClock;

    public RequestLog(PrintStream out, Format format) {
        this(out, format, Instant::now);
    }

    RequestLog(PrintStream out, Format format, Supplier<Instant> wallClock) {
        this.out = out;
        this.format = format;
        this.wallClock = wallClock;
    }

    @Override
    public void called(CallRecord c) {
        if (out == null) {
            return;
        }
        String time = now();
        if (format == Format.JSON) {
            ObjectNode o = JSON.createObjectNode().put("time", time).put("service", c.service()).put("operation", c.operation())
                    .put("account", c.accountId()).put("region", c.region()).put("status", c.status());
            if (!c.errorCode().isEmpty()) {
                o.put("error", c.errorCode());
            }
            print(o.put("ms", c.millis()).put("requestId", c.requestId()).toString());
        } else {
            print(String.format("%s %-8s %-34s %s %-14s %d%s %d ms", time, c.service(), c.operation(), c.accountId(), c.region(),
                    c.status(), c.errorCode().isEmpty() ? "" : " " + c.errorCode(), c.millis()));
        }
    }

    /** An explaining event of one region. */
    public void notice(AccountRegion where, Notice n) {
        if (out == null) {
            return;
        }
        String time = now();
        if (format == Format.JSON) {
            print(JSON.createObjectNode().put("time", time).put("notice", n.kind()).put("account", where.accountId())
                    .put("region", where.region()).put("resource", n.resource()).put("message", n.message()).toString());
        } else {
            print(time + " NOTICE   " + where.accountId() + " " + where.region() + " " + n.message());
        }
    }

    /** A line of ecsnet's own (init scripts), in the log's format. */
    void event(String kind, String message) {
        if (out == null) {
            return;
        }
        print(format == Format.JSON ? JSON.createObjectNode().put("time", now()).put(kind, message).toString()
                : now() + " " + kind.toUpperCase(java.util.Locale.ROOT) + "     " + message);
    }

    private String now() {
        return wallClock.get().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private synchronized void print(String line) {
        out.println(line);
        out.flush();
    }
}
