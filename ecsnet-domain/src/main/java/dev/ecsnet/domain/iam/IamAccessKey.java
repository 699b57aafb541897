package dev.ecsnet.domain.iam;

import java.time.Instant;
import java.util.Optional;

/** An access key made by {@code CreateAccessKey}: for a user, or for the account's root when {@code userName} is empty. */
public record IamAccessKey(String accessKeyId, String secretAccessKey, Optional<String> userName, Status status, Instant createDate) {

    /** {@code Active} or {@code Inactive}, as the wire spells them; only an active key signs requests. */
    public enum Status {
        ACTIVE("Active"), INACTIVE("Inactive");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    IamAccessKey withStatus(Status newStatus) {
        return new IamAccessKey(accessKeyId, secretAccessKey, userName, newStatus, createDate);
    }

    @Override
    public String toString() {
        return "IamAccessKey[" + accessKeyId + ", " + userName.orElse("root") + ", " + status + "]";
    }
}
