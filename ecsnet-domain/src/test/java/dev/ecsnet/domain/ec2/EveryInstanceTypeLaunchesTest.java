package dev.ecsnet.domain.ec2;

import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.Subnet;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** RunInstances accepts every type of the ENI table with an ECS-optimized AMI of its architecture. */
class EveryInstanceTypeLaunchesTest {

    @Test
    void everyLinuxTypeLaunches() {
        Network net = new Network("000000000000", "us-east-1", new IdSource(9), () -> Instant.parse("2026-01-01T00:00:00Z"));
        Instances instances = new Instances(net, new IdSource(10), () -> Instant.parse("2026-01-01T00:00:00Z"),
                new dev.ecsnet.domain.common.Timers((delay, kind, key, args) -> { }), dev.ecsnet.domain.common.TimingProfile.INSTANT);
        Subnet subnet = net.createSubnet(net.createVpc("10.0.0.0/16", null, Map.of()).id(), "10.0.0.0/20", "us-east-1a", null, Map.of());
        int launched = 0;
        for (InstanceType type : InstanceTypes.all()) {
            if (type.architecture().endsWith("_mac")) {
                continue;
            }
            String image = Images.all().stream().filter(i -> i.architecture().equals(type.architecture())).findFirst().orElseThrow().imageId();
            List<Instance> one = instances.run(new Instances.Launch(image, type.name(), 1, 1, subnet.id(), List.of(), null, null, null, null, Map.of()));
            assertThat(one).singleElement().satisfies(i -> assertThat(i.type().name()).isEqualTo(type.name()));
            instances.terminate(List.of(one.get(0).id()));
            net.deleteManagedNetworkInterface(one.get(0).primaryEniId());
            launched++;
        }
        assertThat(launched).isGreaterThan(1150);
    }
}
