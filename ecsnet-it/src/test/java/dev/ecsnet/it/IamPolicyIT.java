package dev.ecsnet.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyUsageType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.ecsnet.it.AwsRefusal.refused;
import static dev.ecsnet.it.AwsRefusal.refusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;

/** IAM customer managed policies through the SDK: documents checked as IAM checks them, versions, attachments, listing, tags. */
class IamPolicyIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();
    static IamClient iam;

    static final String DOC = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ssm:GetParameters\"],"
            + "\"Resource\":\"arn:aws:ssm:us-east-1:000000000000:parameter/app/*\"}]}";
    static final String DOC2 = DOC.replace("GetParameters", "GetParameter");
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},"
            + "\"Action\":\"sts:AssumeRole\"}]}";
    static final String ARN = "arn:aws:iam::000000000000:policy/ecs/read-params";

    @BeforeAll
    static void client() {
        iam = ecsnet.configure(IamClient.builder()).region(Region.AWS_GLOBAL).build();
    }

    @AfterAll
    static void close() {
        iam.close();
    }

    private static Policy create() {
        return iam.createPolicy(r -> r.policyName("read-params").path("/ecs/").policyDocument(DOC).description("read the app's parameters")
                .tags(t -> t.key("team").value("web"))).policy();
    }

    private static List<String> local() {
        return iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL)).policies().stream().map(Policy::arn).toList();
    }

    @Test
    void aPolicyReadsBackAsCreatedWithItsDocumentUrlEncoded() {
        Policy created = create();
        assertThat(created.arn()).isEqualTo(ARN);
        assertThat(created.policyId()).startsWith("ANPA").hasSize(21);
        assertThat(created.defaultVersionId()).isEqualTo("v1");
        assertThat(created.attachmentCount()).isZero();
        assertThat(created.isAttachable()).isTrue();
        assertThat(created.createDate()).isEqualTo(created.updateDate());
        Policy read = iam.getPolicy(r -> r.policyArn(ARN)).policy();
        assertThat(read.description()).isEqualTo("read the app's parameters");
        assertThat(read.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("team=web");
        PolicyVersion v1 = iam.getPolicyVersion(r -> r.policyArn(ARN).versionId("v1")).policyVersion();
        assertThat(URLDecoder.decode(v1.document(), StandardCharsets.UTF_8)).isEqualTo(DOC);
        assertThat(v1.isDefaultVersion()).isTrue();
        refusedWithoutChange(IamPolicyIT::local, () -> iam.createPolicy(r -> r.policyName("READ-PARAMS").policyDocument(DOC)),
                "EntityAlreadyExists", "A policy called READ-PARAMS already exists. Duplicate names are not allowed.", 409);
        refused(() -> iam.getPolicy(r -> r.policyArn("arn:aws:iam::000000000000:policy/nope")), "NoSuchEntity",
                "Policy arn:aws:iam::000000000000:policy/nope does not exist or is not attachable.", 404);
        refused(() -> iam.getPolicy(r -> r.policyArn("not-an-arn-at-all-really")), "InvalidInput", "ARN not-an-arn-at-all-really is not valid.", 400);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "not json|Syntax errors in policy.",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Color\":\"red\"}]}|Syntax errors in policy.",
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}|Policy document must be version 2012-10-17 or greater.",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}|Policy document should not specify a principal.",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}|The policy failed legacy parsing",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"a\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},{\"Sid\":\"a\",\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}|Statement IDs (SID) in a single policy must be unique.",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Resource\":\"*\"}]}|Policy statement must contain actions.",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}]}|Policy statement must contain resources.",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"bucket\"}]}|Resource bucket must be in ARN format or \"*\".",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"GetObject\",\"Resource\":\"*\"}]}|Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.",
    })
    void malformedDocumentsAreRefusedWithIamsMessage(String document, String message) {
        refusedWithoutChange(IamPolicyIT::local, () -> iam.createPolicy(r -> r.policyName("p").policyDocument(document)),
                "MalformedPolicyDocument", message, 400);
    }

    @Test
    void namesPathsAndSizeAreChecked() {
        String big = DOC.replace("parameter/app/*", "parameter/" + "x".repeat(6200));
        refusedWithoutChange(IamPolicyIT::local, () -> iam.createPolicy(r -> r.policyName("big").policyDocument(big)), "LimitExceeded",
                "Cannot exceed quota for PolicySize: 6144", 409);
        refusedWithoutChange(IamPolicyIT::local, () -> iam.createPolicy(r -> r.policyName("p").path("ecs").policyDocument(DOC)), "ValidationError",
                "The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.", 400);
        refusedWithoutChange(IamPolicyIT::local, () -> iam.createPolicy(r -> r.policyName("a b").policyDocument(DOC)), "ValidationError", null, 400);
    }

    @Test
    void versionsAreAtMostFiveWithOneDefault() {
        create();
        PolicyVersion v2 = iam.createPolicyVersion(r -> r.policyArn(ARN).policyDocument(DOC2).setAsDefault(true)).policyVersion();
        assertThat(v2.versionId()).isEqualTo("v2");
        assertThat(v2.isDefaultVersion()).isTrue();
        assertThat(iam.getPolicy(r -> r.policyArn(ARN)).policy().defaultVersionId()).isEqualTo("v2");
        for (int i = 0; i < 3; i++) {
            iam.createPolicyVersion(r -> r.policyArn(ARN).policyDocument(DOC));
        }
        refusedWithoutChange(() -> iam.listPolicyVersions(r -> r.policyArn(ARN)).versions().size(),
                () -> iam.createPolicyVersion(r -> r.policyArn(ARN).policyDocument(DOC)), "LimitExceeded",
                "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.", 409);
        refused(() -> iam.deletePolicyVersion(r -> r.policyArn(ARN).versionId("v2")), "DeleteConflict", "Cannot delete the default version of a policy.", 409);
        iam.deletePolicyVersion(r -> r.policyArn(ARN).versionId("v1"));
        PolicyVersion v6 = iam.createPolicyVersion(r -> r.policyArn(ARN).policyDocument(DOC)).policyVersion();
        assertThat(v6.versionId()).as("numbers are not reused").isEqualTo("v6");
        iam.setDefaultPolicyVersion(r -> r.policyArn(ARN).versionId("v3"));
        assertThat(iam.listPolicyVersions(r -> r.policyArn(ARN)).versions()).extracting(PolicyVersion::versionId, PolicyVersion::isDefaultVersion,
                PolicyVersion::document).containsExactly(org.assertj.core.groups.Tuple.tuple("v2", false, null),
                org.assertj.core.groups.Tuple.tuple("v3", true, null), org.assertj.core.groups.Tuple.tuple("v4", false, null),
                org.assertj.core.groups.Tuple.tuple("v5", false, null), org.assertj.core.groups.Tuple.tuple("v6", false, null));
        refused(() -> iam.getPolicyVersion(r -> r.policyArn(ARN).versionId("v1")), "NoSuchEntity",
                "Policy " + ARN + " version v1 does not exist or is not attachable.", 404);
        refused(() -> iam.createPolicyVersion(r -> r.policyArn(ARN).policyDocument("{}")), "MalformedPolicyDocument", "Syntax errors in policy.", 400);
    }

    @Test
    void aPolicyCannotBeDeletedWhileAttachedOrWithOtherVersions() {
        create();
        iam.createRole(r -> r.roleName("exec").assumeRolePolicyDocument(TRUST));
        iam.attachRolePolicy(r -> r.roleName("exec").policyArn(ARN));
        assertThat(iam.getPolicy(r -> r.policyArn(ARN)).policy().attachmentCount()).isEqualTo(1);
        assertThat(iam.listEntitiesForPolicy(r -> r.policyArn(ARN)).policyRoles()).extracting(r -> r.roleName()).containsExactly("exec");
        assertThat(iam.listEntitiesForPolicy(r -> r.policyArn(ARN).entityFilter("User")).policyRoles()).isEmpty();
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName("exec").pathPrefix("/ecs/")).attachedPolicies())
                .extracting(p -> p.policyName() + " " + p.policyArn()).containsExactly("read-params " + ARN);
        refusedWithoutChange(IamPolicyIT::local, () -> iam.deletePolicy(r -> r.policyArn(ARN)), "DeleteConflict",
                "Cannot delete a policy attached to entities.", 409);
        iam.detachRolePolicy(r -> r.roleName("exec").policyArn(ARN));
        iam.createPolicyVersion(r -> r.policyArn(ARN).policyDocument(DOC2));
        refusedWithoutChange(IamPolicyIT::local, () -> iam.deletePolicy(r -> r.policyArn(ARN)), "DeleteConflict", "This policy has more than one "
                + "version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.", 409);
        iam.deletePolicyVersion(r -> r.policyArn(ARN).versionId("v2"));
        iam.deletePolicy(r -> r.policyArn(ARN));
        assertThat(local()).isEmpty();
        refused(() -> iam.getPolicy(r -> r.policyArn(ARN)), "NoSuchEntity", null, 404);
    }

    @Test
    void attachingNeedsAnExistingPolicyAndAtMostTenPerRole() {
        iam.createRole(r -> r.roleName("exec").assumeRolePolicyDocument(TRUST));
        refused(() -> iam.attachRolePolicy(r -> r.roleName("exec").policyArn(ARN)), "NoSuchEntity",
                "Policy " + ARN + " does not exist or is not attachable.", 404);
        for (int i = 0; i < 10; i++) {
            String name = "p" + i;
            String arn = iam.createPolicy(r -> r.policyName(name).policyDocument(DOC)).policy().arn();
            iam.attachRolePolicy(r -> r.roleName("exec").policyArn(arn));
        }
        refusedWithoutChange(() -> iam.listAttachedRolePolicies(r -> r.roleName("exec")).attachedPolicies().size(),
                () -> iam.attachRolePolicy(r -> r.roleName("exec").policyArn("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")),
                "LimitExceeded", "Cannot exceed quota for PoliciesPerRole: 10", 409);
    }

    @Test
    void listPoliciesByScopePathAttachmentAndPages() {
        create();
        iam.createPolicy(r -> r.policyName("other").policyDocument(DOC));
        iam.createRole(r -> r.roleName("exec").assumeRolePolicyDocument(TRUST));
        iam.attachRolePolicy(r -> r.roleName("exec").policyArn(ARN));
        iam.attachRolePolicy(r -> r.roleName("exec").policyArn("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"));
        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL)).policies()).extracting(Policy::policyName)
                .containsExactly("other", "read-params");
        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL).pathPrefix("/ecs/")).policies()).extracting(Policy::policyName)
                .containsExactly("read-params");
        assertThat(iam.listPolicies(r -> r.onlyAttached(true)).policies()).extracting(Policy::policyName, Policy::attachmentCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("read-params", 1),
                        org.assertj.core.groups.Tuple.tuple("AmazonECSTaskExecutionRolePolicy", 1));
        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.AWS).pathPrefix("/service-role/")).policies()).extracting(Policy::arn)
                .contains("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy").allMatch(a -> a.contains(":aws:policy/service-role/"));
        assertThat(iam.listPolicies(r -> r.policyUsageFilter(PolicyUsageType.PERMISSIONS_BOUNDARY)).policies()).isEmpty();
        Policy awsManaged = iam.getPolicy(r -> r.policyArn("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")).policy();
        assertThat(awsManaged.policyName()).isEqualTo("AmazonECSTaskExecutionRolePolicy");
        assertThat(awsManaged.path()).isEqualTo("/service-role/");
        assertThat(awsManaged.attachmentCount()).isEqualTo(1);
        var first = iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL).maxItems(1));
        assertThat(first.isTruncated()).isTrue();
        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL).maxItems(1).marker(first.marker())).policies())
                .extracting(Policy::policyName).containsExactly("read-params");
        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL)).policies().get(0).description()).as("ListPolicies leaves descriptions out").isNull();
    }

    @Test
    void policyTags() {
        create();
        iam.tagPolicy(r -> r.policyArn(ARN).tags(t -> t.key("env").value("prod")));
        assertThat(iam.listPolicyTags(r -> r.policyArn(ARN)).tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("team=web", "env=prod");
        iam.untagPolicy(r -> r.policyArn(ARN).tagKeys("team"));
        assertThat(iam.listPolicyTags(r -> r.policyArn(ARN)).tags()).extracting(t -> t.key()).containsExactly("env");
        refused(() -> iam.listPolicyTags(r -> r.policyArn("arn:aws:iam::000000000000:policy/nope")), "NoSuchEntity", null, 404);
    }
}
