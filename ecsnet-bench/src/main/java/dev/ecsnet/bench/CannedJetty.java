package dev.ecsnet.bench;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The physical limit of ecsnet's HTTP stack: a bare Jetty 12 server, configured as ecsnet's (64 threads, no server
 * header), that reads each request body and answers canned bytes. {@code bench/limit.sh} saves ecsnet's own answers
 * as {@code DIR/NAME.body} with their content type in {@code DIR/NAME.type}; {@code POST /NAME} answers them.
 *
 * <p>Usage: {@code java -cp ecsnet-benchmarks.jar dev.ecsnet.bench.CannedJetty PORT DIR} (binds 127.0.0.1 only).
 */
public final class CannedJetty {
    private record Canned(String contentType, ByteBuffer body) {
    }

    private CannedJetty() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: CannedJetty PORT DIR");
            System.exit(2);
        }
        Map<String, Canned> answers = read(Path.of(args[1]));
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("canned-http");
        Server server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Content.Source.asByteBuffer(request); // read the body, as ecsnet must
                Canned c = answers.get(Request.getPathInContext(request).substring(1));
                if (c == null) {
                    Response.writeError(request, response, callback, 404);
                    return true;
                }
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, c.contentType());
                response.getHeaders().put("x-amzn-RequestId", "00000000-0000-4000-8000-000000000000");
                response.write(true, c.body().slice(), callback);
                return true;
            }
        });
        server.start();
        System.out.println("canned answers " + answers.keySet() + " on http://127.0.0.1:" + connector.getLocalPort());
        server.join();
    }

    private static Map<String, Canned> read(Path dir) throws IOException {
        Map<String, Canned> out = new HashMap<>();
        try (var files = Files.list(dir)) {
            for (Path body : files.filter(f -> f.getFileName().toString().endsWith(".body")).toList()) {
                String name = body.getFileName().toString().replaceFirst("\\.body$", "");
                String type = Files.readString(dir.resolve(name + ".type")).strip();
                out.put(name, new Canned(type, ByteBuffer.wrap(Files.readAllBytes(body)).asReadOnlyBuffer()));
            }
        }
        return out;
    }
}
