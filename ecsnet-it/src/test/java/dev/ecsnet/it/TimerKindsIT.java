package dev.ecsnet.it;

import dev.ecsnet.app.server.EcsnetServer;
import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.engine.ManualClock;
import dev.ecsnet.engine.Timer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timers as data: while a stack touching every resource type runs (tasks, services, ENIs, gateways, endpoints, CIDR
 * associations, peering, prefix lists, instances, Auto Scaling groups, parameters, scheduled actions), every timer
 * pending at any step is of a kind its region has a handler for.
 */
class TimerKindsIT {
    private final Map<AccountRegion, Set<String>> seen = new TreeMap<>(java.util.Comparator.comparing(AccountRegion::accountId)
            .thenComparing(AccountRegion::region));

    private void note(Engine engine) {
        for (Timer t : engine.timers()) {
            seen.computeIfAbsent(t.owner(), k -> new TreeSet<>()).add(t.kind());
        }
    }

    private void settle(Engine engine) {
        for (int i = 0; i < 120; i++) {
            note(engine);
            engine.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void everyKindOfTimerPendingWhileAStackRunsHasAHandler() {
        ManualClock clock = new ManualClock(EcsnetServerExtension.START);
        try (EcsnetServer server = new EcsnetServer(new Engine(clock, 7, TimingProfile.FAST, EgressPolicy.IGNORE), "127.0.0.1", 0).start()) {
            Engine engine = server.engine();
            StateFixture.build(server, () -> settle(engine));
            try (Ec2Client ec2 = StateFixture.client(server, Ec2Client.builder(), "test");
                 SsmClient ssm = StateFixture.client(server, SsmClient.builder(), "test");
                 ApplicationAutoScalingClient aas = StateFixture.client(server, ApplicationAutoScalingClient.builder(), "test")) {
                String vpc = ec2.createVpc(r -> r.cidrBlock("10.40.0.0/16")).vpc().vpcId();
                String peer = ec2.createVpc(r -> r.cidrBlock("10.41.0.0/16")).vpc().vpcId();
                ec2.associateVpcCidrBlock(r -> r.vpcId(vpc).amazonProvidedIpv6CidrBlock(true));
                ec2.createVpcPeeringConnection(r -> r.vpcId(vpc).peerVpcId(peer));
                ec2.createManagedPrefixList(r -> r.prefixListName("office").addressFamily("IPv4").maxEntries(5));
                String expiry = "[{\"Type\":\"Expiration\",\"Version\":\"1.0\",\"Attributes\":{\"Timestamp\":\""
                        + clock.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS) + "\"}}]";
                ssm.putParameter(r -> r.name("/temp").value("x").type(ParameterType.STRING).tier(ParameterTier.ADVANCED).policies(expiry));
                String id = "service/seed-cluster/web-app";
                aas.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(id)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).minCapacity(1).maxCapacity(3));
                aas.putScheduledAction(r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(id).scheduledActionName("nightly")
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).schedule("rate(1 hour)")
                        .scalableTargetAction(a -> a.minCapacity(1)));
                note(engine);
                List<String> nats = ec2.describeNatGateways(r -> r.filter(Filter.builder().name("state").values("available").build()))
                        .natGateways().stream().map(n -> n.natGatewayId()).toList();
                nats.forEach(n -> ec2.deleteNatGateway(r -> r.natGatewayId(n)));
                List<String> instances = ec2.describeInstances(r -> { }).reservations().stream().flatMap(res -> res.instances().stream())
                        .map(i -> i.instanceId()).limit(1).toList();
                ec2.terminateInstances(r -> r.instanceIds(instances));
                settle(engine);
            }

            assertThat(seen).isNotEmpty();
            seen.forEach((region, kinds) -> assertThat(engine.<Set<String>>call(region, s -> Set.copyOf(s.timers().kinds())))
                    .as("the handlers of %s", region).containsAll(kinds));
            Set<String> all = new TreeSet<>();
            seen.values().forEach(all::addAll);
            // zero-delay timers (the service queue's drain) and steps shorter than a step here are never seen pending
            assertThat(all).contains("ecs.task.provision", "ecs.task.stop-containers", "ecs.task.finish-stop", "ecs.service.resync",
                    "ec2.instance.boot", "ec2.instance.shut-down", "ec2.nat-gateway.available", "ec2.nat-gateway.deleted",
                    "ec2.vpc-endpoint.available", "ec2.vpc-cidr.associated", "ec2.peering.checked", "ec2.prefix-list.created",
                    "autoscaling.group.reconcile", "autoscaling.instance.health-check", "ssm.parameter.expire", "application-autoscaling.scheduled-action.run");
        }
    }
}
