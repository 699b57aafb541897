package dev.ecsnet.app.server;

import dev.ecsnet.api.Dispatcher;
import dev.ecsnet.protocol.HttpExchange;
import dev.ecsnet.protocol.WireResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The only class that knows Jetty: turns a Jetty request into an {@link HttpExchange}, hands {@code /_ecsnet/*} to
 * the {@link AdminApi} and everything else to the AWS {@link Dispatcher}, and writes the answer back.
 */
final class FrontDoor extends Handler.Abstract {
    private final Dispatcher dispatcher;
    private final AdminApi admin;

    FrontDoor(Dispatcher dispatcher, AdminApi admin) {
        this.dispatcher = dispatcher;
        this.admin = admin;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Map<String, String> headers = new HashMap<>();
        for (HttpField f : request.getHeaders()) {
            headers.merge(f.getName().toLowerCase(Locale.ROOT), f.getValue(), (a, b) -> a + "," + b);
        }
        byte[] body = Content.Source.asInputStream(request).readAllBytes();
        String path = request.getHttpURI().getPath();
        HttpExchange exchange = new HttpExchange(request.getMethod(), path == null ? "/" : path,
                request.getHttpURI().getQuery(), headers, body);
        WireResponse answer = path != null && path.startsWith(AdminApi.PREFIX) ? admin.handle(exchange) : dispatcher.dispatch(exchange);
        response.setStatus(answer.status());
        response.getHeaders().put("Content-Type", answer.contentType());
        answer.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
        return true;
    }
}
