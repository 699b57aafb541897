package dev.ecsnet.domain.elb;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.net.IpPermission;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.NetworkInterface;
import dev.ecsnet.domain.net.SecurityGroup;
import dev.ecsnet.domain.net.Subnet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Target health decided by security group rules between an ALB and its ip targets, on a manual clock. */
class TargetHealthTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private Network network;
    private Elb elb;
    private SecurityGroup albSg;
    private SecurityGroup taskSg;
    private Subnet taskSubnet;
    private LoadBalancer alb;
    private TargetGroup tg;

    @BeforeEach
    void setUp() {
        IdSource ids = new IdSource(7);
        network = new Network("000000000000", "us-east-1", ids, () -> now);
        elb = new Elb(new AccountRegion("000000000000", "us-east-1"), ids, () -> now, TimingProfile.REALISTIC, network);
        String vpc = network.createVpc("10.0.0.0/16", null, Map.of()).id();
        Subnet pubA = network.createSubnet(vpc, "10.0.101.0/24", "us-east-1a", null, Map.of());
        Subnet pubB = network.createSubnet(vpc, "10.0.102.0/24", "us-east-1b", null, Map.of());
        taskSubnet = network.createSubnet(vpc, "10.0.1.0/24", "us-east-1a", null, Map.of());
        albSg = network.createSecurityGroup(vpc, "alb", "alb", Map.of());
        taskSg = network.createSecurityGroup(vpc, "task", "task", Map.of());
        network.authorize(taskSg.id(), false, List.of(tcp(8080, 8080, IpPermission.PeerKind.GROUP, albSg.id())));
        alb = elb.createLoadBalancer(new Elb.Request("web", null, null,
                List.of(new Elb.SubnetMapping(pubA.id(), null), new Elb.SubnetMapping(pubB.id(), null)), List.of(albSg.id()), null, Map.of()));
        tg = elb.targetGroups().create(new TargetGroups.Request("web-tg", "HTTP", null, 8080, vpc, "ip", null, null, null, null,
                "/health", null, null, null, null, "200", null, Map.of()));
        elb.listeners().create(alb.arn(), new Listeners.Request("HTTP", 80, null, List.of(), null,
                List.of(ListenerAction.forward(tg.arn())), Map.of()));
    }

    private static IpPermission tcp(int from, int to, IpPermission.PeerKind kind, String peer) {
        return new IpPermission("tcp", from, to, List.of(new IpPermission.Peer(kind, peer, null)));
    }

    private String task(SecurityGroup sg) {
        NetworkInterface eni = network.createNetworkInterface(new Network.EniRequest(taskSubnet.id(), "task", List.of(sg.id()), null, null, null, Map.of()));
        return eni.privateIpAddress();
    }

    private TargetHealth healthOf(String ip) {
        return elb.targetGroups().health(tg.arn()).stream().filter(d -> d.id().equals(ip)).findFirst().orElseThrow().health();
    }

    private void advance(Duration d) {
        now = now.plus(d);
    }

    @Test
    void alb_has_one_eni_per_subnet_and_provisions_on_the_clock() {
        assertThat(alb.nodes()).hasSize(2);
        NetworkInterface eni = network.networkInterface(alb.nodes().get(0).networkInterfaceId());
        assertThat(eni.description()).isEqualTo("ELB " + alb.resourceSuffix()).startsWith("ELB app/web/");
        assertThat(eni.requesterId()).contains("amazon-elb");
        assertThat(eni.groupIds()).containsExactly(albSg.id());
        assertThat(alb.state(now)).isEqualTo("provisioning");
        advance(Duration.ofSeconds(90));
        assertThat(alb.state(now)).isEqualTo("active");
    }

    @Test
    void group_reference_allowed_goes_initial_then_healthy() {
        String ip = task(taskSg);
        elb.targetGroups().register(tg.arn(), ip, 8080);
        assertThat(healthOf(ip)).isEqualTo(TargetHealth.REGISTERING);
        advance(Duration.ofSeconds(89)); // registration takes 10 s, but checks start only once the ALB is active (90 s)
        assertThat(healthOf(ip)).isEqualTo(TargetHealth.REGISTERING);
        advance(Duration.ofSeconds(1));
        assertThat(healthOf(ip)).isEqualTo(TargetHealth.INITIAL_CHECKS);
        advance(Duration.ofSeconds(149)); // healthy threshold 5 x interval 30 s
        assertThat(healthOf(ip)).isEqualTo(TargetHealth.INITIAL_CHECKS);
        advance(Duration.ofSeconds(1));
        assertThat(healthOf(ip)).isEqualTo(TargetHealth.HEALTHY);
    }

    @Test
    void cidr_containing_the_lb_nodes_is_allowed() {
        SecurityGroup byCidr = network.createSecurityGroup(taskSg.vpcId(), "by-cidr", "by cidr", Map.of());
        network.authorize(byCidr.id(), false, List.of(tcp(8000, 9000, IpPermission.PeerKind.CIDR_IPV4, "10.0.0.0/16")));
        String ip = task(byCidr);
        elb.targetGroups().register(tg.arn(), ip, 8080);
        advance(Duration.ofHours(1));
        assertThat(healthOf(ip)).isEqualTo(TargetHealth.HEALTHY);
    }

    @Test
    void cidr_covering_only_one_node_is_blocked() {
        SecurityGroup oneSubnet = network.createSecurityGroup(taskSg.vpcId(), "one", "one subnet", Map.of());
        network.authorize(oneSubnet.id(), false, List.of(tcp(8080, 8080, IpPermission.PeerKind.CIDR_IPV4, "10.0.101.0/24")));
        String ip = task(oneSubnet);
        elb.targetGroups().register(tg.arn(), ip, 8080);
        advance(Duration.ofHours(1));
        assertThat(healthOf(ip)).isEqualTo(TargetHealth.TIMEOUT);
    }

    @Test
    void port_mismatch_is_blocked() {
        String ip = task(taskSg);
        elb.targetGroups().register(tg.arn(), ip, 9090);
        advance(Duration.ofHours(1));
        TargetHealthDescription d = elb.targetGroups().health(tg.arn()).get(0);
        assertThat(d.port()).isEqualTo(9090);
        assertThat(d.healthCheckPort()).isEqualTo("9090");
        assertThat(d.health()).isEqualTo(TargetHealth.TIMEOUT);
        assertThat(HealthCheckPath.evaluate(network, alb, taskSg.vpcId(), ip, 9090).blockedBy()).contains("allow no ingress");
    }

    @Test
    void lb_security_group_egress_blocked() {
        network.revoke(albSg.id(), true, List.of(new IpPermission("-1", null, null,
                List.of(new IpPermission.Peer(IpPermission.PeerKind.CIDR_IPV4, "0.0.0.0/0", null)))), List.of());
        String ip = task(taskSg);
        elb.targetGroups().register(tg.arn(), ip, 8080);
        advance(Duration.ofHours(1));
        assertThat(healthOf(ip)).isEqualTo(TargetHealth.TIMEOUT);
        assertThat(HealthCheckPath.evaluate(network, alb, taskSg.vpcId(), ip, 8080).blockedBy()).contains("allow no egress");
        network.authorize(albSg.id(), true, List.of(tcp(8080, 8080, IpPermission.PeerKind.GROUP, taskSg.id())));
        assertThat(healthOf(ip)).isEqualTo(TargetHealth.HEALTHY);
    }

    @Test
    void rule_removed_makes_unhealthy_and_restored_makes_healthy() {
        String ip = task(taskSg);
        elb.targetGroups().register(tg.arn(), ip, 8080);
        advance(Duration.ofHours(1));
        assertThat(healthOf(ip)).isEqualTo(TargetHealth.HEALTHY);
        List<IpPermission> rule = List.of(tcp(8080, 8080, IpPermission.PeerKind.GROUP, albSg.id()));
        network.revoke(taskSg.id(), false, rule, List.of());
        assertThat(healthOf(ip)).isEqualTo(TargetHealth.TIMEOUT);
        network.authorize(taskSg.id(), false, rule);
        assertThat(healthOf(ip)).isEqualTo(TargetHealth.HEALTHY);
    }

    @Test
    void ip_held_by_no_eni_times_out() {
        elb.targetGroups().register(tg.arn(), "10.0.1.200", 8080);
        advance(Duration.ofHours(1));
        assertThat(healthOf("10.0.1.200")).isEqualTo(TargetHealth.TIMEOUT);
    }

    @Test
    void deregistration_drains_for_the_delay_then_the_target_is_gone() {
        String ip = task(taskSg);
        elb.targetGroups().register(tg.arn(), ip, 8080);
        advance(Duration.ofHours(1));
        elb.targetGroups().deregister(tg.arn(), ip, 8080);
        assertThat(healthOf(ip)).isEqualTo(TargetHealth.DRAINING);
        advance(Duration.ofSeconds(299));
        assertThat(healthOf(ip)).isEqualTo(TargetHealth.DRAINING);
        advance(Duration.ofSeconds(1));
        assertThat(elb.targetGroups().health(tg.arn())).isEmpty();
        assertThat(elb.targetGroups().health(tg.arn(), List.of(new TargetGroups.TargetRequest(ip, 8080, null))).get(0).health())
                .isEqualTo(TargetHealth.NOT_REGISTERED);
    }

    @Test
    void target_group_without_a_listener_is_not_in_use() {
        TargetGroup other = elb.targetGroups().create(new TargetGroups.Request("other", "HTTP", null, 80, taskSg.vpcId(), "ip",
                null, null, null, null, null, null, null, null, null, null, null, Map.of()));
        String ip = task(taskSg);
        elb.targetGroups().register(other.arn(), ip, 80);
        assertThat(elb.targetGroups().health(other.arn()).get(0).health()).isEqualTo(TargetHealth.NOT_IN_USE);
    }

    @Test
    void ip_targets_outside_the_vpc_need_zone_all_and_a_private_range() {
        assertThatThrownBy(() -> elb.targetGroups().register(tg.arn(), "192.168.1.10", 80))
                .isInstanceOf(DomainException.class).hasMessage("The Availability Zone is required for IP address '192.168.1.10' because it is not in the VPC");
        assertThatThrownBy(() -> elb.targetGroups().registerTargets(tg.arn(), List.of(new TargetGroups.TargetRequest("8.8.8.8", 80, "all"))))
                .hasMessageContaining("'8.8.8.8' is not a valid target IP address");
        assertThatThrownBy(() -> elb.targetGroups().registerTargets(tg.arn(), List.of(new TargetGroups.TargetRequest("10.0.1.9", 80, "all"))))
                .hasMessage("The IP address '10.0.1.9' is within the VPC, and cannot have its Availability Zone overridden to 'all' from 'us-east-1a'");
        elb.targetGroups().registerTargets(tg.arn(), List.of(new TargetGroups.TargetRequest("192.168.1.10", 80, "all")));
        assertThat(elb.targetGroups().health(tg.arn())).hasSize(1);
    }

    @Test
    void deleting_a_target_group_in_use_is_refused_and_changes_nothing() {
        assertThatThrownBy(() -> elb.targetGroups().delete(tg.arn()))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).code()).isEqualTo("ResourceInUse");
        assertThat(elb.targetGroups().find(tg.arn())).isPresent();
    }

    @Test
    void deleting_the_load_balancer_releases_its_enis_and_listeners() {
        List<String> enis = alb.nodes().stream().map(LoadBalancer.Node::networkInterfaceId).toList();
        elb.deleteLoadBalancer(alb.arn());
        assertThat(enis).allMatch(id -> network.findNetworkInterface(id).isEmpty());
        assertThat(elb.listeners().all()).isEmpty();
        elb.targetGroups().delete(tg.arn());
        elb.deleteLoadBalancer(alb.arn());
    }
}
