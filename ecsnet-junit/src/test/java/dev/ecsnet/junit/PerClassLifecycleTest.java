package dev.ecsnet.junit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PER_CLASS: one account for the class, so what @BeforeAll and earlier methods made is there; clients close after each test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerClassLifecycleTest {
    @RegisterExtension
    static EcsnetExtension ECSNET = EcsnetExtension.with(EcsnetOptions.builder().lifecycle(Lifecycle.PER_CLASS).seed(7));

    private static String vpcFromBeforeAll;
    private static Ec2Client clientOfFirstTest;

    @BeforeAll
    static void network(Ec2Client ec2, EcsnetAccount account) {
        assertThat(account.accountId()).isNotEqualTo("000000000000");
        vpcFromBeforeAll = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    }

    @Test
    @Order(1)
    void seesWhatBeforeAllMade(Ec2Client ec2, EcsnetAccount account) {
        assertThat(ec2.describeVpcs(r -> r.vpcIds(vpcFromBeforeAll)).vpcs()).hasSize(1);
        assertThat(account.accountId()).isEqualTo(ECSNET.accountId());
        ec2.createSubnet(r -> r.vpcId(vpcFromBeforeAll).cidrBlock("10.0.1.0/24"));
        clientOfFirstTest = ec2;
    }

    @Test
    @Order(2)
    void seesWhatTheFirstTestMade(Ec2Client ec2) {
        assertThat(ec2.describeSubnets(r -> r.filters(f -> f.name("vpc-id").values(vpcFromBeforeAll))).subnets()).hasSize(1);
    }

    @AfterAll
    static void theFirstTestsClientWasClosedAfterIt() {
        assertThatThrownBy(() -> clientOfFirstTest.describeVpcs()).isInstanceOf(IllegalStateException.class);
    }
}
