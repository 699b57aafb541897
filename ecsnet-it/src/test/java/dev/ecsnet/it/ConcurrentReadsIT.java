package dev.ecsnet.it;

import dev.ecsnet.api.ec2.Ec2Handler;
import dev.ecsnet.api.ecs.EcsHandler;
import dev.ecsnet.api.elbv2.Elbv2Handler;
import dev.ecsnet.api.servicediscovery.ServiceDiscoveryHandler;
import dev.ecsnet.engine.EngineSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagDescription;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.SchedulingStrategy;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.servicediscovery.ServiceDiscoveryClient;
import software.amazon.awssdk.services.servicediscovery.model.HealthStatusFilter;
import software.amazon.awssdk.services.servicediscovery.model.HttpInstanceSummary;
import software.amazon.awssdk.services.servicediscovery.model.InstanceSummary;
import software.amazon.awssdk.services.servicediscovery.model.Namespace;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads registered with {@code OperationTable.registerRead} beyond the first eight (ECS services, task
 * definitions and container instances; EC2 security groups and their rules, route tables, instances and tags; ELBv2
 * target health, target groups and load balancers; Cloud Map's DiscoverInstances and ListInstances): they are
 * registered as reads, a burst of them with every kind of parameter leaves the whole engine state as it was (a
 * target done draining, a listener's default rule and a DAEMON service included), and SDK clients polling them while
 * others write (service scaling on the moving manual clock, paired tags, rules, route tables, task definition
 * revisions, targets, Cloud Map instances) get no 5xx but throttling and answers that are each one state: a pair
 * of tags or attributes written in one call is seen whole, no target or rule twice, revisions without gaps and never
 * going back for one client.
 */
class ConcurrentReadsIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private static final int SECONDS = Integer.getInteger("ecsnet.reads.seconds", 8);
    private static final int CLIENTS = Integer.getInteger("ecsnet.reads.clients", 6);

    private ElasticLoadBalancingV2Client elb;
    private ServiceDiscoveryClient sd;
    private Stack stack;

    private final CallTally tally = new CallTally();
    private final List<String> broken = new CopyOnWriteArrayList<>();

    /** What the fixture made: one of each resource the reads are polled for. */
    private record Stack(String vpc, String privateA, String taskSg, String scratchSg, String lb, String listener, String serviceTg,
                         String scratchTg, String serviceArn, String registryId, String scratchRegistryId, String instanceId) {
    }

    @BeforeEach
    void clients() {
        elb = ecsnet.configure(ElasticLoadBalancingV2Client.builder()).build();
        sd = ServiceDiscoveryIT.client(ecsnet);
    }

    @AfterEach
    void close() {
        elb.close();
        sd.close();
    }

    @Test
    void theReadsAreRegisteredAsReads() {
        List<String> ecs = List.of("DescribeServices", "ListServices", "DescribeTaskDefinition", "ListTaskDefinitions",
                "DescribeContainerInstances", "ListContainerInstances", "DescribeTasks", "ListTasks", "DescribeClusters", "ListClusters");
        List<String> ec2 = List.of("DescribeSecurityGroups", "DescribeSecurityGroupRules", "DescribeRouteTables", "DescribeInstances",
                "DescribeTags", "DescribeSubnets", "DescribeVpcs", "DescribeNetworkInterfaces", "DescribeAvailabilityZones");
        List<String> elbv2 = List.of("DescribeTargetHealth", "DescribeTargetGroups", "DescribeLoadBalancers");
        List<String> cloudMap = List.of("DiscoverInstances", "ListInstances");
        EcsHandler e = new EcsHandler();
        Ec2Handler x = new Ec2Handler();
        Elbv2Handler l = new Elbv2Handler();
        ServiceDiscoveryHandler s = new ServiceDiscoveryHandler();
        assertThat(ecs).allSatisfy(op -> assertThat(e.operations().onlyReads(op)).as(op).isTrue());
        assertThat(ec2).allSatisfy(op -> assertThat(x.operations().onlyReads(op)).as(op).isTrue());
        assertThat(elbv2).allSatisfy(op -> assertThat(l.operations().onlyReads(op)).as(op).isTrue());
        assertThat(cloudMap).allSatisfy(op -> assertThat(s.operations().onlyReads(op)).as(op).isTrue());
    }

    @Test
    void aBurstOfTheReadsChangesNothing() {
        stack = build();
        // a target done draining stays in its group until the group's next change: a read must not drop it (no ECS
        // service watches this group, so nothing else reads its health before the reads below)
        String drainTg = elb.createTargetGroup(r -> r.name("reads-drain").protocol("HTTP").port(8080).vpcId(stack.vpc()).targetType("ip"))
                .targetGroups().get(0).targetGroupArn();
        elb.createListener(r -> r.loadBalancerArn(stack.lb()).port(8081).protocol("HTTP")
                .defaultActions(a -> a.type("forward").targetGroupArn(drainTg)));
        elb.registerTargets(r -> r.targetGroupArn(drainTg).targets(t -> t.id("10.0.1.250"), t -> t.id("10.0.1.251")));
        elb.deregisterTargets(r -> r.targetGroupArn(drainTg).targets(t -> t.id("10.0.1.250")));
        ecsnet.advance(Duration.ofSeconds(30));
        // a DAEMON service's desired count is worked out from the container instances on every describe
        ecsnet.ecs().registerTaskDefinition(r -> r.family("agent").networkMode(NetworkMode.BRIDGE).requiresCompatibilities(Compatibility.EC2)
                .containerDefinitions(c -> c.name("agent").image("fluent-bit").memory(128)));
        ecsnet.ecs().createService(r -> r.cluster("reads").serviceName("agent").taskDefinition("agent")
                .schedulingStrategy(SchedulingStrategy.DAEMON));
        ecsnet.advance(Duration.ofSeconds(30));
        String defaultRule = elb.describeRules(r -> r.listenerArn(stack.listener())).rules().stream().filter(x -> x.isDefault())
                .findFirst().orElseThrow().ruleArn();

        EngineSnapshot before = ecsnet.engine().snapshot();
        try (Ec2Client ec2 = ecsnet.configure(Ec2Client.builder()).build(); EcsClient ecs = ecsnet.configure(EcsClient.builder()).build()) {
            for (int round = 0; round < 2; round++) {
                everyRead(ec2, ecs, defaultRule, drainTg);
            }
        }
        assertThat(ecsnet.engine().snapshot()).as("the state after the reads").isEqualTo(before);
        assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(drainTg)).targetHealthDescriptions())
                .extracting(h -> h.target().id()).containsExactly("10.0.1.251");
        assertThat(elb.describeTargetHealth(r -> r.targetGroupArn(drainTg).targets(t -> t.id("10.0.1.250")))
                .targetHealthDescriptions().get(0).targetHealth().reasonAsString()).isEqualTo("Target.NotRegistered");
    }

    /** Each registered read with the parameters that take it down its other paths, and a few refused ones. */
    private void everyRead(Ec2Client ec2, EcsClient ecs, String defaultRule, String drainTg) {
        ecs.describeServices(r -> r.cluster("reads").services("web-app", "agent", "missing").include(ServiceField.TAGS));
        ecs.listServices(r -> r.cluster("reads"));
        ecs.listServices(r -> r.cluster("reads").launchType(LaunchType.FARGATE).maxResults(1));
        ecs.listServices(r -> r.cluster("reads").schedulingStrategy(SchedulingStrategy.DAEMON));
        ecs.describeTaskDefinition(r -> r.taskDefinition("web"));
        ecs.describeTaskDefinition(r -> r.taskDefinition("web:1").include(TaskDefinitionField.TAGS));
        refused(() -> ecs.describeTaskDefinition(r -> r.taskDefinition("nothing:7")));
        ecs.listTaskDefinitions();
        String token = ecs.listTaskDefinitions(r -> r.sort(SortOrder.DESC).maxResults(1)).nextToken();
        ecs.listTaskDefinitions(r -> r.familyPrefix("web").nextToken(token));
        List<String> instances = ecs.listContainerInstances(r -> r.cluster("reads")).containerInstanceArns();
        ecs.listContainerInstances(r -> r.cluster("reads").status("DRAINING"));
        ecs.listContainerInstances(r -> r.cluster("reads").filter("attribute:ecs.instance-type == m5.large"));
        List<String> named = new ArrayList<>(instances);
        named.add("0123456789abcdef0123456789abcdef");
        ecs.describeContainerInstances(r -> r.cluster("reads").containerInstances(named).include(
                software.amazon.awssdk.services.ecs.model.ContainerInstanceField.TAGS));
        refused(() -> ecs.describeServices(r -> r.cluster("no-such-cluster").services("web-app")));

        ec2.describeSecurityGroups();
        ec2.describeSecurityGroups(r -> r.groupIds(stack.taskSg(), stack.scratchSg()));
        ec2.describeSecurityGroups(r -> r.filters(filter("tag:a", "1"), filter("vpc-id", stack.vpc())).maxResults(5));
        refused(() -> ec2.describeSecurityGroups(r -> r.groupIds("sg-0123456789abcdef0")));
        ec2.describeSecurityGroupRules(r -> { });
        ec2.describeSecurityGroupRules(r -> r.filters(filter("group-id", stack.taskSg())).maxResults(5));
        ec2.describeRouteTables();
        ec2.describeRouteTables(r -> r.filters(filter("vpc-id", stack.vpc()), filter("association.main", "true")).maxResults(5));
        ec2.describeInstances();
        ec2.describeInstances(r -> r.instanceIds(stack.instanceId()));
        ec2.describeInstances(r -> r.filters(filter("instance-state-name", "running"), filter("tag-key", "a")).maxResults(5));
        ec2.describeTags();
        ec2.describeTags(r -> r.filters(filter("resource-id", stack.vpc())).maxResults(5));

        elb.describeLoadBalancers();
        elb.describeLoadBalancers(r -> r.names("reads-alb"));
        elb.describeLoadBalancers(r -> r.loadBalancerArns(stack.lb()).pageSize(1));
        elb.describeTargetGroups();
        elb.describeTargetGroups(r -> r.loadBalancerArn(stack.lb()));
        elb.describeTargetGroups(r -> r.names("reads-tg", "reads-scratch"));
        elb.describeTargetHealth(r -> r.targetGroupArn(stack.serviceTg()));
        elb.describeTargetHealth(r -> r.targetGroupArn(stack.serviceTg()).targets(t -> t.id("10.0.1.250").port(8080), t -> t.id("10.0.1.251")));
        elb.describeTargetHealth(r -> r.targetGroupArn(stack.scratchTg()));
        elb.describeTargetHealth(r -> r.targetGroupArn(drainTg));
        elb.describeTargetHealth(r -> r.targetGroupArn(drainTg).targets(t -> t.id("10.0.1.250"), t -> t.id("10.0.1.251")));
        // not a registered read, but no read may change state: the default rule's tags are made on the first tag
        elb.describeTags(r -> r.resourceArns(defaultRule, stack.lb()));

        sd.listInstances(r -> r.serviceId(stack.registryId()));
        sd.listInstances(r -> r.serviceId(stack.scratchRegistryId()).maxResults(1));
        sd.discoverInstances(r -> r.namespaceName("reads.local").serviceName("web-app"));
        sd.discoverInstances(r -> r.namespaceName("reads.local").serviceName("web-app").healthStatus(HealthStatusFilter.ALL)
                .queryParameters(Map.of("ECS_CLUSTER_NAME", "reads")).optionalParameters(Map.of("AVAILABILITY_ZONE", "us-east-1a")));
        sd.discoverInstances(r -> r.namespaceName("reads.local").serviceName("scratch").healthStatus(HealthStatusFilter.HEALTHY_OR_ELSE_ALL)
                .maxResults(1));
    }

    private static void refused(Runnable call) {
        try {
            call.run();
        } catch (AwsServiceException expected) {
            assertThat(expected.statusCode()).isLessThan(500);
            return;
        }
        throw new AssertionError("the call was accepted");
    }

    private static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }

    @Test
    void clientsPollingTheReadsWhileOthersWriteSeeWholeStates() throws Exception {
        stack = build();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            long seed = i;
            workers.add(pool.submit(() -> work(new Random(seed), running)));
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        while (System.nanoTime() < end) {
            if (tally.completed.tryAcquire(25, 1, TimeUnit.SECONDS)) {
                ecsnet.advance(Duration.ofMillis(500));
            }
        }
        running.set(false);
        for (Future<?> w : workers) {
            w.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        int calls = tally.calls();
        System.out.println("ConcurrentReadsIT: " + CLIENTS + " clients, " + calls + " calls in " + SECONDS + " s; outcomes "
                + new java.util.TreeMap<>(tally.outcomes));
        assertThat(tally.serverErrors).as("5xx other than throttling").isEmpty();
        assertThat(broken).as("answers that were not one state").isEmpty();
        assertThat(calls).as("the clients got answers").isGreaterThan(CLIENTS * 10);
        for (String op : List.of("DescribeServices", "ListServices", "DescribeTaskDefinition", "ListTaskDefinitions",
                "DescribeContainerInstances", "ListContainerInstances", "DescribeSecurityGroups", "DescribeSecurityGroupRules",
                "DescribeRouteTables", "DescribeInstances", "DescribeTags", "DescribeTargetHealth", "DescribeTargetGroups",
                "DescribeLoadBalancers", "DiscoverInstances", "ListInstances")) {
            assertThat(tally.outcomes).as("%s answered", op).containsKey(op + " ok");
        }
    }

    /** One client: writes (a third of its calls) and reads, at random, each read checked for being one state. */
    private void work(Random random, AtomicBoolean running) {
        try (Ec2Client ec2 = ecsnet.configure(Ec2Client.builder()).build(); EcsClient ecs = ecsnet.configure(EcsClient.builder()).build()) {
            int[] lastRevision = {0};
            List<String> tables = new ArrayList<>();
            while (running.get()) {
                int pick = random.nextInt(27);
                String n = Integer.toString(random.nextInt(1000));
                int port = 20000 + random.nextInt(8);
                String ip = "10.0.1." + (200 + random.nextInt(8));
                String instance = "scratch-" + random.nextInt(6);
                switch (pick) {
                    // ---- writes
                    case 0 -> call("UpdateService", () -> ecs.updateService(r -> r.cluster("reads").service("web-app").desiredCount(1 + random.nextInt(3))));
                    case 1 -> call("CreateTags", () -> ec2.createTags(r -> r.resources(stack.vpc(), stack.scratchSg())
                            .tags(tag("a", n), tag("b", n))));
                    case 2 -> call("DeleteTags", () -> ec2.deleteTags(r -> r.resources(stack.vpc()).tags(tag("a", null), tag("b", null))));
                    case 3 -> call("AuthorizeSecurityGroupIngress", () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(stack.scratchSg())
                            .ipPermissions(cidrRule(port))));
                    case 4 -> call("RevokeSecurityGroupIngress", () -> ec2.revokeSecurityGroupIngress(r -> r.groupId(stack.scratchSg())
                            .ipPermissions(cidrRule(port))));
                    case 5 -> {
                        if (tables.size() < 3) {
                            call("CreateRouteTable", () -> tables.add(ec2.createRouteTable(r -> r.vpcId(stack.vpc())).routeTable().routeTableId()));
                        } else {
                            String t = tables.remove(0);
                            call("DeleteRouteTable", () -> ec2.deleteRouteTable(r -> r.routeTableId(t)));
                        }
                    }
                    case 6 -> call("RegisterTaskDefinition", () -> ecs.registerTaskDefinition(r -> r.family("scratch")
                            .containerDefinitions(c -> c.name("app").image("nginx:" + n).memory(128))));
                    case 7 -> call("RegisterTargets", () -> elb.registerTargets(r -> r.targetGroupArn(stack.scratchTg()).targets(t -> t.id(ip).port(80))));
                    case 8 -> call("DeregisterTargets", () -> elb.deregisterTargets(r -> r.targetGroupArn(stack.scratchTg()).targets(t -> t.id(ip).port(80))));
                    case 9 -> call("RegisterInstance", () -> sd.registerInstance(r -> r.serviceId(stack.scratchRegistryId()).instanceId(instance)
                            .attributes(Map.of("AWS_INSTANCE_IPV4", ip, "a", n, "b", n))));
                    case 10 -> call("DeregisterInstance", () -> sd.deregisterInstance(r -> r.serviceId(stack.scratchRegistryId()).instanceId(instance)));
                    // ---- reads
                    case 11 -> call("DescribeServices", () -> {
                        var answer = ecs.describeServices(r -> r.cluster("reads").services("web-app"));
                        check(answer.failures().isEmpty() && answer.services().size() == 1, "DescribeServices " + answer);
                        var s = answer.services().get(0);
                        check(!s.deployments().isEmpty() && s.desiredCount() >= 1 && s.desiredCount() <= 3
                                && s.deployments().get(0).desiredCount() == s.desiredCount(), "service " + s);
                    });
                    case 12 -> call("ListServices", () -> {
                        List<String> arns = ecs.listServices(r -> r.cluster("reads")).serviceArns();
                        check(arns.equals(List.of(stack.serviceArn())), "ListServices " + arns);
                    });
                    case 13 -> call("DescribeTaskDefinition", () -> {
                        int revision = ecs.describeTaskDefinition(r -> r.taskDefinition("scratch")).taskDefinition().revision();
                        check(revision >= lastRevision[0], "scratch revision " + revision + " after " + lastRevision[0]);
                        lastRevision[0] = revision;
                    });
                    case 14 -> call("ListTaskDefinitions", () -> {
                        List<String> arns = ecs.listTaskDefinitionsPaginator(r -> r.familyPrefix("scratch").maxResults(100))
                                .taskDefinitionArns().stream().toList();
                        for (int i = 0; i < arns.size(); i++) {
                            check(arns.get(i).endsWith("task-definition/scratch:" + (i + 1)), "revisions " + arns);
                        }
                    });
                    case 15 -> call("DescribeContainerInstances", () -> {
                        List<String> arns = ecs.listContainerInstances(r -> r.cluster("reads")).containerInstanceArns();
                        check(arns.size() == 1, "ListContainerInstances " + arns);
                        var ci = ecs.describeContainerInstances(r -> r.cluster("reads").containerInstances(arns)).containerInstances();
                        check(ci.size() == 1 && ci.get(0).status().equals("ACTIVE") && ci.get(0).ec2InstanceId().equals(stack.instanceId()),
                                "DescribeContainerInstances " + ci);
                    });
                    case 16 -> call("ListContainerInstances", () -> ecs.listContainerInstances(r -> r.cluster("reads").status("ACTIVE")));
                    case 17 -> call("DescribeSecurityGroups", () -> {
                        var g = ec2.describeSecurityGroups(r -> r.groupIds(stack.scratchSg())).securityGroups();
                        check(g.size() == 1, "DescribeSecurityGroups " + g);
                        checkPair(g.get(0).tags(), "security group " + stack.scratchSg());
                        Set<Integer> ports = new HashSet<>();
                        for (IpPermission p : g.get(0).ipPermissions()) {
                            check(ports.add(p.fromPort()) && p.ipRanges().size() == 1, "ingress " + g.get(0).ipPermissions());
                        }
                    });
                    case 18 -> call("DescribeSecurityGroupRules", () -> {
                        List<SecurityGroupRule> rules = ec2.describeSecurityGroupRules(r -> r.filters(filter("group-id", stack.scratchSg())))
                                .securityGroupRules();
                        Set<String> ids = new HashSet<>();
                        Set<String> ingress = new HashSet<>();
                        for (SecurityGroupRule rule : rules) {
                            check(ids.add(rule.securityGroupRuleId()), "rule twice " + rules);
                            check(rule.isEgress() || ingress.add(rule.fromPort() + "/" + rule.cidrIpv4()), "ingress twice " + rules);
                        }
                    });
                    case 19 -> call("DescribeRouteTables", () -> {
                        var all = ec2.describeRouteTables(r -> r.filters(filter("vpc-id", stack.vpc()))).routeTables();
                        Set<String> ids = new HashSet<>();
                        all.forEach(t -> check(ids.add(t.routeTableId()) && t.routes().stream().anyMatch(x -> "local".equals(x.gatewayId())),
                                "route table " + t));
                        check(all.stream().filter(t -> t.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main()))).count() == 1,
                                "one main table " + all);
                    });
                    case 20 -> call("DescribeInstances", () -> {
                        var found = ec2.describeInstances(r -> r.instanceIds(stack.instanceId())).reservations();
                        check(found.size() == 1 && found.get(0).instances().size() == 1
                                && found.get(0).instances().get(0).state().nameAsString().equals("running"), "DescribeInstances " + found);
                    });
                    case 21 -> call("DescribeTags", () -> {
                        List<TagDescription> tags = ec2.describeTags(r -> r.filters(filter("resource-id", stack.vpc()))).tags();
                        Map<String, String> byKey = new java.util.HashMap<>();
                        tags.forEach(t -> byKey.put(t.key(), t.value()));
                        check(byKey.size() == tags.size() && java.util.Objects.equals(byKey.get("a"), byKey.get("b")), "DescribeTags " + tags);
                    });
                    case 22 -> call("DescribeTargetHealth", () -> {
                        for (String tg : List.of(stack.serviceTg(), stack.scratchTg())) {
                            List<TargetHealthDescription> health = elb.describeTargetHealth(r -> r.targetGroupArn(tg)).targetHealthDescriptions();
                            Set<String> seen = new HashSet<>();
                            health.forEach(h -> check(seen.add(h.target().id() + ":" + h.target().port()), "target twice " + health));
                        }
                    });
                    case 23 -> call("DescribeTargetGroups", () -> {
                        var groups = elb.describeTargetGroups(r -> r.loadBalancerArn(stack.lb())).targetGroups();
                        check(groups.size() == 1 && groups.get(0).targetGroupArn().equals(stack.serviceTg()), "DescribeTargetGroups " + groups);
                        check(elb.describeTargetGroups().targetGroups().size() == 2, "two target groups");
                    });
                    case 24 -> call("DescribeLoadBalancers", () -> {
                        var lbs = elb.describeLoadBalancers().loadBalancers();
                        check(lbs.size() == 1 && lbs.get(0).loadBalancerArn().equals(stack.lb()), "DescribeLoadBalancers " + lbs);
                    });
                    case 25 -> call("DiscoverInstances", () -> {
                        List<HttpInstanceSummary> found = sd.discoverInstances(r -> r.namespaceName("reads.local").serviceName("scratch")
                                .healthStatus(HealthStatusFilter.ALL)).instances();
                        Set<String> ids = new HashSet<>();
                        found.forEach(i -> check(ids.add(i.instanceId()) && i.attributes().get("a").equals(i.attributes().get("b")),
                                "DiscoverInstances " + found));
                    });
                    default -> call("ListInstances", () -> {
                        List<InstanceSummary> listed = sd.listInstances(r -> r.serviceId(stack.scratchRegistryId())).instances();
                        Set<String> ids = new HashSet<>();
                        listed.forEach(i -> check(ids.add(i.id()) && i.attributes().get("a").equals(i.attributes().get("b")),
                                "ListInstances " + listed));
                        sd.listInstances(r -> r.serviceId(stack.registryId()));
                    });
                }
            }
        }
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static IpPermission cidrRule(int port) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port).ipRanges(x -> x.cidrIp("10.9.0.0/16")).build();
    }

    private void checkPair(List<Tag> tags, String what) {
        Map<String, String> byKey = new java.util.HashMap<>();
        tags.forEach(t -> byKey.put(t.key(), t.value()));
        check(java.util.Objects.equals(byKey.get("a"), byKey.get("b")), what + " tags " + tags);
    }

    private void check(boolean holds, String what) {
        if (!holds) {
            broken.add(what);
        }
    }

    private void call(String operation, Runnable call) {
        tally.call(operation, call);
    }

    /**
     * A VPC with an ALB forwarding to a Fargate service of two tasks (in Cloud Map too), a scratch target group and
     * Cloud Map service, a scratch security group, a container instance on an EC2 instance and a scratch task
     * definition, on a steady state.
     */
    private Stack build() {
        Ec2Client ec2 = ecsnet.ec2();
        NetFixture net = new NetFixture(ec2);
        String vpc = net.vpc("10.0.0.0/16");
        net.attachedIgw(vpc);
        String publicA = net.subnet(vpc, "10.0.101.0/24", "us-east-1a");
        String publicB = net.subnet(vpc, "10.0.102.0/24", "us-east-1b");
        String privateA = net.subnet(vpc, "10.0.1.0/24", "us-east-1a");
        String privateB = net.subnet(vpc, "10.0.2.0/24", "us-east-1b");
        String albSg = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("alb").description("alb")).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(albSg).ipPermissions(p -> p.ipProtocol("tcp").fromPort(80).toPort(80)
                .ipRanges(x -> x.cidrIp("0.0.0.0/0"))));
        String taskSg = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("task").description("task")).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(taskSg).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(8080)
                .toPort(8080).userIdGroupPairs(UserIdGroupPair.builder().groupId(albSg).build()).build()));
        String scratchSg = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("scratch").description("scratch")
                .tagSpecifications(t -> t.resourceType("security-group").tags(tag("a", "1"), tag("b", "1")))).groupId();

        String lb = elb.createLoadBalancer(r -> r.name("reads-alb").subnets(publicA, publicB).securityGroups(albSg))
                .loadBalancers().get(0).loadBalancerArn();
        String serviceTg = elb.createTargetGroup(r -> r.name("reads-tg").protocol("HTTP").port(8080).vpcId(vpc).targetType("ip"))
                .targetGroups().get(0).targetGroupArn();
        String scratchTg = elb.createTargetGroup(r -> r.name("reads-scratch").protocol("HTTP").port(80).vpcId(vpc).targetType("ip"))
                .targetGroups().get(0).targetGroupArn();
        String listener = elb.createListener(r -> r.loadBalancerArn(lb).port(80).protocol("HTTP")
                .defaultActions(a -> a.type("forward").targetGroupArn(serviceTg))).listeners().get(0).listenerArn();

        Namespace ns = ServiceDiscoveryIT.privateNamespace(sd, vpc, "reads.local");
        String registry = sd.createService(r -> r.name("web-app").namespaceId(ns.id())
                .dnsConfig(d -> d.namespaceId(ns.id()).routingPolicy("MULTIVALUE").dnsRecords(x -> x.type("A").ttl(10L)))
                .healthCheckCustomConfig(h -> h.failureThreshold(1))).service().arn();
        String scratchRegistry = sd.createService(r -> r.name("scratch").namespaceId(ns.id())
                .dnsConfig(d -> d.namespaceId(ns.id()).routingPolicy("MULTIVALUE").dnsRecords(x -> x.type("A").ttl(10L)))).service().id();
        sd.registerInstance(r -> r.serviceId(scratchRegistry).instanceId("scratch-0").attributes(Map.of("AWS_INSTANCE_IPV4", "10.0.1.200",
                "a", "1", "b", "1")));

        EcsClient ecs = ecsnet.ecs();
        ecs.createCluster(r -> r.clusterName("reads"));
        ecs.registerTaskDefinition(r -> r.family("web").networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE)
                .cpu("256").memory("512").containerDefinitions(c -> c.name("app").image("nginx").portMappings(p -> p.containerPort(8080))));
        ecs.registerTaskDefinition(r -> r.family("scratch").containerDefinitions(c -> c.name("app").image("nginx").memory(128)));
        String serviceArn = ecs.createService(r -> r.cluster("reads").serviceName("web-app").taskDefinition("web").desiredCount(2)
                .launchType(LaunchType.FARGATE).healthCheckGracePeriodSeconds(10)
                .loadBalancers(l -> l.targetGroupArn(serviceTg).containerName("app").containerPort(8080))
                .serviceRegistries(x -> x.registryArn(registry))
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(privateA, privateB).securityGroups(taskSg)))).service().serviceArn();

        String ami = ec2.describeImages(r -> r.filters(filter("name", "amzn2-ami-ecs-hvm-*-x86_64-ebs"))).images().get(0).imageId();
        String userData = Base64.getEncoder().encodeToString("ECS_CLUSTER=reads".getBytes(StandardCharsets.UTF_8));
        String instanceId = ec2.runInstances(r -> r.imageId(ami).instanceType(InstanceType.M5_LARGE).minCount(1).maxCount(1)
                .subnetId(privateA).userData(userData).tagSpecifications(t -> t.resourceType("instance").tags(tag("a", "1"))))
                .instances().get(0).instanceId();
        // not settle(): the service behind the load balancer watches its targets for good
        ecsnet.advance(Duration.ofSeconds(60));
        return new Stack(vpc, privateA, taskSg, scratchSg, lb, listener, serviceTg, scratchTg, serviceArn,
                registry.substring(registry.lastIndexOf('/') + 1), scratchRegistry, instanceId);
    }
}
