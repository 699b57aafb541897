package dev.ecsnet.app.server;

import dev.ecsnet.api.Authentication;
import dev.ecsnet.api.Dispatcher;
import dev.ecsnet.api.SignatureCheck;
import dev.ecsnet.api.Services;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.engine.CommandRunner;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.protocol.SigningKeys;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.BindException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The emulator as a running HTTP server: every AWS protocol and the admin API on one port. */
public final class EcsnetServer implements AutoCloseable {
    /** What {@code ecsnet serve} enforces unless told otherwise: AWS's own egress rules. */
    public static final EgressPolicy DEFAULT_EGRESS = EgressPolicy.ENFORCE;

    /**
     * Where to listen, which init scripts to run once listening, where the request log goes, and, when signatures
     * are verified, the configured keys (besides those IAM makes).
     */
    public record Settings(String host, int port, Optional<Path> initDir, RequestLog log, Optional<List<SigningKeys.AccessKey>> signingKeys) {
        public Settings(String host, int port, Optional<Path> initDir, RequestLog log) {
            this(host, port, initDir, log, Optional.empty());
        }

        public static Settings of(String host, int port) {
            return new Settings(host, port, Optional.empty(), RequestLog.OFF);
        }

        /** The same, with every AWS call's SigV4 signature verified against {@code keys} and IAM's. */
        public Settings verifyingSignatures(List<SigningKeys.AccessKey> keys) {
            return new Settings(host, port, initDir, log, Optional.of(List.copyOf(keys)));
        }
    }

    /** The server could not start; the message is one line a user can act on. */
    public static final class StartFailure extends RuntimeException {
        StartFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Engine engine;
    private final Server server;
    private final ServerConnector connector;
    private final Settings settings;
    private final InitScripts init;
    private final Dispatcher dispatcher;

    /**
     * Starts initializing, on a thread of its own, the Jetty classes that take longest to set up (the MIME type
     * tables, the server with its JMX-backed memory checks, the HTTP parser), so that it overlaps with the command
     * line being read and the engine being built: on two cores it takes a good part of start-up off the main thread.
     */
    public static void preloadInBackground() {
        Thread t = new Thread(() -> {
            for (String name : new String[] {"org.eclipse.jetty.http.MimeTypes", "org.eclipse.jetty.server.Server",
                "org.eclipse.jetty.server.ServerConnector", "org.eclipse.jetty.http.HttpParser", "org.eclipse.jetty.http.HttpGenerator",
                "org.eclipse.jetty.server.internal.HttpConnection"}) {
                try {
                    Class.forName(name, true, EcsnetServer.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    return; // only a head start: the main thread initializes whatever is left
                }
            }
        }, "ecsnet-preload");
        t.setDaemon(true);
        t.start();
    }

    public EcsnetServer(Engine engine, String host, int port) {
        this(engine, Settings.of(host, port));
    }

    public EcsnetServer(Engine engine, Settings settings) {
        this.engine = engine;
        this.settings = settings;
        SigningKeys.AccessKey scriptKey = settings.signingKeys().flatMap(keys -> keys.stream().findFirst()).orElse(SignatureCheck.DEFAULT_KEY);
        this.init = settings.initDir().map(dir -> InitScripts.of(dir, scriptKey)).orElseGet(InitScripts::none);
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("ecsnet-http");
        threads.setDaemon(true);
        this.server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setRequestHeaderSize(EdgeLimits.MAX_HEADER_BYTES);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(EdgeLimits.IDLE_TIMEOUT.toMillis());
        connector.addBean(new SlowClientGuard(connector.getScheduler()));
        server.addConnector(connector);
        engine.notices(settings.log()::notice);
        Authentication authentication = settings.signingKeys().<Authentication>map(keys -> new SignatureCheck(engine, keys))
                .orElse(Authentication.NONE);
        this.dispatcher = new Dispatcher(engine, Services.all(), settings.log(), authentication);
        server.setErrorHandler(new AwsErrorPages(dispatcher));
        server.setHandler(new FrontDoor(dispatcher, new AdminApi(engine, dispatcher.serviceNames(), this::port, init, dispatcher.replayer()),
                settings.signingKeys().isPresent()));
    }

    /** Starts listening, then runs the init scripts (if any) in the background. */
    public EcsnetServer start() {
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // already failing; the start failure is what the user needs to see
            }
            throw new StartFailure(startFailure(e), e);
        }
        String host = settings.host().equals("0.0.0.0") || settings.host().equals("::") ? "127.0.0.1" : settings.host();
        init.start("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port(), settings.log());
        return this;
    }

    private String startFailure(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String where = settings.host() + ":" + settings.port();
        if (root instanceof BindException b) {
            String m = String.valueOf(b.getMessage());
            if (m.contains("in use")) {
                return "port " + settings.port() + " on " + settings.host() + " is in use (try --port " + (settings.port() + 1) + ")";
            }
            if (m.contains("assign")) {
                return "cannot listen on " + settings.host() + ": it is not an address of this machine (try --host 127.0.0.1)";
            }
            return "cannot listen on " + where + ": " + m;
        }
        return "cannot listen on " + where + ": " + root.getMessage();
    }

    public int port() {
        return connector.getLocalPort();
    }

    public Engine engine() {
        return engine;
    }

    /** Runs journalled commands through this server's handlers ({@link Engine#replay}, {@link Engine#load}). */
    public CommandRunner replayer() {
        return dispatcher.replayer();
    }

    /** The init scripts' progress ({@code done} at once when there are none). */
    public InitScripts init() {
        return init;
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            engine.close();
        }
    }
}
