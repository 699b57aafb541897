package dev.ecsnet.api;

import dev.ecsnet.api.appautoscaling.ApplicationAutoScalingHandler;
import dev.ecsnet.api.autoscaling.AutoScalingHandler;
import dev.ecsnet.api.ec2.Ec2Handler;
import dev.ecsnet.api.ecs.EcsHandler;
import dev.ecsnet.api.elbv2.Elbv2Handler;
import dev.ecsnet.api.iam.IamHandler;
import dev.ecsnet.api.logs.LogsHandler;
import dev.ecsnet.api.servicediscovery.ServiceDiscoveryHandler;
import dev.ecsnet.api.ssm.SsmHandler;
import dev.ecsnet.api.sts.StsHandler;

import java.util.List;

/**
 * Every service ecsnet serves. A new service is added here and nowhere else, with its spec, so that its handler
 * is built on its first call ({@link LazyServiceHandler}) rather than before the server can answer.
 */
public final class Services {
    private Services() {
    }

    public static List<ServiceHandler> all() {
        return List.of(lazy(Ec2Handler.SPEC, Ec2Handler::new), lazy(EcsHandler.SPEC, EcsHandler::new), lazy(StsHandler.SPEC, StsHandler::new),
                lazy(IamHandler.SPEC, IamHandler::new), lazy(LogsHandler.SPEC, LogsHandler::new), lazy(Elbv2Handler.SPEC, Elbv2Handler::new),
                lazy(ServiceDiscoveryHandler.SPEC, ServiceDiscoveryHandler::new),
                lazy(SsmHandler.SPEC, SsmHandler::new), lazy(ApplicationAutoScalingHandler.SPEC, ApplicationAutoScalingHandler::new),
                lazy(AutoScalingHandler.SPEC, AutoScalingHandler::new));
    }

    private static ServiceHandler lazy(dev.ecsnet.protocol.ServiceSpec spec, java.util.function.Supplier<ServiceHandler> handler) {
        return new LazyServiceHandler(spec, handler);
    }
}
