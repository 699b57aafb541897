package dev.ecsnet.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.Role;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IamIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();
    static IamClient iam;

    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String EXECUTION_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";

    @BeforeAll
    static void client() {
        iam = ecsnet.configure(IamClient.builder()).region(Region.AWS_GLOBAL).build();
    }

    @AfterAll
    static void close() {
        iam.close();
    }

    private static void assertError(Runnable call, String code, int status) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(IamException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(status);
        });
    }

    @Test
    void getUserTellsTheAccountAsTerraformReadsIt() {
        assertThat(iam.getUser().user().arn()).isEqualTo("arn:aws:iam::000000000000:root");
        assertError(() -> iam.getUser(r -> r.userName("nobody")), "NoSuchEntity", 404);
    }

    @Test
    void roleRoundTripsItsTrustPolicyUrlEncodedAsIamDoes() {
        Role created = iam.createRole(r -> r.roleName("exec").assumeRolePolicyDocument(TRUST).description("d")
                .tags(t -> t.key("team").value("web"))).role();
        assertThat(created.arn()).isEqualTo("arn:aws:iam::000000000000:role/exec");
        assertThat(created.roleId()).startsWith("AROA").hasSize(21);
        Role read = iam.getRole(r -> r.roleName("exec")).role();
        assertThat(URLDecoder.decode(read.assumeRolePolicyDocument(), StandardCharsets.UTF_8)).isEqualTo(TRUST);
        assertThat(read.maxSessionDuration()).isEqualTo(3600);
        assertThat(read.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("team=web");
        assertThat(iam.listRoles().roles()).extracting(Role::roleName).containsExactly("exec");
    }

    @Test
    void duplicateAndMissingRolesAreRefused() {
        iam.createRole(r -> r.roleName("exec").assumeRolePolicyDocument(TRUST));
        assertError(() -> iam.createRole(r -> r.roleName("exec").assumeRolePolicyDocument(TRUST)), "EntityAlreadyExists", 409);
        assertError(() -> iam.getRole(r -> r.roleName("missing")), "NoSuchEntity", 404);
        assertError(() -> iam.createRole(r -> r.roleName("bad").assumeRolePolicyDocument("not json")), "MalformedPolicyDocument", 400);
        assertThat(iam.listRoles().roles()).hasSize(1);
    }

    @Test
    void managedPoliciesAttachAndMustBeDetachedBeforeDelete() {
        iam.createRole(r -> r.roleName("exec").assumeRolePolicyDocument(TRUST));
        iam.attachRolePolicy(r -> r.roleName("exec").policyArn(EXECUTION_POLICY));
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName("exec")).attachedPolicies())
                .extracting(p -> p.policyName() + " " + p.policyArn())
                .containsExactly("AmazonECSTaskExecutionRolePolicy " + EXECUTION_POLICY);
        assertError(() -> iam.attachRolePolicy(r -> r.roleName("exec").policyArn("arn:aws:iam::aws:policy/NoSuchPolicy")), "NoSuchEntity", 404);
        assertError(() -> iam.deleteRole(r -> r.roleName("exec")), "DeleteConflict", 409);
        assertThat(iam.listInstanceProfilesForRole(r -> r.roleName("exec")).instanceProfiles()).isEmpty();
        iam.detachRolePolicy(r -> r.roleName("exec").policyArn(EXECUTION_POLICY));
        assertError(() -> iam.detachRolePolicy(r -> r.roleName("exec").policyArn(EXECUTION_POLICY)), "NoSuchEntity", 404);
        iam.deleteRole(r -> r.roleName("exec"));
        assertThat(iam.listRoles().roles()).isEmpty();
    }

    @Test
    void inlinePoliciesAreStoredAndListed() {
        iam.createRole(r -> r.roleName("task").assumeRolePolicyDocument(TRUST));
        String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
        iam.putRolePolicy(r -> r.roleName("task").policyName("read").policyDocument(doc));
        assertThat(iam.listRolePolicies(r -> r.roleName("task")).policyNames()).containsExactly("read");
        assertThat(URLDecoder.decode(iam.getRolePolicy(r -> r.roleName("task").policyName("read")).policyDocument(), StandardCharsets.UTF_8)).isEqualTo(doc);
        assertError(() -> iam.deleteRole(r -> r.roleName("task")), "DeleteConflict", 409);
        iam.deleteRolePolicy(r -> r.roleName("task").policyName("read"));
        assertError(() -> iam.getRolePolicy(r -> r.roleName("task").policyName("read")), "NoSuchEntity", 404);
    }

    @Test
    void rolesAreGlobalToTheAccountAcrossRegions() {
        iam.createRole(r -> r.roleName("exec").assumeRolePolicyDocument(TRUST));
        try (IamClient other = ecsnet.configure(IamClient.builder()).region(Region.EU_WEST_1).build()) {
            assertThat(other.getRole(r -> r.roleName("exec")).role().roleName()).isEqualTo("exec");
        }
        try (IamClient otherAccount = ecsnet.configureAs(IamClient.builder(), "111122223333", Region.AWS_GLOBAL).build()) {
            assertThatThrownBy(() -> otherAccount.getRole(r -> r.roleName("exec"))).isInstanceOf(IamException.class);
        }
    }
}
