package dev.ecsnet.domain.iam;

import dev.ecsnet.domain.state.AccountState;
import dev.ecsnet.domain.state.RegionTwin;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** An account's IAM restored from its snapshot record answers and draws ids and secrets as the original does. */
class IamSnapshotTest {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String EXECUTION = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";

    private static PolicyDocument document(String action) {
        String text = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"*\"}]}";
        return new PolicyDocument(text, Optional.of(Map.of("Version", "2012-10-17",
                "Statement", List.of(Map.of("Effect", "Allow", "Action", action, "Resource", "*")))));
    }

    /** Everything the Get and List calls show of roles, policies, users and keys. */
    private static List<Object> view(AccountState account) {
        List<Object> out = new ArrayList<>();
        Iam iam = account.iam();
        for (Role r : iam.roles()) {
            out.add(List.of(r.name(), r.path(), r.roleId(), r.arn(), r.createDate(), r.assumeRolePolicyDocument(),
                    String.valueOf(r.description()), r.maxSessionDuration(), List.copyOf(r.orderedTags().entrySet()),
                    List.copyOf(r.attachedPolicyArns()), List.copyOf(r.inlinePolicies().entrySet())));
        }
        for (ManagedPolicy p : iam.policies().all()) {
            out.add(List.of(p.name(), p.path(), p.policyId(), p.arn(), p.description(), p.createDate(), p.updateDate(), p.versions(),
                    p.defaultVersionId(), List.copyOf(p.tags().entrySet()), iam.attachmentCount(p.arn())));
        }
        IamUsers users = account.iamUsers();
        for (IamUser u : users.usersWithPathPrefix(Optional.empty())) {
            out.add(u);
            out.add(users.accessKeys(Optional.of(u.name())));
        }
        out.add(users.accessKeys(Optional.empty()));
        return out;
    }

    private static void build(RegionTwin t) {
        AccountState account = t.region.account();
        Iam iam = account.iam();
        iam.createRole("task-exec", "/service/", TRUST, "runs tasks", 7200, Map.of("team", "web"));
        iam.tagRole("task-exec", Map.of("env", "dev", "cost", "1"));
        iam.untagRole("task-exec", List.of("cost"));
        iam.createRole("task", null, TRUST, null, null, Map.of());
        iam.updateRole("task", "the task role", 3600 * 5);
        iam.updateAssumeRolePolicy("task", TRUST.replace("ecs-tasks", "ecs"));
        iam.createRole("gone", null, TRUST, null, null, Map.of());
        iam.deleteRole("gone");

        CustomerPolicies policies = iam.policies();
        t.advance(Duration.ofSeconds(5));
        ManagedPolicy read = policies.create(new CustomerPolicies.CreateRequest("app-read", Optional.of("/app/"), document("s3:GetObject"),
                Optional.of("reads the bucket"), Map.of("owner", "app")));
        t.advance(Duration.ofSeconds(5));
        policies.createVersion(read.arn(), document("s3:ListBucket"), true);
        policies.createVersion(read.arn(), document("s3:PutObject"), false);
        policies.deleteVersion(read.arn(), "v3");
        policies.setDefaultVersion(read.arn(), "v1");
        policies.tag(read.arn(), Map.of("tier", "gold"));
        ManagedPolicy gone = policies.create(new CustomerPolicies.CreateRequest("gone", Optional.empty(), document("sqs:SendMessage"),
                Optional.empty(), Map.of()));
        iam.deletePolicy(gone.arn());

        iam.attachRolePolicy("task-exec", EXECUTION);
        iam.attachRolePolicy("task-exec", read.arn());
        iam.attachRolePolicy("task", read.arn());
        iam.putRolePolicy("task", "inline-b", document("logs:PutLogEvents").text());
        iam.putRolePolicy("task", "inline-a", document("logs:CreateLogStream").text());

        IamUsers users = account.iamUsers();
        users.createUser("ci", Optional.of("/ci/"), Map.of("k", "v"));
        IamAccessKey first = users.createAccessKey(Optional.of("ci"));
        users.createAccessKey(Optional.of("ci"));
        users.updateAccessKey(Optional.of("ci"), first.accessKeyId(), IamAccessKey.Status.INACTIVE);
        users.createAccessKey(Optional.empty());
        users.createUser("old", Optional.empty(), Map.of());
        IamAccessKey old = users.createAccessKey(Optional.of("old"));
        users.deleteAccessKey(Optional.of("old"), old.accessKeyId());
        users.deleteUser("old");
        t.advance(Duration.ofSeconds(5));
    }

    @Test
    void aRestoredAccountExportsWhatItWasGivenAndGoesOnAsTheOriginalDoes() {
        RegionTwin a = new RegionTwin(42);
        build(a);

        RegionTwin b = a.twin();

        assertThat(b.exports()).isEqualTo(a.exports());
        assertThat(view(b.region.account())).isEqualTo(view(a.region.account()));
        IamAccessKey signing = a.region.account().iamUsers().accessKeys(Optional.of("ci")).get(1);
        assertThat(b.region.account().iamUsers().activeKey(signing.accessKeyId())).contains(signing);

        List<List<Object>> next = new ArrayList<>();
        for (RegionTwin t : List.of(a, b)) {
            AccountState account = t.region.account();
            Iam iam = account.iam();
            String arn = iam.policies().all().get(0).arn();
            Role role = iam.createRole("next", null, TRUST, null, null, Map.of());
            PolicyVersion version = iam.policies().createVersion(arn, document("s3:DeleteObject"), true);
            ManagedPolicy policy = iam.policies().create(new CustomerPolicies.CreateRequest("next", Optional.empty(), document("ec2:Describe*"),
                    Optional.empty(), Map.of()));
            iam.detachRolePolicy("task", arn);
            account.iamUsers().deleteAccessKey(Optional.empty(), account.iamUsers().accessKeys(Optional.empty()).get(0).accessKeyId());
            IamAccessKey key = account.iamUsers().createAccessKey(Optional.empty());
            IamUser user = account.iamUsers().createUser("next", Optional.empty(), Map.of());
            t.settle();
            next.add(List.of(role.roleId(), version.versionId(), policy.policyId(), key, user.userId()));
        }
        assertThat(next.get(1)).isEqualTo(next.get(0));
        assertThat(next.get(0).get(1)).as("version ids are never reused").isEqualTo("v4");
        assertThat(view(b.region.account())).isEqualTo(view(a.region.account()));
        assertThat(b.exports()).isEqualTo(a.exports());
    }
}
