package dev.ecsnet.domain.elb;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.net.IpPermission;
import dev.ecsnet.domain.net.Ipv6Address;
import dev.ecsnet.domain.net.Ipv6Cidr;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.Subnet;
import dev.ecsnet.domain.net.Vpc;
import dev.ecsnet.domain.state.RegionTwin;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ELBv2 restored from its record, on AWS's own timing so that every step is seen mid-way: a load balancer still
 * provisioning, targets registering, in their initial checks, healthy, timing out and draining; listeners with
 * certificates, every action type and attributes; rules with every condition field; target groups with changed
 * health checks and stickiness; tags everywhere (a default rule's included); deleted resources. The twin must
 * answer as the original does at every later instant, and go on giving the same ARNs, DNS names and addresses.
 */
class ElbSnapshotTest {
    private static final String CERT = "arn:aws:acm:us-east-1:000000000000:certificate/11111111-2222-3333-4444-555555555555";
    private static final String CERT_2 = "arn:aws:acm:us-east-1:000000000000:certificate/22222222-2222-3333-4444-555555555555";
    private static final String CERT_3 = "arn:aws:iam::000000000000:server-certificate/legacy";

    /** What the original built, by name, so that both regions can be driven the same way after the twin is taken. */
    private record Built(String vpc, String subnetA, String subnetB, String subnetC, String albSg, String taskSg, String openSg,
                         String alb, String nlb, String blue, String green, String tcp, String lambda, String instances,
                         String http, String https, String tls, String hostRule, String authRule, String redirectRule,
                         String reachable, String late, String draining) {
    }

    private static IpPermission tcpFrom(int port, IpPermission.PeerKind kind, String peer) {
        return new IpPermission("tcp", port, port, List.of(new IpPermission.Peer(kind, peer, null)));
    }

    private static String eni(Network network, String subnet, String group) {
        return network.createNetworkInterface(new Network.EniRequest(subnet, "task", List.of(group), null, null, null, Map.of()))
                .privateIpAddress();
    }

    private static ListenerAction oidc(Integer order, String secret, Boolean useExisting) {
        return new ListenerAction(ListenerAction.AUTHENTICATE_OIDC, order, null, null, null, null, new ListenerAction.AuthenticateOidc(
                "https://idp.example.com", "https://idp.example.com/auth", "https://idp.example.com/token",
                "https://idp.example.com/userinfo", "client", secret, null, null, 600L, Map.of("prompt", "login", "display", "page"),
                "authenticate", useExisting), null);
    }

    private static ListenerAction cognito(Integer order) {
        return new ListenerAction(ListenerAction.AUTHENTICATE_COGNITO, order, null, null, null, null, null,
                new ListenerAction.AuthenticateCognito("arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_abc", "pool-client",
                        "auth.example.com", "cookie", "openid email", null, Map.of(), "deny"));
    }

    private static ListenerAction weighted(String blue, int blueWeight, String green, int greenWeight, Integer order, boolean sticky) {
        return new ListenerAction(ListenerAction.FORWARD, order, null, new ListenerAction.ForwardConfig(List.of(
                new ListenerAction.WeightedTargetGroup(blue, blueWeight), new ListenerAction.WeightedTargetGroup(green, greenWeight)),
                sticky ? new ListenerAction.Stickiness(true, 3600) : null), null, null, null, null);
    }

    private static ListenerAction fixed(Integer order, String status, String body) {
        return new ListenerAction(ListenerAction.FIXED_RESPONSE, order, null, null,
                new ListenerAction.FixedResponse(status, "text/plain", body), null, null, null);
    }

    private static ListenerAction redirect(String host) {
        return new ListenerAction(ListenerAction.REDIRECT, null, null, null, null,
                new ListenerAction.Redirect("HTTPS", "443", host, null, null, "HTTP_301"), null, null);
    }

    private static TargetGroups.Request group(String name, String protocol, Integer port, String vpc, String type, Map<String, String> tags) {
        return new TargetGroups.Request(name, protocol, null, port, vpc, type, null, null, null, null, null, null, null, null, null,
                null, null, tags);
    }

    private static Built build(RegionTwin t) {
        Network network = t.region.network();
        Elb elb = t.region.elb();
        Vpc vpc = network.createVpc("10.0.0.0/16", null, true, null, Map.of());
        t.advance(Duration.ofSeconds(30)); // the Amazon-provided IPv6 block associates on the clock
        Ipv6Cidr block = vpc.associatedIpv6Cidrs().get(0);
        String subnetA = network.createSubnet(vpc.id(), "10.0.101.0/24", new Ipv6Cidr(block.network(), 64).toString(), "us-east-1a",
                null, Map.of()).id();
        String subnetB = network.createSubnet(vpc.id(), "10.0.102.0/24",
                new Ipv6Cidr(new Ipv6Address(block.network().high() + 1, 0), 64).toString(), "us-east-1b", null, Map.of()).id();
        String subnetC = network.createSubnet(vpc.id(), "10.0.103.0/24", "us-east-1c", null, Map.of()).id();
        Subnet tasks = network.createSubnet(vpc.id(), "10.0.1.0/24", "us-east-1a", null, Map.of());
        t.advance(Duration.ofSeconds(30)); // and so do the subnets' /64s
        String albSg = network.createSecurityGroup(vpc.id(), "alb", "alb", Map.of()).id();
        String extraSg = network.createSecurityGroup(vpc.id(), "alb-extra", "alb extra", Map.of()).id();
        String taskSg = network.createSecurityGroup(vpc.id(), "task", "task", Map.of()).id();
        String closedSg = network.createSecurityGroup(vpc.id(), "closed", "closed", Map.of()).id();
        String openSg = network.createSecurityGroup(vpc.id(), "open", "open", Map.of()).id();
        network.authorize(taskSg, false, List.of(tcpFrom(8080, IpPermission.PeerKind.GROUP, albSg)));
        network.authorize(openSg, false, List.of(tcpFrom(8080, IpPermission.PeerKind.CIDR_IPV4, "10.0.0.0/16"),
                tcpFrom(9000, IpPermission.PeerKind.CIDR_IPV4, "10.0.0.0/16")));

        LoadBalancer alb = elb.createLoadBalancer(new Elb.Request("web", null, null,
                List.of(new Elb.SubnetMapping(subnetA, null), new Elb.SubnetMapping(subnetB, null)), List.of(albSg), null,
                Map.of("team", "web", "env", "dev")));
        elb.modifyLoadBalancerAttributes(alb.arn(), Map.of("idle_timeout.timeout_seconds", "120", "deletion_protection.enabled", "true"));
        elb.setSecurityGroups(alb.arn(), List.of(albSg, extraSg));
        elb.setIpAddressType(alb.arn(), "dualstack");
        LoadBalancer old = elb.createLoadBalancer(new Elb.Request("old", "network", null,
                List.of(new Elb.SubnetMapping(subnetC, null)), List.of(), null, Map.of()));
        elb.deleteLoadBalancer(old.arn());

        TargetGroup blue = elb.targetGroups().create(new TargetGroups.Request("blue", "HTTP", null, 8080, vpc.id(), "ip", null, null,
                null, null, "/health", 10, 5, 2, 3, "200-299", null, Map.of("color", "blue")));
        elb.targetGroups().modifyAttributes(blue.arn(), Map.of("deregistration_delay.timeout_seconds", "60"));
        TargetGroup green = elb.targetGroups().create(group("green", "HTTP", 8080, vpc.id(), "ip", Map.of()));
        elb.targetGroups().modifyAttributes(green.arn(), Map.of("stickiness.enabled", "true", "stickiness.type", "app_cookie",
                "stickiness.app_cookie.cookie_name", "SESSION"));
        elb.targetGroups().modify(green.arn(), null, "9000", null, "/ready", null, null, null, null, "200", null);
        TargetGroup tcp = elb.targetGroups().create(group("tcp", "TCP", 9000, vpc.id(), "ip", Map.of()));
        TargetGroup lambda = elb.targetGroups().create(group("fn", null, null, null, "lambda", Map.of()));
        TargetGroup instances = elb.targetGroups().create(group("hosts", "HTTP", 8080, vpc.id(), "instance", Map.of()));
        TargetGroup unused = elb.targetGroups().create(group("unused", "HTTP", 80, vpc.id(), "ip", Map.of()));
        elb.targetGroups().delete(elb.targetGroups().create(group("doomed", "HTTP", 80, vpc.id(), "ip", Map.of())).arn());

        Listener http = elb.listeners().create(alb.arn(), new Listeners.Request("HTTP", 80, null, List.of(), null,
                List.of(ListenerAction.forward(blue.arn())), Map.of("port", "80")));
        Listener https = elb.listeners().create(alb.arn(), new Listeners.Request("HTTPS", 443, "ELBSecurityPolicy-TLS13-1-2-2021-06",
                List.of(new Listeners.CertificateRequest(CERT, null)), null,
                List.of(weighted(blue.arn(), 80, green.arn(), 20, null, true)), Map.of()));
        elb.listeners().addCertificates(https.arn(), List.of(new Listeners.CertificateRequest(CERT_2, null),
                new Listeners.CertificateRequest(CERT_3, null)));
        elb.listeners().removeCertificates(https.arn(), List.of(new Listeners.CertificateRequest(CERT_2, null)));
        elb.listeners().modifyAttributes(https.arn(), Map.of("routing.http.response.server.enabled", "false",
                "routing.http.response.x_frame_options.header_value", "DENY"));
        Listener doomed = elb.listeners().create(alb.arn(), new Listeners.Request("HTTP", 8081, null, List.of(), null,
                List.of(fixed(null, "404", "gone")), Map.of()));
        elb.listeners().delete(doomed.arn());
        elb.listeners().create(alb.arn(), new Listeners.Request("HTTP", 82, null, List.of(), null,
                List.of(ListenerAction.forward(instances.arn())), Map.of()));
        elb.listeners().create(alb.arn(), new Listeners.Request("HTTP", 83, null, List.of(), null,
                List.of(ListenerAction.forward(lambda.arn())), Map.of()));

        ListenerRule hostRule = elb.listeners().createRule(http.arn(), 10, List.of(RuleCondition.of("host-header", List.of("api.example.com")),
                new RuleCondition("http-header", List.of("on"), "X-Canary", List.of(), List.of(), Set.of("HttpHeaderConfig"), false),
                new RuleCondition("query-string", List.of(), null, List.of(new RuleCondition.QueryString(null, "debug"),
                        new RuleCondition.QueryString("v", "2")), List.of(), Set.of("QueryStringConfig"), false)),
                List.of(ListenerAction.forward(green.arn())), Map.of("rule", "host"));
        ListenerRule redirectRule = elb.listeners().createRule(http.arn(), 20, List.of(
                new RuleCondition("path-pattern", List.of(), null, List.of(), List.of("/old/*"), Set.of(), false),
                RuleCondition.of("http-request-method", List.of("GET", "HEAD")), RuleCondition.of("source-ip", List.of("10.0.0.0/8"))),
                List.of(redirect("new.example.com")), Map.of());
        ListenerRule authRule = elb.listeners().createRule(https.arn(), 5, List.of(RuleCondition.of("path-pattern", List.of("/admin/*"))),
                List.of(oidc(1, "secret-1", null), weighted(blue.arn(), 1, green.arn(), 1, 2, false)), Map.of());
        ListenerRule cognitoRule = elb.listeners().createRule(https.arn(), 6, List.of(RuleCondition.of("path-pattern", List.of("/team/*"))),
                List.of(cognito(1), fixed(2, "200", "hello")), Map.of());
        elb.listeners().setRulePriorities(Map.of(cognitoRule.arn(), 7));
        elb.listeners().modifyRule(redirectRule.arn(), List.of(), List.of(redirect("newer.example.com")));
        ListenerRule gone = elb.listeners().createRule(http.arn(), 99, List.of(RuleCondition.of("path-pattern", List.of("/x"))),
                List.of(fixed(null, "503", "no")), Map.of());
        elb.listeners().deleteRule(gone.arn());
        elb.addTags(List.of(http.defaultRuleArn(), blue.arn()), Map.of("owner", "ops"));
        elb.addTags(List.of(hostRule.arn()), Map.of("extra", "1"));
        elb.removeTags(List.of(hostRule.arn()), List.of("rule"));

        String reachable = eni(network, tasks.id(), taskSg);
        String closed = eni(network, tasks.id(), closedSg);
        elb.targetGroups().registerTargets(blue.arn(), List.of(new TargetGroups.TargetRequest(reachable, null, null),
                new TargetGroups.TargetRequest(closed, null, null), new TargetGroups.TargetRequest("10.0.1.200", 8080, null),
                new TargetGroups.TargetRequest("192.168.5.5", 8080, "all")));
        String draining = eni(network, tasks.id(), taskSg);
        elb.targetGroups().register(blue.arn(), draining, 8080);
        elb.targetGroups().register(green.arn(), reachable, 8080);
        elb.targetGroups().register(unused.arn(), reachable, 80);
        elb.targetGroups().registerTargets(lambda.arn(), List.of(new TargetGroups.TargetRequest(
                "arn:aws:lambda:us-east-1:000000000000:function:fn", null, null)));
        String hostIp = eni(network, tasks.id(), openSg);
        String hostEni = network.networkInterfaces().stream().filter(n -> n.privateIpAddress().equals(hostIp)).findFirst().orElseThrow().id();
        network.attach(hostEni, "i-0123456789abcdef0", "000000000000", 0);
        elb.targetGroups().registerTargets(instances.arn(), List.of(new TargetGroups.TargetRequest("i-0123456789abcdef0", null, null),
                new TargetGroups.TargetRequest("i-0fedcba9876543210", null, null)));

        t.advance(Duration.ofSeconds(100));
        String late = eni(network, tasks.id(), taskSg);
        elb.targetGroups().register(blue.arn(), late, 8080);
        LoadBalancer nlb = elb.createLoadBalancer(new Elb.Request("tcp", "network", "internal",
                List.of(new Elb.SubnetMapping(subnetC, "10.0.103.50")), List.of(), null, Map.of()));
        elb.setSubnets(nlb.arn(), List.of(new Elb.SubnetMapping(subnetC, null), new Elb.SubnetMapping(subnetA, null)), null);
        Listener tls = elb.listeners().create(nlb.arn(), new Listeners.Request("TLS", 9443, null,
                List.of(new Listeners.CertificateRequest(CERT, null)), "HTTP2Preferred", List.of(ListenerAction.forward(tcp.arn())), Map.of()));
        elb.targetGroups().register(tcp.arn(), eni(network, tasks.id(), openSg), 9000);
        t.advance(Duration.ofSeconds(20));
        elb.targetGroups().deregister(blue.arn(), draining, 8080);
        t.advance(Duration.ofSeconds(5));
        return new Built(vpc.id(), subnetA, subnetB, subnetC, albSg, taskSg, openSg, alb.arn(), nlb.arn(), blue.arn(), green.arn(),
                tcp.arn(), lambda.arn(), instances.arn(), http.arn(), https.arn(), tls.arn(), hostRule.arn(), authRule.arn(),
                redirectRule.arn(), reachable, late, draining);
    }

    /** Everything a client can read back from ELB at this instant. */
    private static List<Object> answers(RegionTwin t) {
        Elb elb = t.region.elb();
        List<Object> out = new ArrayList<>();
        for (LoadBalancer lb : elb.loadBalancers()) {
            out.add(List.of(lb.arn(), lb.name(), lb.type(), lb.scheme(), lb.vpcId(), lb.dnsName(), lb.canonicalHostedZoneId(),
                    lb.createdTime(), lb.state(t.now()), lb.ipAddressType(), lb.nodes(), lb.securityGroups(),
                    new TreeMap<>(lb.attributes()), lb.tags(), elb.listeners().ofLoadBalancer(lb.arn()).stream().map(Listener::arn).toList()));
        }
        for (Listener l : elb.listeners().all()) {
            out.add(List.of(l.arn(), l.loadBalancerArn(), l.protocol(), l.port(), String.valueOf(l.sslPolicy()), l.defaultCertificateArn(),
                    l.additionalCertificateArns(), String.valueOf(l.alpnPolicy()), l.defaultActions(), l.defaultRuleArn(),
                    new TreeMap<>(l.attributes()), l.tags(), elb.tagsOf(l.defaultRuleArn())));
            for (ListenerRule r : elb.listeners().rulesOf(l.arn())) {
                out.add(List.of(r.arn(), r.listenerArn(), r.priority(), r.conditions(), r.actions(), r.tags()));
            }
        }
        EcsLoadBalancing ecs = new EcsLoadBalancing(elb);
        for (TargetGroup g : elb.targetGroups().all()) {
            out.add(List.of(g.arn(), g.name(), g.targetType(), g.protocol(), g.protocolVersion(), g.port(), g.vpcId(), g.ipAddressType(),
                    g.healthCheck(), new TreeMap<>(g.attributes()), g.tags(), elb.targetGroups().loadBalancerArns(g),
                    elb.targetGroups().drainingTime(g)));
            List<TargetHealthDescription> health = elb.targetGroups().health(g.arn());
            out.add(health);
            out.add(g.targets());
            for (TargetHealthDescription d : health) {
                out.add(ecs.health(g.arn(), d.id(), d.port()));
            }
        }
        return out;
    }

    private static List<String> states(RegionTwin t, String group) {
        return t.region.elb().targetGroups().health(group).stream().map(d -> d.id() + " " + d.health().state() + " " + d.health().reason()).toList();
    }

    @Test
    void aRestoredElbExportsAndAnswersAsTheOriginalMidLifecycle() {
        RegionTwin a = new RegionTwin(21, TimingProfile.REALISTIC);
        Built built = build(a);
        // the state the twin is taken in: a load balancer provisioning and targets at every step of their lifecycle
        assertThat(a.region.elb().loadBalancer(built.nlb()).state(a.now())).isEqualTo("provisioning");
        assertThat(states(a, built.blue())).contains(built.reachable() + " healthy null", built.draining() + " draining Target.DeregistrationInProgress",
                built.late() + " initial Elb.InitialHealthChecking", "10.0.1.200 unhealthy Target.Timeout");
        assertThat(states(a, built.tcp())).singleElement().asString().endsWith("initial Elb.RegistrationInProgress");

        RegionTwin b = a.twin();

        assertThat(b.exports()).isEqualTo(a.exports());
        assertThat(answers(b)).containsExactlyElementsOf(answers(a));
        for (Duration step : List.of(Duration.ofSeconds(10), Duration.ofSeconds(40), Duration.ofSeconds(60), Duration.ofMinutes(5))) {
            a.advance(step);
            b.advance(step);
            assertThat(answers(b)).containsExactlyElementsOf(answers(a));
        }
        assertThat(states(b, built.blue())).doesNotContain(built.draining() + " draining Target.DeregistrationInProgress")
                .contains(built.late() + " healthy null");
        assertThat(b.exports()).isEqualTo(a.exports());
    }

    @Test
    void aRestoredElbGoesOnAsTheOriginalDoes() {
        RegionTwin a = new RegionTwin(22, TimingProfile.REALISTIC);
        Built built = build(a);
        RegionTwin b = a.twin();

        Function<RegionTwin, List<Object>> next = t -> {
            Elb elb = t.region.elb();
            Network network = t.region.network();
            List<Object> out = new ArrayList<>();
            LoadBalancer lb = elb.createLoadBalancer(new Elb.Request("next", null, "internal", List.of(new Elb.SubnetMapping(built.subnetB(), null),
                    new Elb.SubnetMapping(built.subnetC(), null)), List.of(built.albSg()), null, Map.of()));
            out.add(List.of(lb.arn(), lb.dnsName(), lb.nodes()));
            TargetGroup g = elb.targetGroups().create(group("next", "HTTP", 8080, built.vpc(), "ip", Map.of("n", "1")));
            Listener l = elb.listeners().create(lb.arn(), new Listeners.Request("HTTP", 8080, null, List.of(), null,
                    List.of(ListenerAction.forward(g.arn())), Map.of()));
            out.add(List.of(g.arn(), l.arn(), l.defaultRuleArn()));
            ListenerRule rule = elb.listeners().createRule(built.https(), 8, List.of(RuleCondition.of("host-header", List.of("next.example.com"))),
                    List.of(ListenerAction.forward(built.green())), Map.of());
            out.add(rule.arn());
            // the client secret kept in the record is what UseExistingClientSecret reuses
            elb.listeners().modifyRule(built.authRule(), List.of(), List.of(oidc(1, null, true),
                    new ListenerAction(ListenerAction.FORWARD, 2, built.blue(), null, null, null, null, null)));
            elb.listeners().setRulePriorities(Map.of(built.hostRule(), 15, built.redirectRule(), 10));
            elb.listeners().deleteRule(rule.arn());
            elb.listeners().modify(built.http(), new Listeners.Request(null, 8000, null, null, null, null, Map.of()));
            elb.listeners().addCertificates(built.https(), List.of(new Listeners.CertificateRequest(CERT_2, null)));
            elb.listeners().modifyAttributes(built.tls(), Map.of());
            elb.targetGroups().register(g.arn(), eni(network, built.subnetB(), built.taskSg()), 8080);
            elb.targetGroups().register(built.blue(), built.draining(), 8080);
            elb.targetGroups().deregister(built.blue(), built.reachable(), 8080);
            elb.targetGroups().deregister(built.green(), built.reachable(), 8080);
            elb.targetGroups().modify(built.blue(), null, null, null, "/live", 15, null, null, null, null, null);
            elb.targetGroups().modifyAttributes(built.green(), Map.of("stickiness.enabled", "false"));
            elb.setSubnets(built.nlb(), List.of(new Elb.SubnetMapping(built.subnetB(), null)), null);
            elb.setSecurityGroups(built.alb(), List.of(built.albSg()));
            elb.addTags(List.of(built.nlb(), built.tls(), g.arn()), Map.of("later", "yes"));
            elb.removeTags(List.of(built.alb()), List.of("env"));
            out.add(refusal(() -> elb.deleteLoadBalancer(built.alb())));
            elb.listeners().delete(l.arn());
            elb.deleteLoadBalancer(lb.arn());
            out.addAll(answers(t));
            t.advance(Duration.ofSeconds(30));
            out.addAll(answers(t));
            t.settle();
            out.addAll(answers(t));
            LoadBalancer last = elb.createLoadBalancer(new Elb.Request("last", "network", null, List.of(new Elb.SubnetMapping(built.subnetA(), null)),
                    List.of(), null, Map.of()));
            out.add(List.of(last.arn(), last.dnsName(), last.nodes()));
            return out;
        };

        assertThat(next.apply(b)).containsExactlyElementsOf(next.apply(a));
        assertThat(b.exports()).isEqualTo(a.exports());
    }

    private static String refusal(Runnable call) {
        try {
            call.run();
            return "accepted";
        } catch (DomainException e) {
            return e.code() + ": " + e.getMessage();
        }
    }

    @Test
    void theRecordIsACopy() {
        RegionTwin a = new RegionTwin(23, TimingProfile.REALISTIC);
        Built built = build(a);
        ElbRecord before = a.region.elb().export();

        a.region.elb().addTags(List.of(built.alb(), built.blue()), Map.of("later", "yes"));
        a.region.elb().targetGroups().register(built.blue(), "10.0.1.201", 8080);
        a.region.elb().listeners().addCertificates(built.https(), List.of(new Listeners.CertificateRequest(CERT_2, null)));
        a.region.elb().modifyLoadBalancerAttributes(built.alb(), Map.of("idle_timeout.timeout_seconds", "30"));

        assertThat(a.region.elb().export()).isNotEqualTo(before);
        assertThat(before.loadBalancers().get(0).tags()).doesNotContainKey("later");
        assertThat(before.loadBalancers().get(0).attributes()).containsEntry("idle_timeout.timeout_seconds", "120");
        assertThat(before.targetGroups().get(0).targets()).extracting(ElbRecord.TargetRecord::id).doesNotContain("10.0.1.201");
        assertThat(before.listeners().get(1).additionalCertificateArns()).containsExactly(CERT_3);
    }
}
