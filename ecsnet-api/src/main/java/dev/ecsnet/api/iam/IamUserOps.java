package dev.ecsnet.api.iam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.domain.iam.IamAccessKey;
import dev.ecsnet.domain.iam.IamUser;
import dev.ecsnet.domain.iam.IamUsers;
import dev.ecsnet.protocol.AwsError;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Users and their access keys: CreateUser, GetUser, ListUsers, DeleteUser, CreateAccessKey, ListAccessKeys,
 * UpdateAccessKey, DeleteAccessKey. Without {@code UserName}, GetUser and the key operations act for the caller:
 * the user whose key signed the call, else the account's root. A key made here signs requests for this account
 * when the server verifies signatures.
 */
final class IamUserOps {
    private IamUserOps() {
    }

    static void register(OperationTable t) {
        t.register("CreateUser", IamUserOps::createUser);
        t.register("GetUser", IamUserOps::getUser);
        t.register("ListUsers", IamUserOps::listUsers);
        t.register("DeleteUser", c -> {
            users(c).deleteUser(c.params().required("UserName"));
            return Call.object();
        });
        t.register("CreateAccessKey", IamUserOps::createAccessKey);
        t.register("ListAccessKeys", IamUserOps::listAccessKeys);
        t.register("UpdateAccessKey", IamUserOps::updateAccessKey);
        t.register("DeleteAccessKey", c -> {
            users(c).deleteAccessKey(subject(c), c.params().required("AccessKeyId"));
            return Call.object();
        });
    }

    private static IamUsers users(Call call) {
        return call.state().account().iamUsers();
    }

    /** The user the call names, else the caller's own user (empty: the root). */
    private static Optional<String> subject(Call call) {
        Optional<String> named = call.params().string("UserName");
        return named.isPresent() ? named : users(call).userOfKey(call.request().accessKeyId()).map(IamUser::name);
    }

    static ObjectNode render(IamUser u) {
        ObjectNode o = Call.object().put("Path", u.path()).put("UserName", u.name()).put("UserId", u.userId())
                .put("Arn", u.arn()).put("CreateDate", IamHandler.time(u.createDate()));
        if (!u.tags().isEmpty()) {
            ArrayNode tags = o.putArray("Tags");
            u.tags().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> tags.addObject().put("Key", e.getKey()).put("Value", e.getValue()));
        }
        return o;
    }

    private static ObjectNode createUser(Call call) {
        IamUser u = users(call).createUser(call.params().required("UserName"), call.params().string("Path"), IamHandler.tags(call.params()));
        ObjectNode out = Call.object();
        out.set("User", render(u));
        return out;
    }

    private static ObjectNode getUser(Call call) {
        ObjectNode out = Call.object();
        Optional<String> subject = subject(call);
        if (subject.isPresent()) {
            out.set("User", render(users(call).user(subject.get())));
            return out;
        }
        out.putObject("User")
                .put("UserId", call.accountId())
                .put("Arn", "arn:aws:iam::" + call.accountId() + ":root")
                .put("CreateDate", IamHandler.time(Instant.EPOCH.plus(20_000, ChronoUnit.DAYS)));
        return out;
    }

    private static ObjectNode listUsers(Call call) {
        return paged(call, "Users", users(call).usersWithPathPrefix(call.params().string("PathPrefix")), IamUserOps::render);
    }

    /** One Marker/MaxItems page of {@code all}, rendered under {@code member}. */
    private static <T> ObjectNode paged(Call call, String member, List<T> all, Function<T, ObjectNode> render) {
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray(member);
        IamHandler.page(call.params(), all).forEach(x -> list.add(render.apply(x)));
        IamHandler.putTruncation(out, call.params(), all.size());
        return out;
    }

    private static ObjectNode createAccessKey(Call call) {
        IamAccessKey k = users(call).createAccessKey(subject(call));
        ObjectNode key = metadata(k).put("SecretAccessKey", k.secretAccessKey());
        ObjectNode out = Call.object();
        out.set("AccessKey", key);
        return out;
    }

    private static ObjectNode listAccessKeys(Call call) {
        return paged(call, "AccessKeyMetadata", users(call).accessKeys(subject(call)), IamUserOps::metadata);
    }

    private static ObjectNode updateAccessKey(Call call) {
        String id = call.params().required("AccessKeyId");
        String status = call.params().required("Status");
        IamAccessKey.Status parsed = switch (status) {
            case "Active" -> IamAccessKey.Status.ACTIVE;
            case "Inactive" -> IamAccessKey.Status.INACTIVE;
            case "Expired" -> throw AwsError.badRequest("InvalidInput", "The status of an access key cannot be set to Expired.");
            default -> throw AwsError.badRequest("ValidationError", "1 validation error detected: Value '" + status
                    + "' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Expired, Inactive]");
        };
        users(call).updateAccessKey(subject(call), id, parsed);
        return Call.object();
    }

    private static ObjectNode metadata(IamAccessKey k) {
        ObjectNode o = Call.object();
        k.userName().ifPresent(n -> o.put("UserName", n));
        return o.put("AccessKeyId", k.accessKeyId()).put("Status", k.status().wireName()).put("CreateDate", IamHandler.time(k.createDate()));
    }
}
