package dev.ecsnet.domain.ec2;

import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Timers;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.net.Network;
import dev.ecsnet.domain.net.Subnet;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance lists its tags in the order RunInstances gave them (a launch template's, the request's, then the
 * {@code aws:ec2launchtemplate:*} ones), the same in every run: not in the per-JVM order of an immutable map.
 */
class InstanceTagOrderTest {

    @Test
    void anInstanceKeepsTheOrderOfItsLaunchTags() {
        Network net = new Network("000000000000", "us-east-1", new IdSource(9), () -> Instant.parse("2026-01-01T00:00:00Z"));
        Instances instances = new Instances(net, new IdSource(10), () -> Instant.parse("2026-01-01T00:00:00Z"),
                new Timers((delay, kind, key, args) -> { }), TimingProfile.INSTANT);
        Subnet subnet = net.createSubnet(net.createVpc("10.0.0.0/16", null, Map.of()).id(), "10.0.0.0/20", "us-east-1a", null, Map.of());
        Map<String, String> tags = new LinkedHashMap<>();
        List<String> keys = List.of("Name", "team", "env", "cost-centre", "owner", "zeta", "alpha",
                LaunchTemplates.TAG_TEMPLATE_ID, LaunchTemplates.TAG_TEMPLATE_VERSION);
        keys.forEach(k -> tags.put(k, "v-" + k));
        Instances.Launch launch = new Instances.Launch(Images.all().stream().filter(i -> i.architecture().equals("x86_64")).findFirst().orElseThrow().imageId(), "t3.small", 1, 1, subnet.id(), List.of(),
                null, null, null, null, tags);
        assertThat(launch.tags().keySet()).containsExactlyElementsOf(keys);
        Instance launched = instances.run(launch).get(0);
        assertThat(launched.tags().keySet()).containsExactlyElementsOf(keys);
        assertThat(launched.tags()).containsEntry("owner", "v-owner");
    }
}
