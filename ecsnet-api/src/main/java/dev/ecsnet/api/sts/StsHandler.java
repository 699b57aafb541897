package dev.ecsnet.api.sts;

import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.BaseServiceHandler;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.ServiceSpec;

/** AWS STS (Query protocol, 2011-06-15): only what tools need to learn who they are. */
public final class StsHandler extends BaseServiceHandler {
    public static final ServiceSpec SPEC = ServiceSpec.query("sts", "2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/");

    public StsHandler() {
        super(SPEC);
        OperationTable operations = operations();
        operations.register("GetCallerIdentity", call -> Call.object()
                .put("UserId", call.accountId())
                .put("Account", call.accountId())
                .put("Arn", "arn:aws:iam::" + call.accountId() + ":root"));
    }



}
