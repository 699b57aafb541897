package dev.ecsnet.api.iam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.JsonDocuments;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.iam.CustomerPolicies;
import dev.ecsnet.domain.iam.Iam;
import dev.ecsnet.domain.iam.ManagedPolicies;
import dev.ecsnet.domain.iam.ManagedPolicy;
import dev.ecsnet.domain.iam.PolicyDocument;
import dev.ecsnet.domain.iam.PolicyVersion;
import dev.ecsnet.domain.iam.Role;
import dev.ecsnet.protocol.AwsError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ecsnet.api.iam.IamHandler.done;
import static dev.ecsnet.api.iam.IamHandler.iam;
import static dev.ecsnet.api.iam.IamHandler.time;

/**
 * Customer managed policies: CreatePolicy, GetPolicy, DeletePolicy, ListPolicies, their versions, the entities
 * they are attached to, and their tags. AWS managed policies appear in ListPolicies and GetPolicy with what ecsnet
 * knows of them (name, path, ARN, attachments); their ids, versions and documents are not modelled.
 */
final class IamPolicyOps {
    private IamPolicyOps() {
    }

    static void register(OperationTable operations) {
        operations.register("CreatePolicy", IamPolicyOps::createPolicy)
                .register("GetPolicy", IamPolicyOps::getPolicy)
                .register("DeletePolicy", c -> done(() -> iam(c).deletePolicy(c.params().required("PolicyArn"))))
                .register("ListPolicies", IamPolicyOps::listPolicies)
                .register("CreatePolicyVersion", IamPolicyOps::createPolicyVersion)
                .register("GetPolicyVersion", IamPolicyOps::getPolicyVersion)
                .register("ListPolicyVersions", IamPolicyOps::listPolicyVersions)
                .register("DeletePolicyVersion", c -> done(() -> policies(c).deleteVersion(c.params().required("PolicyArn"),
                        c.params().required("VersionId"))))
                .register("SetDefaultPolicyVersion", c -> done(() -> policies(c).setDefaultVersion(c.params().required("PolicyArn"),
                        c.params().required("VersionId"))))
                .register("ListEntitiesForPolicy", IamPolicyOps::listEntitiesForPolicy)
                .register("TagPolicy", c -> done(() -> policies(c).tag(c.params().required("PolicyArn"), IamHandler.tags(c.params()))))
                .register("UntagPolicy", c -> done(() -> policies(c).untag(c.params().required("PolicyArn"), c.params().strings("TagKeys"))))
                .register("ListPolicyTags", IamPolicyOps::listPolicyTags);
    }

    private static CustomerPolicies policies(Call call) {
        return iam(call).policies();
    }

    private static PolicyDocument document(Params p) {
        String text = p.required("PolicyDocument");
        return new PolicyDocument(text, JsonDocuments.parse(text));
    }

    private static ObjectNode render(Iam iam, ManagedPolicy p, boolean full) {
        ObjectNode o = Call.object().put("PolicyName", p.name()).put("PolicyId", p.policyId()).put("Arn", p.arn()).put("Path", p.path())
                .put("DefaultVersionId", p.defaultVersionId()).put("AttachmentCount", iam.attachmentCount(p.arn()))
                .put("PermissionsBoundaryUsageCount", 0).put("IsAttachable", true);
        if (full) {
            p.description().ifPresent(d -> o.put("Description", d));
        }
        o.put("CreateDate", time(p.createDate())).put("UpdateDate", time(p.updateDate()));
        if (full && !p.tags().isEmpty()) {
            ArrayNode tags = o.putArray("Tags");
            p.tags().forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        }
        return o;
    }

    /** An AWS managed policy, with the members ecsnet knows. */
    private static ObjectNode renderAwsManaged(Iam iam, String arn) {
        return Call.object().put("PolicyName", arn.substring(arn.lastIndexOf('/') + 1)).put("Arn", arn).put("Path", Iam.policyPath(arn))
                .put("AttachmentCount", iam.attachmentCount(arn)).put("PermissionsBoundaryUsageCount", 0).put("IsAttachable", true);
    }

    private static ObjectNode policyResult(ObjectNode policy) {
        ObjectNode out = Call.object();
        out.set("Policy", policy);
        return out;
    }

    private static ObjectNode createPolicy(Call call) {
        Params p = call.params();
        ManagedPolicy policy = policies(call).create(new CustomerPolicies.CreateRequest(p.required("PolicyName"), p.string("Path"),
                document(p), p.string("Description"), IamHandler.tags(p)));
        return policyResult(render(iam(call), policy, true));
    }

    private static ObjectNode getPolicy(Call call) {
        String arn = call.params().required("PolicyArn");
        if (ManagedPolicies.nameOf(arn).isPresent()) {
            return policyResult(renderAwsManaged(iam(call), arn));
        }
        return policyResult(render(iam(call), policies(call).policy(arn), true));
    }

    private static ObjectNode listPolicies(Call call) {
        Params p = call.params();
        Iam iam = iam(call);
        String scope = p.string("Scope").orElse("All");
        if (!List.of("All", "AWS", "Local").contains(scope)) {
            throw AwsError.badRequest("ValidationError", "1 validation error detected: Value '" + scope
                    + "' at 'scope' failed to satisfy constraint: Member must satisfy enum value set: [All, AWS, Local]");
        }
        String usage = p.string("PolicyUsageFilter").orElse("PermissionsPolicy");
        if (!List.of("PermissionsPolicy", "PermissionsBoundary").contains(usage)) {
            throw AwsError.badRequest("ValidationError", "1 validation error detected: Value '" + usage
                    + "' at 'policyUsageFilter' failed to satisfy constraint: Member must satisfy enum value set: [PermissionsPolicy, PermissionsBoundary]");
        }
        String prefix = p.string("PathPrefix").orElse("/");
        boolean onlyAttached = p.bool("OnlyAttached").orElse(false);
        List<ObjectNode> all = new ArrayList<>();
        // ecsnet has no permissions boundaries, so no policy is used as one
        if (usage.equals("PermissionsPolicy")) {
            if (!scope.equals("AWS")) {
                policies(call).all().stream().filter(x -> x.path().startsWith(prefix))
                        .filter(x -> !onlyAttached || iam.attachmentCount(x.arn()) > 0).forEach(x -> all.add(render(iam, x, false)));
            }
            if (!scope.equals("Local")) {
                ManagedPolicies.arns().stream().filter(a -> Iam.policyPath(a).startsWith(prefix))
                        .filter(a -> !onlyAttached || iam.attachmentCount(a) > 0).forEach(a -> all.add(renderAwsManaged(iam, a)));
            }
        }
        ObjectNode out = Call.object();
        out.putArray("Policies").addAll(IamHandler.page(p, all));
        IamHandler.putTruncation(out, p, all.size());
        return out;
    }

    private static ObjectNode renderVersion(PolicyVersion v, ManagedPolicy p, boolean withDocument) {
        ObjectNode o = Call.object();
        if (withDocument) {
            o.put("Document", IamHandler.encodePolicy(v.document()));
        }
        return o.put("VersionId", v.versionId()).put("IsDefaultVersion", v.versionId().equals(p.defaultVersionId()))
                .put("CreateDate", time(v.createDate()));
    }

    private static ObjectNode createPolicyVersion(Call call) {
        Params p = call.params();
        String arn = p.required("PolicyArn");
        PolicyVersion v = policies(call).createVersion(arn, document(p), p.bool("SetAsDefault").orElse(false));
        ObjectNode out = Call.object();
        out.set("PolicyVersion", renderVersion(v, policies(call).policy(arn), true));
        return out;
    }

    private static ObjectNode getPolicyVersion(Call call) {
        Params p = call.params();
        String arn = p.required("PolicyArn");
        PolicyVersion v = policies(call).version(arn, p.required("VersionId"));
        ObjectNode out = Call.object();
        out.set("PolicyVersion", renderVersion(v, policies(call).policy(arn), true));
        return out;
    }

    private static ObjectNode listPolicyVersions(Call call) {
        Params p = call.params();
        ManagedPolicy policy = policies(call).policy(p.required("PolicyArn"));
        List<ObjectNode> all = policy.versions().stream().map(v -> renderVersion(v, policy, false)).toList();
        ObjectNode out = Call.object();
        out.putArray("Versions").addAll(IamHandler.page(p, all));
        IamHandler.putTruncation(out, p, all.size());
        return out;
    }

    private static ObjectNode listEntitiesForPolicy(Call call) {
        Params p = call.params();
        Iam iam = iam(call);
        String arn = p.required("PolicyArn");
        if (!iam.policyExists(arn)) {
            policies(call).policy(arn);
        }
        String filter = p.string("EntityFilter").orElse("Role");
        String prefix = p.string("PathPrefix").orElse("/");
        boolean boundary = p.string("PolicyUsageFilter").filter("PermissionsBoundary"::equals).isPresent();
        List<Role> roles = filter.equals("Role") && !boundary
                ? iam.rolesAttachedTo(arn).stream().filter(r -> r.path().startsWith(prefix)).toList() : List.of();
        ObjectNode out = Call.object();
        out.putArray("PolicyGroups");
        out.putArray("PolicyUsers");
        ArrayNode list = out.putArray("PolicyRoles");
        IamHandler.page(p, roles).forEach(r -> list.addObject().put("RoleName", r.name()).put("RoleId", r.roleId()));
        IamHandler.putTruncation(out, p, roles.size());
        return out;
    }

    private static ObjectNode listPolicyTags(Call call) {
        Params p = call.params();
        Map<String, String> tags = policies(call).policy(p.required("PolicyArn")).tags();
        List<ObjectNode> all = tags.entrySet().stream().map(e -> Call.object().put("Key", e.getKey()).put("Value", e.getValue())).toList();
        ObjectNode out = Call.object();
        out.putArray("Tags").addAll(IamHandler.page(p, all));
        IamHandler.putTruncation(out, p, all.size());
        return out;
    }
}
