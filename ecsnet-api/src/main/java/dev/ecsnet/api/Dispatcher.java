package dev.ecsnet.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.engine.CommandRunner;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.engine.EngineBusy;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.AwsRequest;
import dev.ecsnet.protocol.HttpExchange;
import dev.ecsnet.protocol.ProtocolCodec;
import dev.ecsnet.protocol.RequestDecoder;
import dev.ecsnet.protocol.ServiceSpec;
import dev.ecsnet.protocol.WireResponse;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The front door of the AWS APIs: decode, find the service and operation, run it on the engine, encode. Every
 * failure leaves here in the caller's protocol envelope; an engine too busy to take the call answers the protocol's
 * throttling error; an unexpected exception becomes {@code InternalFailure} (500) and is logged with its request
 * id. Every answer is told to the {@link CallLog}.
 */
public final class Dispatcher {
    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());

    private final Engine engine;
    private final Map<ServiceSpec, ServiceHandler> handlers;
    private final RequestDecoder decoder;
    private final CallLog log;
    private final Authentication authentication;

    public Dispatcher(Engine engine, List<ServiceHandler> handlers) {
        this(engine, handlers, CallLog.NONE);
    }

    public Dispatcher(Engine engine, List<ServiceHandler> handlers, CallLog log) {
        this(engine, handlers, log, Authentication.NONE);
    }

    /** With {@link SignatureCheck}, a call runs only once its signature is verified, in its key's account. */
    public Dispatcher(Engine engine, List<ServiceHandler> handlers, CallLog log, Authentication authentication) {
        this.engine = engine;
        this.authentication = authentication;
        this.handlers = handlers.stream().collect(Collectors.toMap(ServiceHandler::spec, Function.identity()));
        this.decoder = new RequestDecoder(handlers.stream().map(ServiceHandler::spec).toList());
        this.log = log;
    }

    public List<String> serviceNames() {
        return handlers.keySet().stream().map(ServiceSpec::signingName).sorted().toList();
    }

    public WireResponse dispatch(HttpExchange http) {
        return decode(http).answer();
    }

    /**
     * The first half of {@link #dispatch}, which never waits: decodes the request and finds whether it is a read
     * that runs beside the engine ({@link Engine#read}), so that the HTTP layer can choose the thread that answers
     * it. {@link Decoded#answer()} is the rest: authentication, the operation, the answer.
     */
    public Decoded decode(HttpExchange http) {
        long started = System.nanoTime();
        String requestId = requestId();
        try {
            return new Decoded(http, decoder.decode(http, requestId), null, started);
        } catch (RequestDecoder.Failure f) {
            ServiceSpec envelope = f.service().orElseGet(() -> ServiceSpec.query("unknown", "", ""));
            WireResponse answer = ProtocolCodec.of(envelope.protocol()).error(envelope, requestId, f.error());
            log.called(new CallRecord(requestId, envelope.signingName(), f.operation(), f.accountId(), f.region(), answer.status(),
                    f.error().code(), millisSince(started)));
            return new Decoded(http, null, answer, started);
        }
    }

    /** A request decoded by {@link #decode}, or the answer that refused it; answered once. */
    public final class Decoded {
        private final HttpExchange http;
        private final AwsRequest request;
        private final WireResponse refusal;
        private final long started;

        private Decoded(HttpExchange http, AwsRequest request, WireResponse refusal, long started) {
            this.http = http;
            this.request = request;
            this.refusal = refusal;
            this.started = started;
        }

        /** A read that runs beside the engine rather than waiting for its turn on it (unless its region is new). */
        public boolean readsBesideEngine() {
            if (request == null || !isRead(request.operation())) {
                return false;
            }
            ServiceHandler handler = handlers.get(request.service()).resolved();
            return handler.operations().find(request.operation()).isPresent()
                    && handler.onlyReads(request.operation(), paramsOf(handler, request.params()));
        }

        public WireResponse answer() {
            if (refusal != null) {
                return refusal;
            }
            AwsRequest call;
            try {
                call = authentication.authenticate(http, request);
            } catch (AwsError | EngineBusy refused) {
                AwsError error = refused instanceof AwsError e ? e : AwsError.throttled(request.service());
                WireResponse answer = ProtocolCodec.of(request.service().protocol()).error(request.service(), request.requestId(), error);
                // the caller is not known: the account the key claimed is not logged as if it had made the call
                logged(request.signedBy("", "-"), answer, error.code(), started);
                return answer;
            }
            return run(call, started);
        }
    }

    private WireResponse run(AwsRequest request, long started) {
        String requestId = request.requestId();
        ServiceHandler handler = handlers.get(request.service()).resolved();
        ProtocolCodec codec = ProtocolCodec.of(request.service().protocol());
        AwsError error;
        try {
            Operation op = handler.operations().find(request.operation())
                    .orElseThrow(() -> handler.unknownOperation(request.operation()));
            Params params = paramsOf(handler, request.params());
            ObjectNode result;
            AccountRegion key = new AccountRegion(request.accountId(), request.region());
            AwsRequest call = request;
            if (!isRead(call.operation())) {
                engine.journalFailure().ifPresent(why -> {
                    throw new Engine.JournalStopped(why, null);
                });
            }
            try {
                // the request as decoded, before a handler could touch it
                String journalled = isRead(call.operation()) ? null : call.params().toString();
                Function<dev.ecsnet.domain.state.RegionState, ObjectNode> command = state -> {
                    ObjectNode out = handler.invoke(op, new Call(call, params, state, engine.clock()));
                    if (journalled != null) {
                        // only a call that succeeded is journalled: a refused one changed nothing
                        engine.commit(key, call.accessKeyId(), call.service().signingName(), call.operation(), journalled);
                    }
                    return out;
                };
                result = journalled == null && handler.onlyReads(call.operation(), params) ? engine.read(key, command)
                        : engine.call(key, command);
            } finally {
                if (!isRead(request.operation())) {
                    engine.stateChanged();
                }
            }
            WireResponse answer = codec.success(request, result);
            logged(request, answer, "", started);
            return answer;
        } catch (AwsError e) {
            error = e;
        } catch (DomainException e) {
            error = handler.toAwsError(e);
        } catch (EngineBusy e) {
            error = AwsError.throttled(request.service());
        } catch (Engine.JournalStopped e) {
            error = journalStopped(e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "requestId=" + requestId + " service=" + request.service().signingName()
                    + " operation=" + request.operation() + " failed", e);
            error = new AwsError("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500);
        }
        WireResponse answer = codec.error(request.service(), requestId, error);
        logged(request, answer, error.code(), started);
        return answer;
    }

    /**
     * Runs journalled calls again (engine thread, through {@link Engine#replay} or {@link Engine#load}): each is given
     * to its handler as it was decoded the first time. A record naming a service or operation this ecsnet does not
     * serve is refused.
     */
    public CommandRunner replayer() {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        return (record, state) -> {
            ServiceHandler handler = handlers.entrySet().stream().filter(e -> e.getKey().signingName().equals(record.service()))
                    .map(Map.Entry::getValue).findFirst()
                    .orElseThrow(() -> new IllegalStateException("this ecsnet does not serve the service " + record.service()))
                    .resolved();
            Operation op = handler.operations().find(record.operation())
                    .orElseThrow(() -> new IllegalStateException("this ecsnet does not serve " + record.service() + ":" + record.operation()));
            ObjectNode tree;
            try {
                tree = (ObjectNode) json.readTree(record.params());
            } catch (java.io.IOException | ClassCastException e) {
                throw new IllegalStateException("the parameters are not a JSON object: " + e.getMessage(), e);
            }
            AwsRequest request = new AwsRequest(handler.spec(), record.operation(), record.accountId(), record.region(),
                    "replay-" + record.seq(), tree, record.caller());
            handler.invoke(op, new Call(request, paramsOf(handler, tree), state, engine.clock(), true));
        };
    }

    private static Params paramsOf(ServiceHandler handler, ObjectNode tree) {
        return handler instanceof ParamErrors pe
                ? new Params(tree, pe::missingParameter, pe::invalidParameter)
                : new Params(tree, n -> AwsError.badRequest("MissingParameter", "The request must contain the parameter " + n),
                n -> AwsError.badRequest("InvalidParameterValue", "Invalid value for parameter " + n));
    }

    /**
     * An AWS-shaped error for a request refused before it could be decoded (by the HTTP layer: too large, too
     * slow, malformed), in the envelope its headers point to; logged like any other call.
     */
    public WireResponse refuse(Map<String, String> lowerCaseHeaders, AwsError error) {
        String requestId = requestId();
        ServiceSpec envelope = decoder.envelopeFor(lowerCaseHeaders);
        WireResponse answer = ProtocolCodec.of(envelope.protocol()).error(envelope, requestId, error);
        log.called(new CallRecord(requestId, envelope.signingName(), "-", "-", "-", answer.status(), error.code(), 0));
        return answer;
    }

    /**
     * A change refused, or not kept, because the journal could not be written: 503, which the SDKs and the CLI retry
     * a few times and then show with this message.
     */
    static AwsError journalStopped(String why) {
        return new AwsError("ServiceUnavailable", "ecsnet could not write its journal (" + why + ") and accepts no change until it is restarted;"
                + " the restart continues from the journal, without the change whose write failed. Reads still answer.", 503);
    }

    /**
     * A fresh request id, shaped as AWS's (a version 4 UUID). It names a call in logs and answers and guards nothing,
     * so it is drawn from the thread's own generator: {@code UUID.randomUUID} takes every worker through one lock
     * on the system's secure random source.
     */
    static String requestId() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        long high = (r.nextLong() & ~0xF000L) | 0x4000L;
        long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** AWS's read operations by their names' verbs; every other operation may change state. */
    static boolean isRead(String operation) {
        return operation.startsWith("Describe") || operation.startsWith("List") || operation.startsWith("Get")
                || operation.startsWith("Discover") || operation.startsWith("Search");
    }

    private void logged(AwsRequest request, WireResponse answer, String errorCode, long started) {
        log.called(new CallRecord(request.requestId(), request.service().signingName(), request.operation(), request.accountId(),
                request.region(), answer.status(), errorCode, millisSince(started)));
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
