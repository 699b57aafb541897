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

/** Every service ecsnet serves. A new service is added here and nowhere else. */
public final class Services {
    private Services() {
    }

    public static List<ServiceHandler> all() {
        return List.of(new Ec2Handler(), new EcsHandler(), new StsHandler(), new IamHandler(), new LogsHandler(),
                new Elbv2Handler(), new ServiceDiscoveryHandler(), new SsmHandler(), new ApplicationAutoScalingHandler(),
                new AutoScalingHandler());
    }
}
