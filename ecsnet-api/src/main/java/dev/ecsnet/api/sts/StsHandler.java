package dev.ecsnet.api.sts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.BaseServiceHandler;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.domain.iam.IamUser;
import dev.ecsnet.protocol.ServiceSpec;

import java.util.Optional;

/** AWS STS (Query protocol, 2011-06-15): only what tools need to learn who they are. */
public final class StsHandler extends BaseServiceHandler {
    public static final ServiceSpec SPEC = ServiceSpec.query("sts", "2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/");

    public StsHandler() {
        super(SPEC);
        OperationTable operations = operations();
        operations.register("GetCallerIdentity", StsHandler::getCallerIdentity);
    }

    /** The signing key's user when it is an IAM user's (signatures verified), else the account's root. */
    private static ObjectNode getCallerIdentity(Call call) {
        Optional<IamUser> user = call.state().account().iamUsers().userOfKey(call.request().accessKeyId());
        return Call.object()
                .put("UserId", user.map(IamUser::userId).orElse(call.accountId()))
                .put("Account", call.accountId())
                .put("Arn", user.map(IamUser::arn).orElse("arn:aws:iam::" + call.accountId() + ":root"));
    }



}
