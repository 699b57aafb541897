package dev.ecsnet.app.cli;

import dev.ecsnet.app.server.EcsnetServer;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.engine.Engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * What {@code bin/ecsnet} runs once, under {@code -XX:ArchiveClassesAtExit}, to build the class-data-sharing archive
 * later starts load from: a server on a free loopback port answers health and one call of each service, then the
 * JVM exits and writes the classes it loaded. Not a user command; it changes nothing outside its own process.
 */
public final class CdsTraining {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/%s/aws4_request, SignedHeaders=host, Signature=0";

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        EcsnetCommand.commandLine();
        try (EcsnetServer server = new EcsnetServer(new Engine(Instant::now, 1, TimingProfile.INSTANT, EgressPolicy.ENFORCE), "127.0.0.1", 0).start()) {
            String base = "http://127.0.0.1:" + server.port();
            call(base + "/_ecsnet/health", null, Map.of());
            call(base + "/", "Action=DescribeVpcs&Version=2016-11-15", Map.of("Authorization", AUTH.formatted("ec2")));
            call(base + "/", "Action=DescribeSubnets&Version=2016-11-15", Map.of("Authorization", AUTH.formatted("ec2")));
            call(base + "/", "Action=GetCallerIdentity&Version=2011-06-15", Map.of("Authorization", AUTH.formatted("sts")));
            call(base + "/", "Action=ListRoles&Version=2010-05-08", Map.of("Authorization", AUTH.formatted("iam")));
            call(base + "/", "Action=DescribeLoadBalancers&Version=2015-12-01", Map.of("Authorization", AUTH.formatted("elasticloadbalancing")));
            json(base, "ecs", "AmazonEC2ContainerServiceV20141113.ListClusters");
            json(base, "logs", "Logs_20140328.DescribeLogGroups");
            json(base, "servicediscovery", "Route53AutoNaming_v20170314.ListNamespaces");
        }
        System.exit(0);
    }

    private static void json(String base, String service, String target) throws IOException {
        call(base + "/", "{}", Map.of("Authorization", AUTH.formatted(service), "X-Amz-Target", target, "Content-Type", "application/x-amz-json-1.1"));
    }

    private static void call(String url, String body, Map<String, String> headers) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        headers.forEach(c::setRequestProperty);
        if (body != null) {
            c.setDoOutput(true);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        try (InputStream in = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
    }
}
