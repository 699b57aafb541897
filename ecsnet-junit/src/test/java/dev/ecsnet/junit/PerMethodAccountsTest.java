package dev.ecsnet.junit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.sts.StsClient;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The default extension: one server for the class, a fresh account for each test, clients injected for it. */
class PerMethodAccountsTest {
    @RegisterExtension
    static EcsnetExtension ECSNET = new EcsnetExtension();

    private static final Set<String> SEEN_ACCOUNTS = new HashSet<>();
    private static int port;

    private EcsnetAccount fromBeforeEach;

    @BeforeEach
    void remember(EcsnetAccount account) {
        fromBeforeEach = account;
    }

    @Test
    void eachTestHasAFreshAccountOfItsOwn(StsClient sts, EcsnetAccount account) {
        assertThat(account.accountId()).matches("\\d{12}").isNotEqualTo("000000000000");
        assertThat(account.accessKeyId()).isEqualTo(account.accountId());
        assertThat(sts.getCallerIdentity().account()).isEqualTo(account.accountId());
        assertThat(ECSNET.accountId()).isEqualTo(account.accountId());
        assertThat(ECSNET.accessKeyId()).isEqualTo(account.accessKeyId());
        assertThat(ECSNET.secretAccessKey()).isEqualTo(EcsnetAccount.SECRET);
        assertThat(fromBeforeEach).isEqualTo(account);
        sameServerAndNewAccount(account);
    }

    @Test
    void aVpcMadeInOneTestIsNotSeenByAnother(Ec2Client ec2, EcsnetAccount account) {
        assertThat(ec2.describeVpcs().vpcs()).extracting(Vpc::isDefault).containsExactly(true);
        ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16"));
        assertThat(ec2.describeVpcs().vpcs()).hasSize(2);
        sameServerAndNewAccount(account);
    }

    @Test
    void anotherTestStartsFromTheDefaultsToo(Ec2Client ec2, EcsnetAccount account) {
        assertThat(ec2.describeVpcs().vpcs()).extracting(Vpc::isDefault).containsExactly(true);
        ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16"));
        sameServerAndNewAccount(account);
    }

    @Test
    void theEndpointIsLoopbackAndTheRegionUsEast1() {
        assertThat(ECSNET.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(ECSNET.endpoint().getPort()).isEqualTo(ECSNET.port()).isPositive();
        assertThat(ECSNET.region()).isEqualTo("us-east-1");
        assertThat(ECSNET.now()).isEqualTo(EcsnetOptions.DEFAULT_CLOCK_START);
        sameServerAndNewAccount(ECSNET.account());
    }

    private static synchronized void sameServerAndNewAccount(EcsnetAccount account) {
        if (port == 0) {
            port = ECSNET.port();
        }
        assertThat(ECSNET.port()).isEqualTo(port);
        assertThat(SEEN_ACCOUNTS.add(account.accountId())).as("account %s used by an earlier test", account.accountId()).isTrue();
    }
}
