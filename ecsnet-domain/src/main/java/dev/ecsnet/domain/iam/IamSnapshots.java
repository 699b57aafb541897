package dev.ecsnet.domain.iam;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** IAM's roles, policies, users and keys to and from their snapshot records. */
final class IamSnapshots {
    private IamSnapshots() {
    }

    static IamRecord export(Collection<Role> roles, List<ManagedPolicy> policies) {
        List<IamRecord.RoleRecord> roleRecords = new ArrayList<>(roles.size());
        for (Role r : roles) {
            roleRecords.add(new IamRecord.RoleRecord(r.name(), r.path(), r.roleId(), r.arn(), r.createDate(), r.assumeRolePolicyDocument(),
                    r.description(), r.maxSessionDuration(), new LinkedHashMap<>(r.tags), new ArrayList<>(r.attachedPolicyArns),
                    new LinkedHashMap<>(r.inlinePolicies)));
        }
        List<IamRecord.PolicyRecord> policyRecords = new ArrayList<>(policies.size());
        for (ManagedPolicy p : policies) {
            policyRecords.add(new IamRecord.PolicyRecord(p.name(), p.path(), p.policyId(), p.arn(), p.description().orElse(null),
                    p.createDate(), p.versions().stream().map(v -> new IamRecord.PolicyVersionRecord(v.versionId(), v.document(),
                    v.createDate())).toList(), p.defaultVersionId(), p.versionsCreated(), new LinkedHashMap<>(p.tags())));
        }
        return new IamRecord(roleRecords, policyRecords);
    }

    static List<Role> roles(IamRecord record) {
        List<Role> out = new ArrayList<>();
        for (IamRecord.RoleRecord r : record.roles()) {
            Role role = new Role(r.name(), r.path(), r.roleId(), r.arn(), r.createDate(), r.assumeRolePolicyDocument(), r.description(),
                    r.maxSessionDuration());
            role.tags.putAll(r.tags());
            role.attachedPolicyArns.addAll(r.attachedPolicyArns());
            role.inlinePolicies.putAll(r.inlinePolicies());
            out.add(role);
        }
        return out;
    }

    static List<ManagedPolicy> policies(IamRecord record) {
        List<ManagedPolicy> out = new ArrayList<>();
        for (IamRecord.PolicyRecord r : record.policies()) {
            ManagedPolicy p = new ManagedPolicy(r.name(), r.path(), r.policyId(), r.arn(), Optional.ofNullable(r.description()), r.createDate());
            p.restoreVersions(r.versions().stream().map(v -> new PolicyVersion(v.versionId(), v.document(), v.createDate())).toList(),
                    r.defaultVersionId(), r.versionsCreated());
            p.tag(r.tags());
            out.add(p);
        }
        return out;
    }

    static IamUsersRecord export(Collection<IamUser> users, Collection<IamAccessKey> keys) {
        return new IamUsersRecord(
                users.stream().map(u -> new IamUsersRecord.UserRecord(u.name(), u.path(), u.userId(), u.arn(), u.createDate(),
                        new LinkedHashMap<>(u.tags()))).toList(),
                keys.stream().map(k -> new IamUsersRecord.AccessKeyRecord(k.accessKeyId(), k.secretAccessKey(), k.userName().orElse(null),
                        k.status(), k.createDate())).toList());
    }

    static List<IamUser> users(IamUsersRecord record) {
        return record.users().stream().map(u -> new IamUser(u.name(), u.path(), u.userId(), u.arn(), u.createDate(), u.tags())).toList();
    }

    static List<IamAccessKey> keys(IamUsersRecord record) {
        return record.accessKeys().stream().map(k -> new IamAccessKey(k.accessKeyId(), k.secretAccessKey(), Optional.ofNullable(k.userName()),
                k.status(), k.createDate())).toList();
    }
}
