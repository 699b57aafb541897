package dev.ecsnet.app.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** With signatures verified, the unsigned admin API (reset, diagnose, reach) answers only this machine; health anyone. */
class FrontDoorTest {

    @Test
    void theAdminApiAnswersOnlyLoopbackWhenSignaturesAreVerified() {
        assertThat(FrontDoor.adminAllowed("/_ecsnet/reset", true, "10.1.2.3")).isFalse();
        assertThat(FrontDoor.adminAllowed("/_ecsnet/diagnose", true, "192.0.2.7")).isFalse();
        assertThat(FrontDoor.adminAllowed("/_ecsnet", true, "[2001:db8::1]")).isFalse();
        assertThat(FrontDoor.adminAllowed("/_ecsnet/health", true, "10.1.2.3")).isTrue();
        assertThat(FrontDoor.adminAllowed("/_ecsnet/reset", true, "127.0.0.1")).isTrue();
        assertThat(FrontDoor.adminAllowed("/_ecsnet/reset", true, "::1")).isTrue();
        assertThat(FrontDoor.adminAllowed("/_ecsnet/reset", false, "10.1.2.3")).as("signatures not verified: as before").isTrue();
    }
}
