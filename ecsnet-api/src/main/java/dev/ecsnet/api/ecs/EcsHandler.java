package dev.ecsnet.api.ecs;

import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.ParamErrors;
import dev.ecsnet.api.BaseServiceHandler;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.ServiceSpec;

/** Amazon ECS (JSON 1.1, target prefix {@code AmazonEC2ContainerServiceV20141113}). */
public final class EcsHandler extends BaseServiceHandler implements ParamErrors {
    public static final ServiceSpec SPEC = ServiceSpec.json("ecs", "2014-11-13", "AmazonEC2ContainerServiceV20141113");

    public EcsHandler() {
        super(SPEC);
        OperationTable operations = operations();
        EcsClusterOps.register(operations);
        EcsTaskDefinitionOps.register(operations);
        EcsAccountSettingOps.register(operations);
        EcsTaskOps.register(operations);
        EcsContainerInstanceOps.register(operations);
        EcsServiceOps.register(operations);
        EcsCapacityProviderOps.register(operations);
        EcsTagOps.register(operations);
        EcsTaskSetOps.register(operations);
    }

    @Override
    public AwsError missingParameter(String name) {
        return AwsError.badRequest("InvalidParameterException", name + " can not be null or empty.");
    }

    @Override
    public AwsError invalidParameter(String name) {
        return AwsError.badRequest("InvalidParameterException", "Invalid value for " + name + ".");
    }
}
