package dev.ecsnet.domain.ssm;

import java.util.Arrays;
import java.util.Optional;

/** The three Parameter Store types, by their wire names. */
public enum ParameterType {
    STRING("String"), STRING_LIST("StringList"), SECURE_STRING("SecureString");

    private final String wireName;

    ParameterType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ParameterType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
