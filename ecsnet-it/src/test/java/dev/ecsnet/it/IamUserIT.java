package dev.ecsnet.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** IAM users and access keys (what {@code --verify-signatures} accepts besides configured keys); errors change nothing. */
class IamUserIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();
    static IamClient iam;

    @BeforeAll
    static void client() {
        iam = ecsnet.configure(IamClient.builder()).build();
    }

    @AfterAll
    static void close() {
        iam.close();
    }

    private static void assertError(Runnable call, String code, int status, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(IamException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    @Test
    void usersAreCreatedReadListedAndDeleted() {
        User created = iam.createUser(r -> r.userName("ci").path("/deploy/").tags(t -> t.key("team").value("web"))).user();
        assertThat(created.arn()).isEqualTo("arn:aws:iam::000000000000:user/deploy/ci");
        assertThat(created.userId()).startsWith("AIDA").hasSize(21);
        assertThat(created.createDate()).isEqualTo(ecsnet.now());
        assertThat(iam.getUser(r -> r.userName("CI")).user()).as("names are case-insensitive").isEqualTo(created);
        iam.createUser(r -> r.userName("admin"));
        assertThat(iam.listUsers().users()).extracting(User::userName).containsExactly("admin", "ci");
        assertThat(iam.listUsers(r -> r.pathPrefix("/deploy/")).users()).extracting(User::userName).containsExactly("ci");
        assertThat(iam.listUsers(r -> r.maxItems(1)).isTruncated()).isTrue();
        iam.deleteUser(r -> r.userName("admin"));
        assertThat(iam.listUsers().users()).extracting(User::userName).containsExactly("ci");
        assertThat(iam.getUser().user().arn()).as("without a name: the caller, here the root").isEqualTo("arn:aws:iam::000000000000:root");
    }

    @Test
    void badUsersAreRefusedAsIamRefusesThem() {
        iam.createUser(r -> r.userName("ci"));
        assertError(() -> iam.createUser(r -> r.userName("ci")), "EntityAlreadyExists", 409, "User with name ci already exists.");
        assertError(() -> iam.createUser(r -> r.userName("a b")), "ValidationError", 400,
                "1 validation error detected: Value 'a b' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        assertError(() -> iam.createUser(r -> r.userName("x".repeat(65))), "ValidationError", 400, "1 validation error detected: Value '"
                + "x".repeat(65) + "' at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64");
        assertError(() -> iam.createUser(r -> r.userName("y").path("deploy")), "ValidationError", 400,
                "The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.");
        assertError(() -> iam.getUser(r -> r.userName("nobody")), "NoSuchEntity", 404, "The user with name nobody cannot be found.");
        assertError(() -> iam.deleteUser(r -> r.userName("nobody")), "NoSuchEntity", 404, "The user with name nobody cannot be found.");
        assertThat(iam.listUsers().users()).extracting(User::userName).containsExactly("ci");
    }

    @Test
    void accessKeysAreMadeListedUpdatedAndDeleted() {
        iam.createUser(r -> r.userName("ci"));
        AccessKey key = iam.createAccessKey(r -> r.userName("ci")).accessKey();
        assertThat(key.accessKeyId()).startsWith("AKIA").hasSize(20);
        assertThat(key.secretAccessKey()).hasSize(40);
        assertThat(key.status()).isEqualTo(StatusType.ACTIVE);
        assertThat(key.userName()).isEqualTo("ci");
        AccessKey second = iam.createAccessKey(r -> r.userName("ci")).accessKey();
        assertThat(second.secretAccessKey()).isNotEqualTo(key.secretAccessKey());
        assertThat(iam.listAccessKeys(r -> r.userName("ci")).accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId)
                .containsExactly(key.accessKeyId(), second.accessKeyId());

        iam.updateAccessKey(r -> r.userName("ci").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
        assertThat(iam.listAccessKeys(r -> r.userName("ci")).accessKeyMetadata()).extracting(AccessKeyMetadata::status)
                .containsExactly(StatusType.INACTIVE, StatusType.ACTIVE);
        iam.deleteAccessKey(r -> r.userName("ci").accessKeyId(key.accessKeyId()));
        assertThat(iam.listAccessKeys(r -> r.userName("ci")).accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId)
                .containsExactly(second.accessKeyId());

        AccessKey root = iam.createAccessKey().accessKey();
        assertThat(iam.listAccessKeys().accessKeyMetadata()).as("without a name: the caller's (root's) keys")
                .extracting(AccessKeyMetadata::accessKeyId).containsExactly(root.accessKeyId());
    }

    @Test
    void accessKeyErrorsChangeNothing() {
        iam.createUser(r -> r.userName("ci"));
        AccessKey key = iam.createAccessKey(r -> r.userName("ci")).accessKey();
        iam.createAccessKey(r -> r.userName("ci"));
        assertError(() -> iam.createAccessKey(r -> r.userName("ci")), "LimitExceeded", 409, "Cannot exceed quota for AccessKeysPerUser: 2");
        assertError(() -> iam.createAccessKey(r -> r.userName("nobody")), "NoSuchEntity", 404, "The user with name nobody cannot be found.");
        assertError(() -> iam.deleteUser(r -> r.userName("ci")), "DeleteConflict", 409, "Cannot delete entity, must delete access keys first.");
        assertError(() -> iam.deleteAccessKey(r -> r.accessKeyId(key.accessKeyId())), "NoSuchEntity", 404,
                "The Access Key with id " + key.accessKeyId() + " cannot be found.");
        assertError(() -> iam.updateAccessKey(r -> r.userName("ci").accessKeyId("AKIA0000000000000000").status(StatusType.INACTIVE)),
                "NoSuchEntity", 404, "The Access Key with id AKIA0000000000000000 cannot be found.");
        assertError(() -> iam.updateAccessKey(r -> r.userName("ci").accessKeyId(key.accessKeyId()).status("Paused")), "ValidationError", 400,
                "1 validation error detected: Value 'Paused' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Expired, Inactive]");
        assertThat(iam.listAccessKeys(r -> r.userName("ci")).accessKeyMetadata()).hasSize(2)
                .extracting(AccessKeyMetadata::status).containsOnly(StatusType.ACTIVE);
        assertThat(iam.listUsers().users()).extracting(User::userName).containsExactly("ci");
    }
}
