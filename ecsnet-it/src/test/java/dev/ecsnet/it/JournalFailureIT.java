package dev.ecsnet.it;

import dev.ecsnet.app.server.EcsnetServer;
import dev.ecsnet.domain.common.EgressPolicy;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.engine.Engine;
import dev.ecsnet.engine.ManualClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A journal that cannot be written (a full disk) stops every further change: memory already holds the change whose
 * write failed, and anything built on it would be lost, or fail to replay, at the next start. Reads still answer.
 */
class JournalFailureIT {

    @Test
    void aFailedJournalWriteRefusesEveryLaterChangeWithServiceUnavailableAndReadsStillAnswer() {
        AtomicBoolean diskFull = new AtomicBoolean();
        try (EcsnetServer server = new EcsnetServer(new Engine(new ManualClock(EcsnetServerExtension.START), 7, TimingProfile.FAST,
                EgressPolicy.IGNORE), "127.0.0.1", 0).start();
             Ec2Client ec2 = StateFixture.client(server, Ec2Client.builder(), "test");
             EcsClient ecs = StateFixture.client(server, EcsClient.builder(), "test")) {
            server.engine().journalTo(record -> {
                if (diskFull.get()) {
                    throw new UncheckedIOException(new IOException("No space left on device"));
                }
            });
            ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16"));
            assertThat(server.engine().journalFailure()).isEmpty();

            diskFull.set(true);
            AwsServiceException failed = catchThrowableOfType(() -> ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")), AwsServiceException.class);
            assertThat(failed.statusCode()).isEqualTo(503);
            assertThat(failed.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
            assertThat(failed.awsErrorDetails().errorMessage())
                    .startsWith("ecsnet could not write its journal (java.io.IOException: No space left on device) and accepts no change until it is restarted");
            assertThat(server.engine().journalFailure()).hasValue("java.io.IOException: No space left on device");
            int vpcs = ec2.describeVpcs().vpcs().size();

            diskFull.set(false);
            AwsServiceException refused = catchThrowableOfType(() -> ecs.createCluster(r -> r.clusterName("later")), AwsServiceException.class);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
            assertThat(ecs.listClusters().clusterArns()).isEmpty();
            assertThatNothingChangesAfter(ec2, vpcs);
        }
    }

    private static void assertThatNothingChangesAfter(Ec2Client ec2, int vpcs) {
        AwsServiceException refused = catchThrowableOfType(() -> ec2.createVpc(r -> r.cidrBlock("10.2.0.0/16")), AwsServiceException.class);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
        assertThat(ec2.describeVpcs().vpcs()).hasSize(vpcs);
    }
}
