package dev.ecsnet.api.ec2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.Operation;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.ParamErrors;
import dev.ecsnet.api.BaseServiceHandler;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.ServiceSpec;

/**
 * EC2 (EC2 Query protocol, API version 2016-11-15). Operations live in one class per resource family
 * ({@link Ec2VpcOps}, {@link Ec2SubnetOps}, ...); this class only assembles them.
 */
public final class Ec2Handler extends BaseServiceHandler implements ParamErrors {
    public static final ServiceSpec SPEC = ServiceSpec.ec2Query("ec2", "2016-11-15", "http://ec2.amazonaws.com/doc/2016-11-15/");

    public Ec2Handler() {
        super(SPEC);
        OperationTable operations = operations();
        Ec2RegionOps.register(operations);
        Ec2VpcOps.register(operations);
        Ec2SubnetOps.register(operations);
        Ec2SecurityGroupOps.register(operations);
        Ec2NetworkInterfaceOps.register(operations);
        Ec2TagOps.register(operations);
        Ec2InternetGatewayOps.register(operations);
        Ec2AddressOps.register(operations);
        Ec2NatGatewayOps.register(operations);
        Ec2RouteTableOps.register(operations);
        Ec2VpcEndpointOps.register(operations);
        Ec2PrefixListOps.register(operations);
        Ec2DhcpOptionsOps.register(operations);
        Ec2VpcPeeringOps.register(operations);
        Ec2NetworkAclOps.register(operations);
        Ec2NetworkInsightsOps.register(operations);
        Ec2InstanceOps.register(operations);
        Ec2CidrBlockOps.register(operations);
        Ec2SubnetCidrReservationOps.register(operations);
        Ec2EgressOnlyInternetGatewayOps.register(operations);
        Ec2InstanceAttributeOps.register(operations);
        Ec2LaunchTemplateOps.register(operations);
    }

    /**
     * {@code DryRun=true}: the operation runs its checks and stops at the region's {@link dev.ecsnet.domain.common.WriteGate}
     * before its first change. Passing, it answers AWS's {@code DryRunOperation} (412); refused, its usual error.
     * Describe operations have no change to stop at, so they run and their answer is dropped.
     */
    @Override
    public ObjectNode invoke(Operation operation, Call call) {
        if (!call.params().bool("DryRun").orElse(false)) {
            return operation.handle(call);
        }
        call.state().network().gate().dryRun(() -> operation.handle(call));
        throw new AwsError("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
    }

    /** A dry run sets the region's write gate, so even a Describe with {@code DryRun=true} runs on the engine. */
    @Override
    public boolean onlyReads(String operation, dev.ecsnet.api.Params params) {
        return super.onlyReads(operation, params) && !params.has("DryRun");
    }

    @Override
    public AwsError missingParameter(String name) {
        return AwsError.badRequest("MissingParameter", "The request must contain the parameter " + name);
    }

    @Override
    public AwsError invalidParameter(String name) {
        return AwsError.badRequest("InvalidParameterValue", "Invalid value for parameter " + name);
    }
}
