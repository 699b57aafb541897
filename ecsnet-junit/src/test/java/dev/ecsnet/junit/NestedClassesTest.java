package dev.ecsnet.junit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A @Nested class shares its outer class's server; its tests still get fresh accounts. */
class NestedClassesTest {
    @RegisterExtension
    static EcsnetExtension ECSNET = new EcsnetExtension();

    static int outerPort;
    static String outerAccount;

    @Test
    void outer() {
        outerPort = ECSNET.port();
        outerAccount = ECSNET.accountId();
    }

    @Nested
    class Inner {
        @Test
        void sameServerOtherAccount(EcsnetAccount account) {
            assertThat(ECSNET.port()).isEqualTo(outerPort);
            assertThat(account.accountId()).isEqualTo(ECSNET.accountId()).isNotEqualTo(outerAccount);
        }
    }
}
