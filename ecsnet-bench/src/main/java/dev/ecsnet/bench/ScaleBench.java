package dev.ecsnet.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads against a growing state: a VPC of SUBNETS /24 subnets (over four /16 blocks), Fargate tasks added by RunTask
 * (count 10, 16 subnets per call) until each stage's total, and at each stage the p50/p99 of single reads on one
 * connection, the time of paging through every task with ListTasks, and the server's heap after a full GC
 * ({@code jcmd PID GC.run}). Run by {@code bench/scale.sh}, which starts the server; talks only to 127.0.0.1.
 *
 * <p>Usage: {@code ScaleBench BASE_URL SERVER_PID SUBNETS STAGES SAMPLES} (e.g. {@code http://127.0.0.1:4762 1234 1000
 * 1000,10000,100000 300}).
 */
public final class ScaleBench {
    private static final String EC2_AUTH = auth("ec2");
    private static final String ECS_AUTH = auth("ecs");
    private static final String ECS = "AmazonEC2ContainerServiceV20141113.";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;
    private final Random random = new Random(13); // the benchmark's own choice of samples, not the server's state
    private final List<String> subnets = new ArrayList<>();
    private final List<String> taskArns = new ArrayList<>();

    private ScaleBench(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: ScaleBench BASE_URL SERVER_PID SUBNETS STAGES SAMPLES");
            System.exit(2);
        }
        ScaleBench b = new ScaleBench(URI.create(args[0]));
        long pid = Long.parseLong(args[1]);
        int subnetCount = Integer.parseInt(args[2]);
        int[] stages = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
        int samples = Integer.parseInt(args[4]);
        b.fixtures(subnetCount);
        System.out.printf(Locale.ROOT, "subnets=%d samples=%d heap_after_gc_fixtures=%s%n", subnetCount, samples, heapAfterGc(pid));
        int tasks = 0;
        for (int stage : stages) {
            long t0 = System.nanoTime();
            tasks = b.runTasksUntil(tasks, stage);
            double fillS = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "== tasks=%d (filled in %.1f s) heap_after_gc=%s%n", tasks, fillS, heapAfterGc(pid));
            b.reads(samples);
        }
    }

    private void fixtures(int subnetCount) throws Exception {
        ec2("Action=CreateVpc&CidrBlock=10.0.0.0%2F16");
        String vpc = first(ec2("Action=DescribeVpcs&Filter.1.Name=cidr&Filter.1.Value.1=10.0.0.0%2F16"), "vpcId");
        for (int block = 1; block * 256 < subnetCount; block++) {
            ec2("Action=AssociateVpcCidrBlock&VpcId=" + vpc + "&CidrBlock=10." + block + ".0.0%2F16");
        }
        String[] zones = {"us-east-1a", "us-east-1b", "us-east-1c"};
        for (int i = 0; i < subnetCount; i++) {
            String body = ec2("Action=CreateSubnet&VpcId=" + vpc + "&CidrBlock=10." + (i / 256) + "." + (i % 256)
                    + ".0%2F24&AvailabilityZone=" + zones[i % 3]
                    + "&TagSpecification.1.ResourceType=subnet&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=scale-" + i);
            subnets.add(first(body, "subnetId"));
        }
        ecs("RegisterTaskDefinition", "{\"family\":\"scale\",\"networkMode\":\"awsvpc\",\"requiresCompatibilities\":[\"FARGATE\"],"
                + "\"cpu\":\"256\",\"memory\":\"512\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"nginx\",\"essential\":true}]}");
        ecs("CreateCluster", "{\"clusterName\":\"scale\"}");
    }

    /** RunTask count 10 over a window of 16 subnets that moves on each call; 4 calls in flight. */
    private int runTasksUntil(int have, int target) throws Exception {
        int calls = (target - have + 9) / 10;
        AtomicInteger next = new AtomicInteger();
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        List<String> arns = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < 4; w++) {
            workers.add(CompletableFuture.runAsync(() -> {
                for (int c = next.getAndIncrement(); c < calls; c = next.getAndIncrement()) {
                    int from = (have / 10 + c) * 16 % subnets.size();
                    String window = java.util.stream.IntStream.range(0, 16)
                            .mapToObj(k -> "\"" + subnets.get((from + k) % subnets.size()) + "\"").collect(Collectors.joining(","));
                    String answer = uncheckedEcs("RunTask", "{\"cluster\":\"scale\",\"taskDefinition\":\"scale\",\"count\":10,"
                            + "\"launchType\":\"FARGATE\",\"networkConfiguration\":{\"awsvpcConfiguration\":{\"subnets\":[" + window + "]}}}");
                    Matcher m = Pattern.compile("\"taskArn\":\"([^\"]+)\"").matcher(answer);
                    while (m.find()) {
                        arns.add(m.group(1));
                    }
                }
            }));
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
        taskArns.addAll(arns);
        return have + calls * 10;
    }

    private void reads(int samples) throws Exception {
        // the first 50 ENIs, wherever placement put them (with 4 RunTasks in flight, it may leave any one subnet empty)
        String first50 = ec2("Action=DescribeNetworkInterfaces&MaxResults=50");
        List<String> enis = all(first50, "networkInterfaceId");
        List<String> ips = all(first50, "privateIpAddress");
        List<String> someEnis = enis.subList(0, Math.min(5, enis.size()));
        StringBuilder tagged = new StringBuilder("Action=CreateTags&Tag.1.Key=team&Tag.1.Value=a");
        for (int i = 0; i < someEnis.size(); i++) {
            tagged.append("&ResourceId.").append(i + 1).append('=').append(someEnis.get(i));
        }
        ec2(tagged.toString());
        measure("DescribeSubnets(tag:Name)", samples, () -> ec2q("Action=DescribeSubnets&Filter.1.Name=tag:Name&Filter.1.Value.1=scale-"
                + random.nextInt(subnets.size())));
        measure("DescribeNetworkInterfaces(tag:team)", samples, () -> ec2q(
                "Action=DescribeNetworkInterfaces&Filter.1.Name=tag:team&Filter.1.Value.1=a"));
        measure("DescribeSubnets(subnet-id)", samples, () -> ec2q("Action=DescribeSubnets&Filter.1.Name=subnet-id&Filter.1.Value.1=" + any(subnets)));
        measure("DescribeNetworkInterfaces(network-interface-id)", samples, () -> ec2q(
                "Action=DescribeNetworkInterfaces&Filter.1.Name=network-interface-id&Filter.1.Value.1=" + any(enis)));
        measure("DescribeNetworkInterfaces(private-ip-address)", samples, () -> ec2q(
                "Action=DescribeNetworkInterfaces&Filter.1.Name=private-ip-address&Filter.1.Value.1=" + any(ips)));
        measure("DescribeNetworkInterfaces(subnet-id,max 5)", samples, () -> ec2q(
                "Action=DescribeNetworkInterfaces&MaxResults=5&Filter.1.Name=subnet-id&Filter.1.Value.1=" + any(subnets)));
        measure("DescribeTasks(10)", samples, () -> {
            List<String> ten = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ten.add("\"" + any(taskArns) + "\"");
            }
            return uncheckedEcs("DescribeTasks", "{\"cluster\":\"scale\",\"tasks\":[" + String.join(",", ten) + "]}");
        });
        measure("ListTasks(first page)", samples, () -> uncheckedEcs("ListTasks", "{\"cluster\":\"scale\"}"));
        measure("DescribeClusters", samples, () -> uncheckedEcs("DescribeClusters", "{\"clusters\":[\"scale\"]}"));
        long t0 = System.nanoTime();
        int pages = 0;
        int listed = 0;
        String token = null;
        do {
            String answer = ecs("ListTasks", "{\"cluster\":\"scale\"" + (token == null ? "" : ",\"nextToken\":\"" + token + "\"") + "}");
            listed += all(answer, "arn:aws:ecs:[^\"]*").size();
            token = jsonString(answer, "nextToken");
            pages++;
        } while (token != null);
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf(Locale.ROOT, "%-50s pages=%d tasks=%d total=%.0f ms per_page=%.3f ms%n", "ListTasks(all pages)",
                pages, listed, ms, ms / pages);
    }

    private void measure(String name, int samples, Supplier<String> call) {
        for (int i = 0; i < samples; i++) {
            call.get(); // warm-up
        }
        long[] ns = new long[samples];
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            call.get();
            ns[i] = System.nanoTime() - t0;
        }
        Arrays.sort(ns);
        System.out.printf(Locale.ROOT, "%-50s p50=%.3f ms p99=%.3f ms%n", name, ns[samples / 2] / 1e6,
                ns[Math.min(samples - 1, (int) Math.ceil(samples * 0.99) - 1)] / 1e6);
    }

    private String any(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private String ec2(String form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base).header("Authorization", EC2_AUTH)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&Version=2016-11-15")).build());
    }

    private String ec2q(String form) {
        try {
            return ec2(form);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String ecs(String operation, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base).header("Authorization", ECS_AUTH)
                .header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", ECS + operation)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private String uncheckedEcs(String operation, String json) {
        try {
            return ecs(operation, json);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String first(String xml, String element) {
        List<String> all = all(xml, element);
        if (all.isEmpty()) {
            throw new IllegalStateException("no <" + element + "> in " + xml);
        }
        return all.get(0);
    }

    /** The texts of an XML element, or (for a pattern of ARNs) the matches themselves. */
    private static List<String> all(String body, String element) {
        Matcher m = element.startsWith("arn:")
                ? Pattern.compile("\"(" + element + ")\"").matcher(body)
                : Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(body);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String jsonString(String json, String member) {
        Matcher m = Pattern.compile("\"" + member + "\":\"([^\"]+)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static String auth(String service) {
        return "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/" + service + "/aws4_request, SignedHeaders=host, Signature=0";
    }

    /** Heap in use after a full GC of the server, from {@code jcmd}. */
    private static String heapAfterGc(long pid) throws IOException, InterruptedException {
        run("jcmd", String.valueOf(pid), "GC.run");
        String info = run("jcmd", String.valueOf(pid), "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        return m.find() ? (Long.parseLong(m.group(1)) / 1024) + " MB" : "?";
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
