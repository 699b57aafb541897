package dev.ecsnet.bench;

import dev.ecsnet.api.Dispatcher;
import dev.ecsnet.api.Services;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.protocol.HttpExchange;
import dev.ecsnet.protocol.WireResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One answer through ecsnet's own code, without HTTP: {@link Dispatcher#dispatch} decodes the request, runs the
 * operation (a read beside the engine, or a call on it) and encodes the answer, on the fixtures of
 * {@code bench/limit.sh} (the default VPC's 6 subnets and one /16 with 20 Fargate tasks). It is the part of a
 * {@code limit.sh} answer that is ecsnet's and not Jetty's, measured where the host's noise does not swamp it:
 * compare two builds by running this benchmark in each, one after the other.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class DispatchBenchmark {
    private static final String EC2 = "application/x-www-form-urlencoded; charset=utf-8";
    private static final String JSON = "application/x-amz-json-1.1";

    private Engine engine;
    private Dispatcher dispatcher;
    private HttpExchange describeSubnets;
    private HttpExchange describeNetworkInterfaces;
    private HttpExchange describeTasks;
    private HttpExchange listTasks;

    @Setup(Level.Trial)
    public void fixtures() {
        engine = new Engine(Instant::now, 1, TimingProfile.INSTANT, EgressPolicy.IGNORE);
        dispatcher = new Dispatcher(engine, Services.all());
        String vpc = field(ec2("Action=CreateVpc&CidrBlock=10.0.0.0%2F16"), "vpcId");
        String subnet = field(ec2("Action=CreateSubnet&VpcId=" + vpc + "&CidrBlock=10.0.0.0%2F16"), "subnetId");
        ecs("RegisterTaskDefinition", "{\"family\":\"bench\",\"networkMode\":\"awsvpc\",\"requiresCompatibilities\":[\"FARGATE\"],"
                + "\"cpu\":\"256\",\"memory\":\"512\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"nginx\",\"essential\":true}]}");
        ecs("CreateCluster", "{\"clusterName\":\"bench\"}");
        for (int i = 0; i < 2; i++) {
            ecs("RunTask", "{\"cluster\":\"bench\",\"taskDefinition\":\"bench\",\"count\":10,\"launchType\":\"FARGATE\","
                    + "\"networkConfiguration\":{\"awsvpcConfiguration\":{\"subnets\":[\"" + subnet + "\"]}}}");
        }
        String arns = ecs("ListTasks", "{\"cluster\":\"bench\",\"maxResults\":10}").replaceAll("(?s).*\"taskArns\":(\\[[^]]*]).*", "$1");
        describeSubnets = exchange("ec2", EC2, null, "Action=DescribeSubnets&Version=2016-11-15");
        describeNetworkInterfaces = exchange("ec2", EC2, null, "Action=DescribeNetworkInterfaces&Filter.1.Name=subnet-id&Filter.1.Value.1="
                + subnet + "&Version=2016-11-15");
        describeTasks = exchange("ecs", JSON, "DescribeTasks", "{\"cluster\":\"bench\",\"tasks\":" + arns + "}");
        listTasks = exchange("ecs", JSON, "ListTasks", "{\"cluster\":\"bench\"}");
        for (HttpExchange read : new HttpExchange[] {describeSubnets, describeNetworkInterfaces, describeTasks, listTasks}) {
            WireResponse answer = dispatcher.dispatch(read);
            if (answer.status() != 200) {
                throw new IllegalStateException("fixture read failed: " + answer.bodyText());
            }
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
    }

    @Benchmark
    public WireResponse describeSubnets() {
        return dispatcher.dispatch(describeSubnets);
    }

    @Benchmark
    public WireResponse describeNetworkInterfacesBySubnet() {
        return dispatcher.dispatch(describeNetworkInterfaces);
    }

    @Benchmark
    public WireResponse describeTasks10() {
        return dispatcher.dispatch(describeTasks);
    }

    @Benchmark
    public WireResponse listTasks() {
        return dispatcher.dispatch(listTasks);
    }

    private String ec2(String body) {
        return call(exchange("ec2", EC2, null, body + "&Version=2016-11-15"));
    }

    private String ecs(String operation, String json) {
        return call(exchange("ecs", JSON, operation, json));
    }

    private String call(HttpExchange request) {
        WireResponse answer = dispatcher.dispatch(request);
        if (answer.status() != 200) {
            throw new IllegalStateException("fixture call failed: " + answer.bodyText());
        }
        return answer.bodyText();
    }

    private static HttpExchange exchange(String service, String contentType, String target, String body) {
        Map<String, String> headers = target == null
                ? Map.of("content-type", contentType, "host", "127.0.0.1", "authorization", authorization(service))
                : Map.of("content-type", contentType, "host", "127.0.0.1", "authorization", authorization(service),
                        "x-amz-target", "AmazonEC2ContainerServiceV20141113." + target);
        return new HttpExchange("POST", "/", null, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The unsigned credential scope {@code bench/aws-curl.sh} sends: ecsnet reads the service and region from it. */
    private static String authorization(String service) {
        return "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/" + service + "/aws4_request, SignedHeaders=host, Signature=0";
    }

    private static String field(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + xml);
        }
        return m.group(1);
    }
}
