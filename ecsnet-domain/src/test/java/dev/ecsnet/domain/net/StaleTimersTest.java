package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.TimerQueue;
import dev.ecsnet.domain.common.TimingProfile;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A timer is data (kind, resource id): when its resource is gone or has moved on, it does nothing. */
class StaleTimersTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final TimerQueue timers = new TimerQueue(() -> now);
    private final Network network = new Network("000000000000", "us-east-1", new IdSource(5), () -> now, timers.timers(), TimingProfile.FAST);

    private void runUntil(Instant target) {
        timers.runUntil(target, due -> now = due);
        now = target;
    }

    @Test
    void aNatGatewayDeletedWhilePendingIsNotMadeAvailableByItsProvisioningTimer() {
        String vpc = network.createVpc("10.0.0.0/16", null, Map.of()).id();
        String subnet = network.createSubnet(vpc, "10.0.1.0/24", "us-east-1a", null, Map.of()).id();
        network.gateways().attachInternetGateway(network.gateways().createInternetGateway(Map.of()).id(), vpc);
        String allocation = network.gateways().allocateAddress(Map.of()).allocationId();
        String nat = network.gateways().createNatGateway(subnet, allocation, null, Map.of()).id();
        network.gateways().deleteNatGateway(nat);
        TimerQueue.Pending available = timers.pending().stream().filter(t -> t.kind().equals("ec2.nat-gateway.available")).findFirst().orElseThrow();
        assertThat(available.key()).isEqualTo(nat);
        assertThat(timers.pending()).extracting(TimerQueue.Pending::kind).contains("ec2.nat-gateway.deleted");

        runUntil(available.due());
        assertThat(network.gateways().natGateway(nat).state()).isIn("deleting", "deleted");
        runUntil(now.plusSeconds(600));
        assertThat(network.gateways().natGateway(nat).state()).isEqualTo("deleted");
        assertThat(timers.isEmpty()).isTrue();
    }

    @Test
    void aPeeringRequestWhoseVpcWentIsNotCheckedAgain() {
        String a = network.createVpc("10.0.0.0/16", null, Map.of()).id();
        String b = network.createVpc("10.1.0.0/16", null, Map.of()).id();
        String pcx = network.peerings().create(a, b, null, null, Map.of()).id();
        assertThat(timers.pending()).extracting(t -> t.kind() + " " + t.key()).contains("ec2.peering.checked " + pcx);
        network.deleteVpc(a);
        assertThat(network.peerings().get(pcx).status()).isEqualTo(VpcPeeringConnection.Status.DELETED);

        runUntil(now.plusSeconds(600));
        // without the guard the check would run on the connection and end it failed (its requester VPC is gone)
        assertThat(network.peerings().get(pcx).status()).isEqualTo(VpcPeeringConnection.Status.DELETED);
    }

    @Test
    void aPeeringRequestRunsItsCheckWhenNothingMovedIt() {
        String a = network.createVpc("10.0.0.0/16", null, Map.of()).id();
        String b = network.createVpc("10.1.0.0/16", null, Map.of()).id();
        String pcx = network.peerings().create(a, b, null, null, Map.of()).id();
        runUntil(now.plusSeconds(600));
        assertThat(network.peerings().get(pcx).status()).isEqualTo(VpcPeeringConnection.Status.PENDING_ACCEPTANCE);
    }
}
