package dev.ecsnet.domain.elb;

import dev.ecsnet.domain.ecs.LoadBalancing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * ELBv2 as ECS services see it (the {@link LoadBalancing} port): register and deregister task IP targets, the
 * draining time and a target's health. A target group deleted under a service is treated as having no targets,
 * so the service's reconciliation never fails on it.
 */
public final class EcsLoadBalancing implements LoadBalancing {
    private final Elb elb;

    public EcsLoadBalancing(Elb elb) {
        this.elb = elb;
    }

    @Override
    public Optional<String> targetType(String targetGroupArn) {
        return elb.targetGroups().find(targetGroupArn).map(TargetGroup::targetType);
    }

    @Override
    public void register(String targetGroupArn, String ip, int port) {
        if (elb.targetGroups().find(targetGroupArn).isPresent()) {
            elb.targetGroups().register(targetGroupArn, ip, port);
        }
    }

    @Override
    public void deregister(String targetGroupArn, String ip, int port) {
        boolean registered = elb.targetGroups().find(targetGroupArn).isPresent()
                && !elb.targetGroups().health(targetGroupArn, List.of(new TargetGroups.TargetRequest(ip, port, null))).get(0)
                .health().equals(TargetHealth.NOT_REGISTERED);
        if (registered) {
            elb.targetGroups().deregister(targetGroupArn, ip, port);
        }
    }

    @Override
    public Duration drainingTime(String targetGroupArn) {
        return elb.targetGroups().find(targetGroupArn).map(elb.targetGroups()::drainingTime).orElse(Duration.ZERO);
    }

    @Override
    public Health health(String targetGroupArn, String ip, int port) {
        if (elb.targetGroups().find(targetGroupArn).isEmpty()) {
            return new Health(TargetHealth.NOT_REGISTERED.state(), TargetHealth.NOT_REGISTERED.description());
        }
        TargetHealth h = elb.targetGroups().health(targetGroupArn, List.of(new TargetGroups.TargetRequest(ip, port, null))).get(0).health();
        return new Health(h.state(), h.description() == null ? "" : h.description());
    }
}
