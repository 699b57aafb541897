package dev.ecsnet.api.ecs;

import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.ParamErrors;
import dev.ecsnet.api.ServiceHandler;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.ServiceSpec;

/** Amazon ECS (JSON 1.1, target prefix {@code AmazonEC2ContainerServiceV20141113}). */
public final class EcsHandler implements ServiceHandler, ParamErrors {
    public static final ServiceSpec SPEC = ServiceSpec.json("ecs", "2014-11-13", "AmazonEC2ContainerServiceV20141113");
    private final OperationTable operations = new OperationTable();

    public EcsHandler() {
        EcsClusterOps.register(operations);
        EcsTaskDefinitionOps.register(operations);
        EcsAccountSettingOps.register(operations);
        EcsTaskOps.register(operations);
        EcsContainerInstanceOps.register(operations);
    }

    @Override
    public ServiceSpec spec() {
        return SPEC;
    }

    @Override
    public OperationTable operations() {
        return operations;
    }

    @Override
    public AwsError unknownOperation(String operation) {
        return AwsError.badRequest("UnknownOperationException", null);
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
