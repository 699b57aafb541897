package dev.ecsnet.domain.iam;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * IAM roles of one account, as far as ECS stacks need them: trust policy, managed policy attachments (AWS managed
 * and customer managed), inline policies, tags; and the account's customer managed policies. Documents are
 * checked as IAM checks them, stored and returned as written; nothing is evaluated.
 */
public final class Iam {
    private static final String ROLE_NAME = "[\\w+=,.@-]{1,64}";

    static final int MAX_POLICIES_PER_ROLE = 10;

    private final String accountId;
    private final IdSource ids;
    private final Clock clock;
    private final Map<String, Role> roles = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final CustomerPolicies policies;

    public Iam(String accountId, IdSource ids, Clock clock) {
        this.accountId = accountId;
        this.ids = ids;
        this.clock = clock;
        this.policies = new CustomerPolicies(accountId, ids, clock);
    }

    /** The account's customer managed policies. */
    public CustomerPolicies policies() {
        return policies;
    }

    public String accountId() {
        return accountId;
    }

    public Collection<Role> roles() {
        return roles.values();
    }

    public Role role(String name) {
        Role r = roles.get(name);
        if (r == null) {
            throw DomainException.notFound("NoSuchEntity", "The role with name " + name + " cannot be found.");
        }
        return r;
    }

    public Role createRole(String name, String path, String assumeRolePolicyDocument, String description,
                           Integer maxSessionDuration, Map<String, String> tags) {
        if (name == null || !name.matches(ROLE_NAME)) {
            throw DomainException.invalid("ValidationError", "1 validation error detected: Value '" + name
                    + "' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        }
        String p = IamNames.path(java.util.Optional.ofNullable(path));
        requireJson(assumeRolePolicyDocument);
        int session = maxSessionDuration == null ? 3600 : maxSessionDuration;
        if (session < 3600 || session > 43200) {
            throw DomainException.invalid("ValidationError", "The requested MaxSessionDuration exceeds the limits of 3600 to 43200 seconds.");
        }
        if (roles.containsKey(name)) {
            throw DomainException.conflict("EntityAlreadyExists", "Role with name " + name + " already exists.");
        }
        Role role = new Role(name, p, "AROA" + ids.hex(17).toUpperCase(java.util.Locale.ROOT),
                "arn:aws:iam::" + accountId + ":role" + p + name, clock.now(), assumeRolePolicyDocument, description, session);
        role.tags.putAll(tags);
        roles.put(name, role);
        return role;
    }

    public void updateRole(String name, String description, Integer maxSessionDuration) {
        Role role = role(name);
        if (maxSessionDuration != null && (maxSessionDuration < 3600 || maxSessionDuration > 43200)) {
            throw DomainException.invalid("ValidationError", "The requested MaxSessionDuration exceeds the limits of 3600 to 43200 seconds.");
        }
        if (description != null) {
            role.setDescription(description);
        }
        if (maxSessionDuration != null) {
            role.setMaxSessionDuration(maxSessionDuration);
        }
    }

    public void updateAssumeRolePolicy(String name, String document) {
        Role role = role(name);
        requireJson(document);
        role.setAssumeRolePolicyDocument(document);
    }

    public void deleteRole(String name) {
        Role role = role(name);
        if (!role.attachedPolicyArns.isEmpty()) {
            throw DomainException.dependency("DeleteConflict", "Cannot delete entity, must detach all policies first.");
        }
        if (!role.inlinePolicies.isEmpty()) {
            throw DomainException.dependency("DeleteConflict", "Cannot delete entity, must delete policies first.");
        }
        roles.remove(name);
    }

    public void attachRolePolicy(String roleName, String policyArn) {
        Role role = role(roleName);
        IamNames.policyArn(policyArn);
        if (!policyExists(policyArn)) {
            throw CustomerPolicies.noSuchPolicy(policyArn);
        }
        if (!role.attachedPolicyArns.contains(policyArn) && role.attachedPolicyArns.size() >= MAX_POLICIES_PER_ROLE) {
            throw new DomainException(DomainException.Kind.LIMIT_EXCEEDED, "LimitExceeded",
                    "Cannot exceed quota for PoliciesPerRole: " + MAX_POLICIES_PER_ROLE);
        }
        role.attachedPolicyArns.add(policyArn);
    }

    /** An AWS managed policy ecsnet knows, or one of this account's customer managed policies. */
    public boolean policyExists(String arn) {
        return ManagedPolicies.nameOf(arn).isPresent() || policies.find(arn).isPresent();
    }

    /** The roles a managed policy is attached to, in name order (ecsnet has no users or groups). */
    public List<Role> rolesAttachedTo(String policyArn) {
        return roles.values().stream().filter(r -> r.attachedPolicyArns.contains(policyArn)).toList();
    }

    public int attachmentCount(String policyArn) {
        return rolesAttachedTo(policyArn).size();
    }

    /** DeletePolicy: refused while attached, or while versions other than the default remain. */
    public void deletePolicy(String arn) {
        ManagedPolicy p = policies.policy(arn);
        if (attachmentCount(arn) > 0) {
            throw DomainException.dependency("DeleteConflict", "Cannot delete a policy attached to entities.");
        }
        if (p.versions().size() > 1) {
            throw DomainException.dependency("DeleteConflict", "This policy has more than one version. Before you delete a policy, you must "
                    + "delete the policy's versions. The default version is deleted with the policy.");
        }
        policies.remove(p);
    }

    /** The path an attached policy's ARN carries ({@code /service-role/} of {@code arn:aws:iam::aws:policy/service-role/X}). */
    public static String policyPath(String arn) {
        String rest = arn.substring(arn.indexOf(":policy") + ":policy".length());
        return rest.substring(0, rest.lastIndexOf('/') + 1);
    }

    public void detachRolePolicy(String roleName, String policyArn) {
        Role role = role(roleName);
        if (!role.attachedPolicyArns.remove(policyArn)) {
            throw DomainException.notFound("NoSuchEntity", "Policy " + policyArn + " was not found.");
        }
    }

    public void putRolePolicy(String roleName, String policyName, String document) {
        Role role = role(roleName);
        requireJson(document);
        role.inlinePolicies.put(policyName, document);
    }

    public String rolePolicy(String roleName, String policyName) {
        String doc = role(roleName).inlinePolicies.get(policyName);
        if (doc == null) {
            throw DomainException.notFound("NoSuchEntity", "The role policy with name " + policyName + " cannot be found.");
        }
        return doc;
    }

    public void deleteRolePolicy(String roleName, String policyName) {
        Role role = role(roleName);
        if (role.inlinePolicies.remove(policyName) == null) {
            throw DomainException.notFound("NoSuchEntity", "The role policy with name " + policyName + " cannot be found.");
        }
    }

    public void tagRole(String roleName, Map<String, String> tags) {
        role(roleName).tags.putAll(tags);
    }

    public void untagRole(String roleName, List<String> keys) {
        Role role = role(roleName);
        keys.forEach(role.tags::remove);
    }

    public List<Role> rolesWithPathPrefix(String prefix) {
        List<Role> out = new ArrayList<>();
        for (Role r : roles.values()) {
            if (prefix == null || r.path().startsWith(prefix)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Policy documents must at least be JSON objects; AWS rejects anything else as malformed. */
    private static void requireJson(String document) {
        if (document == null || document.isBlank()) {
            throw DomainException.invalid("ValidationError", "1 validation error detected: Value null at 'policyDocument' failed to satisfy constraint: Member must not be null");
        }
        String t = document.trim();
        if (!t.startsWith("{") || !t.endsWith("}")) {
            throw DomainException.invalid("MalformedPolicyDocument", "This policy contains invalid Json");
        }
    }

    /** The account's roles and customer managed policies as plain records, in name order. */
    public IamRecord export() {
        return IamSnapshots.export(roles.values(), policies.all());
    }

    /** On an account just built, the recorded roles and policies as they were (ids, ARNs, dates, version counters). */
    public void restore(IamRecord record) {
        roles.clear();
        IamSnapshots.roles(record).forEach(r -> roles.put(r.name(), r));
        policies.restore(IamSnapshots.policies(record));
    }
}
