package dev.ecsnet.app.server;

import dev.ecsnet.api.Dispatcher;
import dev.ecsnet.api.Services;
import dev.ecsnet.engine.Engine;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The emulator as a running HTTP server: every AWS protocol and the admin API on one port. */
public final class EcsnetServer implements AutoCloseable {
    private final Engine engine;
    private final Server server;
    private final ServerConnector connector;

    public EcsnetServer(Engine engine, String host, int port) {
        this.engine = engine;
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("ecsnet-http");
        threads.setDaemon(true);
        this.server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        Dispatcher dispatcher = new Dispatcher(engine, Services.all());
        server.setHandler(new FrontDoor(dispatcher, new AdminApi(engine, dispatcher.serviceNames())));
    }

    public EcsnetServer start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the HTTP server on " + connector.getHost() + ":" + connector.getPort() + ": " + e.getMessage(), e);
        }
        return this;
    }

    public int port() {
        return connector.getLocalPort();
    }

    public Engine engine() {
        return engine;
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
