package dev.ecsnet.engine;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The state version watchers poll: it moves with timers, resets and reported calls, and only then. */
class EngineStateVersionTest {
    private static final AccountRegion KEY = new AccountRegion("000000000000", "us-east-1");

    @Test
    void growsWithEachTimerRunEachResetAndEachReportedChangeButNotWithAPlainRead() {
        try (Engine engine = new Engine(new ManualClock(Instant.EPOCH), 1, TimingProfile.FAST, EgressPolicy.IGNORE)) {
            String vpcId = engine.call(KEY, s -> s.network().createVpc("10.0.0.0/16", "default", Map.of()).id());
            long created = engine.stateVersion();
            engine.call(KEY, s -> s.network().vpcs().size());
            assertThat(engine.stateVersion()).as("a read on the engine does not move it").isEqualTo(created);

            engine.stateChanged();
            assertThat(engine.stateVersion()).isEqualTo(created + 1);

            // associating a secondary block schedules one timer (associating -> associated)
            engine.call(KEY, s -> s.network().cidrs().associateIpv4(vpcId, "10.1.0.0/16"));
            long beforeTimer = engine.stateVersion();
            engine.advance(Duration.ofMinutes(1));
            assertThat(engine.stateVersion()).as("the timer run moved it").isGreaterThan(beforeTimer);

            long beforeReset = engine.stateVersion();
            engine.reset();
            assertThat(engine.stateVersion()).isGreaterThan(beforeReset);
        }
    }
}
