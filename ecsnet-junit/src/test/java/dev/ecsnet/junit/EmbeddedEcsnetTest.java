package dev.ecsnet.junit;

import dev.ecsnet.domain.common.TimingProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ecsnet.start without JUnit's help: start, use, close. */
class EmbeddedEcsnetTest {
    @Test
    void startsOnAFreeLoopbackPortAndStopsOnClose() {
        int port;
        try (Ecsnet ecsnet = Ecsnet.start(EcsnetOptions.builder().region("eu-west-1").manualClock(Instant.parse("2030-05-01T12:00:00Z")).build());
             Ec2Client ec2 = Ec2Client.builder().endpointOverride(ecsnet.endpoint()).region(Region.of(ecsnet.region()))
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ecsnet.accessKeyId(), ecsnet.secretAccessKey())))
                     .build()) {
            port = ecsnet.port();
            assertThat(ecsnet.accessKeyId()).isEqualTo("000000000000");
            assertThat(ec2.describeAvailabilityZones().availabilityZones()).extracting(z -> z.zoneName())
                    .containsExactly("eu-west-1a", "eu-west-1b", "eu-west-1c");
            assertThat(ecsnet.now()).isEqualTo(Instant.parse("2030-05-01T12:00:00Z"));
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
    }

    @Test
    void freshAccountsAreTwelveDigitsAndNeverRepeat() {
        try (Ecsnet ecsnet = Ecsnet.start()) {
            EcsnetAccount a = ecsnet.newAccount();
            EcsnetAccount b = ecsnet.newAccount();
            assertThat(a.accountId()).matches("\\d{12}").isNotEqualTo(b.accountId()).isNotEqualTo("000000000000");
            assertThat(b.accessKeyId()).isEqualTo(b.accountId());
        }
    }

    @Test
    void aFixedAccountIsTheDefaultOne() {
        try (Ecsnet ecsnet = Ecsnet.start(EcsnetOptions.builder().accountId("123456789012").build())) {
            assertThat(ecsnet.defaultAccount()).isEqualTo(EcsnetAccount.of("123456789012"));
        }
        assertThatThrownBy(() -> EcsnetOptions.builder().accountId("12345")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an account id is 12 digits, not '12345'");
        assertThatThrownBy(() -> EcsnetOptions.builder().region("us-esat-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an AWS region: 'us-esat-1'");
    }

    @Test
    void theSystemClockRefusesAdvanceAndSettle() {
        try (Ecsnet ecsnet = Ecsnet.start(EcsnetOptions.builder().systemClock().timing(TimingProfile.INSTANT).build())) {
            assertThatThrownBy(() -> ecsnet.advance(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("advance() needs the manual clock");
            assertThatThrownBy(ecsnet::settle).isInstanceOf(IllegalStateException.class).hasMessageContaining("settle() needs the manual clock");
            assertThat(ecsnet.now()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        }
    }

    private static Ec2Client ec2(Ecsnet ecsnet) {
        return Ec2Client.builder().endpointOverride(ecsnet.endpoint()).region(Region.of(ecsnet.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ecsnet.accessKeyId(), ecsnet.secretAccessKey())))
                .build();
    }

    @Test
    void aSavedSandboxIsWhereTheNextServerStarts(@TempDir Path dir) {
        Path file = dir.resolve("sandbox.ecsnet");
        String vpc;
        String subnet;
        try (Ecsnet first = Ecsnet.start(); Ec2Client ec2 = ec2(first)) {
            vpc = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
            subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.9.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
            first.saveState(file);
        }
        try (Ecsnet second = Ecsnet.start(EcsnetOptions.builder().stateFile(file).build()); Ec2Client ec2 = ec2(second)) {
            assertThat(ec2.describeSubnets(r -> r.subnetIds(subnet)).subnets()).singleElement()
                    .satisfies(s -> assertThat(s.vpcId()).isEqualTo(vpc));
        }
        Path notOne = dir.resolve("not-a-sandbox");
        assertThatThrownBy(() -> Ecsnet.start(EcsnetOptions.builder().stateFile(notOne).build()))
                .hasMessageContaining("stateFile(" + notOne + ")");
    }
}
