package dev.ecsnet.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests on one server at the same time (junit-platform.properties turns parallel execution on with 4 threads):
 * the barrier holds each test until all three run, so this passes only if they really overlap, and each still
 * sees only its own VPCs and its own account through the extension's accessors, while a thread of none of them is
 * told that the account it asks for is ambiguous.
 */
@Execution(ExecutionMode.CONCURRENT)
class ParallelTestsTest {
    @RegisterExtension
    static EcsnetExtension ECSNET = new EcsnetExtension();

    private static final CyclicBarrier ALL_RUNNING = new CyclicBarrier(3);
    private static final CyclicBarrier ALL_ASKED = new CyclicBarrier(3);

    @Test
    void first(Ec2Client ec2, EcsnetAccount account) throws Exception {
        isolated(ec2, account, "10.1.0.0/16");
    }

    @Test
    void second(Ec2Client ec2, EcsnetAccount account) throws Exception {
        isolated(ec2, account, "10.2.0.0/16");
    }

    @Test
    void third(Ec2Client ec2, EcsnetAccount account) throws Exception {
        isolated(ec2, account, "10.3.0.0/16");
    }

    private static void isolated(Ec2Client ec2, EcsnetAccount account, String cidr) throws Exception {
        ALL_RUNNING.await(30, TimeUnit.SECONDS);
        assertThat(ECSNET.accountId()).isEqualTo(account.accountId());
        FutureTask<String> fromAnotherThread = new FutureTask<>(ECSNET::accountId);
        new Thread(fromAnotherThread).start();
        assertThatThrownBy(fromAnotherThread::get).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("3 tests run at once and this thread is none of theirs");
        ALL_ASKED.await(30, TimeUnit.SECONDS);
        for (int i = 0; i < 5; i++) {
            ec2.createVpc(r -> r.cidrBlock(cidr));
        }
        ECSNET.settle();
        assertThat(ec2.describeVpcs().vpcs()).filteredOn(v -> !v.isDefault()).extracting(Vpc::cidrBlock).hasSize(5).containsOnly(cidr);
        assertThat(ec2.describeVpcs().vpcs()).extracting(Vpc::ownerId).containsOnly(account.accountId());
    }
}
