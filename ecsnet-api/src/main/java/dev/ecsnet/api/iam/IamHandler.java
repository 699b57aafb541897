package dev.ecsnet.api.iam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.ParamErrors;
import dev.ecsnet.api.Params;
import dev.ecsnet.api.BaseServiceHandler;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.iam.Iam;
import dev.ecsnet.domain.iam.Role;
import dev.ecsnet.protocol.AwsError;
import dev.ecsnet.protocol.ServiceSpec;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * IAM (Query protocol, 2010-05-08): roles with trust policies, managed and inline policies and tags, customer
 * managed policies with their versions ({@link IamPolicyOps}), users and their access keys ({@link IamUserOps};
 * GetUser is how the Terraform provider learns the account id). IAM is global: state lives per account.
 */
public final class IamHandler extends BaseServiceHandler implements ParamErrors {
    public static final ServiceSpec SPEC = ServiceSpec.query("iam", "2010-05-08", "https://iam.amazonaws.com/doc/2010-05-08/");

    public IamHandler() {
        super(SPEC);
        OperationTable operations = operations();
        IamUserOps.register(operations);
        operations.register("CreateRole", IamHandler::createRole)
                .register("GetRole", c -> roleResult(iam(c).role(c.params().required("RoleName"))))
                .register("ListRoles", IamHandler::listRoles)
                .register("UpdateRole", IamHandler::updateRole)
                .register("UpdateAssumeRolePolicy", IamHandler::updateAssumeRolePolicy)
                .register("DeleteRole", c -> done(() -> iam(c).deleteRole(c.params().required("RoleName"))))
                .register("AttachRolePolicy", c -> done(() -> iam(c).attachRolePolicy(c.params().required("RoleName"), c.params().required("PolicyArn"))))
                .register("DetachRolePolicy", c -> done(() -> iam(c).detachRolePolicy(c.params().required("RoleName"), c.params().required("PolicyArn"))))
                .register("ListAttachedRolePolicies", IamHandler::listAttachedRolePolicies)
                .register("PutRolePolicy", c -> done(() -> iam(c).putRolePolicy(c.params().required("RoleName"),
                        c.params().required("PolicyName"), c.params().required("PolicyDocument"))))
                .register("GetRolePolicy", IamHandler::getRolePolicy)
                .register("DeleteRolePolicy", c -> done(() -> iam(c).deleteRolePolicy(c.params().required("RoleName"), c.params().required("PolicyName"))))
                .register("ListRolePolicies", IamHandler::listRolePolicies)
                .register("ListInstanceProfilesForRole", IamHandler::listInstanceProfilesForRole)
                .register("TagRole", c -> done(() -> iam(c).tagRole(c.params().required("RoleName"), tags(c.params()))))
                .register("UntagRole", c -> done(() -> iam(c).untagRole(c.params().required("RoleName"), c.params().strings("TagKeys"))))
                .register("ListRoleTags", IamHandler::listRoleTags);
        IamPolicyOps.register(operations);
    }

    static Iam iam(Call call) {
        return call.state().account().iam();
    }

    static ObjectNode done(Runnable action) {
        action.run();
        return JsonNodeFactory.instance.objectNode();
    }

    static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** IAM returns policy documents URL-encoded (RFC 3986); clients decode them. */
    static String encodePolicy(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Map<String, String> tags(Params p) {
        return p.keyValues("Tags", "Key", "Value");
    }

    static ObjectNode renderRole(Role r) {
        ObjectNode o = Call.object()
                .put("Path", r.path())
                .put("RoleName", r.name())
                .put("RoleId", r.roleId())
                .put("Arn", r.arn())
                .put("CreateDate", time(r.createDate()))
                .put("AssumeRolePolicyDocument", encodePolicy(r.assumeRolePolicyDocument()));
        if (r.description() != null) {
            o.put("Description", r.description());
        }
        o.put("MaxSessionDuration", r.maxSessionDuration());
        if (!r.orderedTags().isEmpty()) {
            ArrayNode tags = o.putArray("Tags");
            r.orderedTags().forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        }
        o.putObject("RoleLastUsed");
        return o;
    }

    private static ObjectNode roleResult(Role r) {
        ObjectNode out = Call.object();
        out.set("Role", renderRole(r));
        return out;
    }

    private static ObjectNode createRole(Call call) {
        Params p = call.params();
        Role r = iam(call).createRole(p.required("RoleName"), p.string("Path").orElse(null),
                p.required("AssumeRolePolicyDocument"), p.string("Description").orElse(null),
                p.integer("MaxSessionDuration").orElse(null), tags(p));
        return roleResult(r);
    }

    private static ObjectNode updateRole(Call call) {
        Params p = call.params();
        iam(call).updateRole(p.required("RoleName"), p.string("Description").orElse(null), p.integer("MaxSessionDuration").orElse(null));
        return Call.object();
    }

    private static ObjectNode updateAssumeRolePolicy(Call call) {
        iam(call).updateAssumeRolePolicy(call.params().required("RoleName"), call.params().required("PolicyDocument"));
        return Call.object();
    }

    private static ObjectNode listRoles(Call call) {
        List<Role> roles = iam(call).rolesWithPathPrefix(call.params().string("PathPrefix").orElse(null));
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("Roles");
        page(call.params(), roles).forEach(r -> list.add(renderRole(r)));
        putTruncation(out, call.params(), roles.size());
        return out;
    }

    private static ObjectNode listAttachedRolePolicies(Call call) {
        Role role = iam(call).role(call.params().required("RoleName"));
        String prefix = call.params().string("PathPrefix").orElse("/");
        List<String> arns = role.attachedPolicyArns().stream().filter(a -> Iam.policyPath(a).startsWith(prefix)).toList();
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("AttachedPolicies");
        page(call.params(), arns).forEach(a -> list.addObject().put("PolicyName", a.substring(a.lastIndexOf('/') + 1)).put("PolicyArn", a));
        putTruncation(out, call.params(), arns.size());
        return out;
    }

    private static ObjectNode getRolePolicy(Call call) {
        String role = call.params().required("RoleName");
        String name = call.params().required("PolicyName");
        return Call.object().put("RoleName", role).put("PolicyName", name)
                .put("PolicyDocument", encodePolicy(iam(call).rolePolicy(role, name)));
    }

    private static ObjectNode listRolePolicies(Call call) {
        List<String> names = List.copyOf(iam(call).role(call.params().required("RoleName")).inlinePolicies().keySet());
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("PolicyNames");
        page(call.params(), names).forEach(list::add);
        putTruncation(out, call.params(), names.size());
        return out;
    }

    /** ecsnet models no instance profiles, so a role is never in one. */
    private static ObjectNode listInstanceProfilesForRole(Call call) {
        iam(call).role(call.params().required("RoleName"));
        ObjectNode out = Call.object();
        out.putArray("InstanceProfiles");
        out.put("IsTruncated", false);
        return out;
    }

    private static ObjectNode listRoleTags(Call call) {
        Role role = iam(call).role(call.params().required("RoleName"));
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("Tags");
        role.orderedTags().forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
        out.put("IsTruncated", false);
        return out;
    }

    /** Marker/MaxItems paging: the marker is the offset of the next item. */
    static <T> List<T> page(Params p, List<T> all) {
        int start = p.string("Marker").map(IamHandler::marker).orElse(0);
        int max = p.integer("MaxItems").orElse(100);
        if (max < 1 || max > 1000) {
            throw AwsError.badRequest("ValidationError", "1 validation error detected: Value '" + max
                    + "' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000");
        }
        int from = Math.min(start, all.size());
        return all.subList(from, Math.min(all.size(), from + max));
    }

    static void putTruncation(ObjectNode out, Params p, int total) {
        int start = p.string("Marker").map(IamHandler::marker).orElse(0);
        int max = p.integer("MaxItems").orElse(100);
        boolean truncated = start + max < total;
        out.put("IsTruncated", truncated);
        if (truncated) {
            out.put("Marker", Integer.toString(start + max));
        }
    }

    private static int marker(String m) {
        try {
            return Math.max(0, Integer.parseInt(m));
        } catch (NumberFormatException e) {
            throw AwsError.badRequest("ValidationError", "Invalid Marker: " + m);
        }
    }




    /** IAM answers a missing entity with 404 and a conflict with 409. */
    @Override
    public AwsError toAwsError(DomainException e) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT, DEPENDENCY_VIOLATION, LIMIT_EXCEEDED -> 409;
            default -> 400;
        };
        return new AwsError(e.code(), e.getMessage(), status);
    }

    @Override
    public AwsError missingParameter(String name) {
        return AwsError.badRequest("ValidationError", "1 validation error detected: Value null at '"
                + Character.toLowerCase(name.charAt(0)) + name.substring(1) + "' failed to satisfy constraint: Member must not be null");
    }

    @Override
    public AwsError invalidParameter(String name) {
        return AwsError.badRequest("ValidationError", "1 validation error detected: Value at '" + name + "' is invalid");
    }
}
