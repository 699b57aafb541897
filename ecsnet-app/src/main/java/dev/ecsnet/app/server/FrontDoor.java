package dev.ecsnet.app.server;

import dev.ecsnet.api.Dispatcher;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.HttpExchange;
import dev.ecsnet.protocol.WireResponse;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The only class that turns Jetty requests into {@link HttpExchange}s: refuses a body over the {@link EdgeLimits}
 * before reading it, reads the body without holding a thread (a slow client costs a connection, not a worker),
 * then hands {@code /_ecsnet/*} to the {@link AdminApi} and everything else to the AWS {@link Dispatcher}: reads that
 * run beside the engine are answered on the {@link ReadWorkers}, every other call on Jetty's threads (it may wait for
 * the engine).
 */
final class FrontDoor extends Handler.Abstract {
    private static final WireResponse ADMIN_REFUSED = WireResponse.text(403, "application/json", "{\"error\":\"with --verify-signatures, "
            + "ecsnet's own endpoints other than /_ecsnet/health answer only clients on this machine (they can reset or read any account)\"}", Map.of());
    private final Dispatcher dispatcher;
    private final AdminApi admin;
    private final boolean adminLocalOnly;
    private volatile ReadWorkers reads;

    /** {@code adminLocalOnly}: the admin API (but health) answers loopback clients only, as when signatures are verified. */
    FrontDoor(Dispatcher dispatcher, AdminApi admin, boolean adminLocalOnly) {
        super(InvocationType.NON_BLOCKING);
        this.dispatcher = dispatcher;
        this.admin = admin;
        this.adminLocalOnly = adminLocalOnly;
    }

    /** The admin API is unsigned: where signatures matter, only health is open beyond this machine. */
    static boolean adminAllowed(String path, boolean localOnly, String remoteAddress) {
        if (!localOnly || path.equals(AdminApi.PREFIX + "health")) {
            return true;
        }
        try {
            return InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Map<String, String> headers = AwsErrorPages.headers(request);
        int maxBody = EdgeLimits.maxBody(request.getHttpURI().getPath());
        Optional<AwsError> tooLarge = EdgeLimits.declaredBody(request.getLength(), maxBody);
        if (tooLarge.isPresent()) {
            refuseAndDrain(request, response, callback, dispatcher.refuse(headers, tooLarge.get()));
            return true;
        }
        Executor workers = request.getComponents().getExecutor();
        // most calls are reads, so every request starts on a read worker, and only the others move to Jetty's threads
        Executor readsFirst = read -> reads.execute(read, workers);
        Content.Source.asByteArrayAsync(request, maxBody)
                .orTimeout(EdgeLimits.BODY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                .whenCompleteAsync((body, failure) -> answering(callback, () -> {
                    if (failure != null) {
                        workers.execute(() -> answering(callback, () -> refuseBody(request, response, callback, headers, failure)));
                        return;
                    }
                    String path = request.getHttpURI().getPath();
                    HttpExchange exchange = new HttpExchange(request.getMethod(), path == null ? "/" : path,
                            request.getHttpURI().getQuery(), headers, body);
                    if (path != null && path.startsWith("/_ecsnet")) {
                        workers.execute(() -> answering(callback, () -> write(response,
                                adminAllowed(path, adminLocalOnly, Request.getRemoteAddr(request)) ? admin.handle(exchange) : ADMIN_REFUSED, callback)));
                        return;
                    }
                    Dispatcher.Decoded call = dispatcher.decode(exchange);
                    if (call.readsBesideEngine()) {
                        write(response, call.answer(), callback);
                    } else {
                        workers.execute(() -> answering(callback, () -> write(response, call.answer(), callback)));
                    }
                }), readsFirst);
        return true;
    }

    /**
     * Runs what answers the exchange; anything it throws, even an {@code Error} the dispatcher does not turn into
     * {@code InternalFailure} (a class that failed to load), fails the exchange, and Jetty answers 500 through
     * {@link AwsErrorPages}: the client gets an answer instead of waiting for one forever.
     */
    private static void answering(Callback callback, Runnable answer) {
        try {
            answer.run();
        } catch (Throwable t) {
            callback.failed(t);
            if (t instanceof VirtualMachineError) {
                throw t;
            }
        }
    }

    @Override
    protected void doStart() throws Exception {
        reads = ReadWorkers.forThisMachine();
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        reads.stop();
    }

    private void refuseBody(Request request, Response response, Callback callback, Map<String, String> headers, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            request.fail(cause);
            write(response, dispatcher.refuse(headers, EdgeLimits.bodyTooSlow()), callback);
        } else if (cause instanceof java.nio.BufferOverflowException || cause instanceof IllegalArgumentException
                || cause instanceof IllegalStateException || cause instanceof ArithmeticException) {
            // what Jetty's bounded read raises once the body passes the cap
            refuseAndDrain(request, response, callback, dispatcher.refuse(headers, EdgeLimits.bodyTooLarge(-1)));
        } else {
            callback.failed(cause);
        }
    }

    /**
     * Answers a body that is too large, then reads and discards the rest of it (no memory kept, no thread held, at
     * most {@link EdgeLimits#BODY_DEADLINE}) before the exchange ends: closing with unread bytes would reset the
     * connection, and the client would lose the answer it is owed.
     */
    private static void refuseAndDrain(Request request, Response response, Callback callback, WireResponse answer) {
        response.getHeaders().put("Connection", "close");
        write(response, answer, Callback.from(() -> {
            CompletableFuture<Void> drained = new CompletableFuture<>();
            Content.Source.consumeAll(request, Callback.from(() -> drained.complete(null), drained::completeExceptionally));
            drained.orTimeout(EdgeLimits.BODY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS).whenComplete((done, failure) -> {
                if (failure == null) {
                    callback.succeeded();
                } else {
                    callback.failed(failure);
                }
            });
        }, callback::failed));
    }

    static void write(Response response, WireResponse answer, Callback callback) {
        response.setStatus(answer.status());
        response.getHeaders().put("Content-Type", answer.contentType());
        answer.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }
}
