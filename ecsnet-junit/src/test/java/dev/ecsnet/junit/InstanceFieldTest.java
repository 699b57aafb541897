package dev.ecsnet.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2AsyncClient;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Registered on an instance field, each test gets a server of its own. */
class InstanceFieldTest {
    private static final Set<Integer> PORTS = new HashSet<>();

    @RegisterExtension
    EcsnetExtension ecsnet = EcsnetExtension.with(EcsnetOptions.builder().lifecycle(Lifecycle.PER_CLASS));

    @Test
    void oneServer(Ec2Client ec2) {
        ownServer(ec2);
    }

    @Test
    void anotherServer(Ec2Client ec2) {
        ownServer(ec2);
    }

    @Test
    void asyncClientsAreInjectedToo(Ec2AsyncClient ec2) {
        assertThat(ec2.describeVpcs().join().vpcs()).hasSize(1);
    }

    private void ownServer(Ec2Client ec2) {
        assertThat(PORTS.add(ecsnet.port())).isTrue();
        ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16"));
        assertThat(ec2.describeVpcs().vpcs()).hasSize(2);   // nothing of the other test's server
    }
}
