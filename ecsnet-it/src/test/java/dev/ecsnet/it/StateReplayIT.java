package dev.ecsnet.it;

import dev.ecsnet.app.server.EcsnetServer;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.engine.CommandRecord;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.engine.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands as data: the journal of one server, replayed into a fresh engine on a manual clock, gives the same
 * describe output for every resource type (same ids, addresses, MACs, states and times).
 */
class StateReplayIT {

    /** Two simulated minutes in steps of a second: gateways, tasks and groups reach their steady states (some timers recur). */
    static void settle(Engine engine) {
        for (int i = 0; i < 120; i++) {
            engine.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void aReplayedJournalGivesTheSameDescribeOutputForEveryResourceType() {
        ManualClock clockA = new ManualClock(EcsnetServerExtension.START);
        try (EcsnetServer a = new EcsnetServer(new Engine(clockA, 7, TimingProfile.FAST, EgressPolicy.IGNORE), "127.0.0.1", 0).start()) {
            StateFixture.build(a, () -> settle(a.engine()));
            a.engine().reset();
            StateFixture.build(a, () -> settle(a.engine()));
            a.engine().advance(Duration.ofSeconds(1));
            String expected = StateFixture.describeAll(a);
            List<CommandRecord> history = a.engine().history();
            assertThat(history.get(0).isEpoch()).isTrue();
            assertThat(history).hasSizeGreaterThan(60).noneMatch(r -> r.operation().startsWith("Describe"));
            // through the wire format too
            List<CommandRecord> decoded = history.stream().map(r -> CommandRecord.decode(r.encode())).toList();
            assertThat(decoded).isEqualTo(history);

            ManualClock clockB = new ManualClock(clockA.now());
            try (EcsnetServer b = new EcsnetServer(new Engine(clockB, 12345, TimingProfile.FAST, EgressPolicy.IGNORE), "127.0.0.1", 0).start()) {
                b.engine().replay(decoded, b.replayer());
                assertThat(b.engine().seed()).isEqualTo(7);
                assertThat(StateFixture.describeAll(b)).isEqualTo(expected);
                // secret access keys come from a secure random source, not the seed: the journal hands them back
                CommandRecord createKey = history.stream().filter(r -> r.operation().equals("CreateAccessKey")).findFirst().orElseThrow();
                assertThat(createKey.secrets()).hasSize(1);
                assertThat(secrets(b.engine())).isEqualTo(secrets(a.engine())).contains(createKey.secrets().get(0));
            }
        }
    }

    private static List<String> secrets(Engine engine) {
        return engine.readAccounts(accounts -> accounts.stream().flatMap(acc -> acc.iamUsers().usersWithPathPrefix(java.util.Optional.empty())
                .stream().flatMap(u -> acc.iamUsers().accessKeys(java.util.Optional.of(u.name())).stream()).map(k -> k.secretAccessKey()))
                .sorted().toList());
    }

    @Test
    void refusedCallsAndReadsAreNotJournalledAndEachCommandIsToldToListeners() {
        ManualClock clock = new ManualClock(EcsnetServerExtension.START);
        try (EcsnetServer a = new EcsnetServer(new Engine(clock, 7, TimingProfile.FAST, EgressPolicy.IGNORE), "127.0.0.1", 0).start();
             software.amazon.awssdk.services.ec2.Ec2Client ec2 = StateFixture.client(a, software.amazon.awssdk.services.ec2.Ec2Client.builder(), "test")) {
            List<CommandRecord> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
            a.engine().onCommand(heard::add);
            ec2.describeVpcs();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16").dryRun(true)));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ec2.createVpc(r -> r.cidrBlock("not-a-cidr")));
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
            List<CommandRecord> history = a.engine().history();
            assertThat(history).hasSize(2);
            CommandRecord create = history.get(1);
            assertThat(create.operation()).isEqualTo("CreateVpc");
            assertThat(create.service()).isEqualTo("ec2");
            assertThat(create.accountId()).isEqualTo("000000000000");
            assertThat(create.region()).isEqualTo("us-east-1");
            assertThat(create.at()).isEqualTo(EcsnetServerExtension.START);
            assertThat(create.params()).contains("10.0.0.0/16");
            assertThat(heard).containsExactly(create);
            assertThat(vpc).startsWith("vpc-");
        }
    }
}
