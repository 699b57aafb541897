package dev.ecsnet.domain.elb;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.Subnet;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** An ALB in two zones with two ip target groups, an HTTP listener on 80 and an HTTPS listener on 443. */
final class ElbWorld {
    static final String CERT = "arn:aws:acm:us-east-1:000000000000:certificate/11111111-2222-3333-4444-555555555555";
    final Instant now = Instant.parse("2026-01-01T00:00:00Z");
    final Network network;
    final Elb elb;
    final String vpc;
    final Subnet subnetA;
    final Subnet subnetB;
    final LoadBalancer alb;
    final TargetGroup blue;
    final TargetGroup green;
    final Listener http;
    final Listener https;

    ElbWorld() {
        IdSource ids = new IdSource(7);
        network = new Network("000000000000", "us-east-1", ids, () -> now);
        elb = new Elb(new AccountRegion("000000000000", "us-east-1"), ids, () -> now, TimingProfile.INSTANT, network);
        vpc = network.createVpc("10.0.0.0/16", null, Map.of()).id();
        subnetA = network.createSubnet(vpc, "10.0.101.0/24", "us-east-1a", null, Map.of());
        subnetB = network.createSubnet(vpc, "10.0.102.0/24", "us-east-1b", null, Map.of());
        alb = elb.createLoadBalancer(new Elb.Request("web", null, null,
                List.of(new Elb.SubnetMapping(subnetA.id(), null), new Elb.SubnetMapping(subnetB.id(), null)), List.of(), null, Map.of()));
        blue = targetGroup("blue", "HTTP");
        green = targetGroup("green", "HTTP");
        http = elb.listeners().create(alb.arn(), listener("HTTP", 80, List.of(), ListenerAction.forward(blue.arn())));
        https = elb.listeners().create(alb.arn(), listener("HTTPS", 443,
                List.of(new Listeners.CertificateRequest(CERT, null)), ListenerAction.forward(blue.arn())));
    }

    TargetGroup targetGroup(String name, String protocol) {
        return elb.targetGroups().create(new TargetGroups.Request(name, protocol, null, 8080, vpc, "ip", null, null, null, null,
                null, null, null, null, null, null, null, Map.of()));
    }

    static Listeners.Request listener(String protocol, int port, List<Listeners.CertificateRequest> certificates, ListenerAction... actions) {
        return new Listeners.Request(protocol, port, null, certificates, null, List.of(actions), Map.of());
    }

    /** The call is refused with this code and message. */
    static void refused(ThrowingCallable call, String code, String message) {
        DomainException e = catchThrowableOfType(DomainException.class, call);
        assertThat(e).as("expected %s: %s", code, message).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.getMessage()).isEqualTo(message);
    }
}
