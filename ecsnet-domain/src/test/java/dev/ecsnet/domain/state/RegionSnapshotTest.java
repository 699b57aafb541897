package dev.ecsnet.domain.state;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RegionSnapshotTest {
    @Test
    void aRestoredRegionExportsWhatItWasGivenAndGoesOnAsTheOriginalDoes() {
        RegionTwin a = new RegionTwin(42);
        a.region.logs().createLogGroup("/ecs/web", Map.of("team", "web", "env", "dev"), null, null);
        a.region.logs().putRetentionPolicy("/ecs/web", 7);
        a.region.logs().createLogGroup("/ecs/api", Map.of(), "key-1", "INFREQUENT_ACCESS");
        a.advance(Duration.ofSeconds(30));

        RegionTwin b = a.twin();

        assertThat(b.exports()).isEqualTo(a.exports());
        assertThat(b.region.logs().logGroups()).extracting(g -> g.name() + " " + g.creationTime() + " " + g.retentionInDays())
                .containsExactlyElementsOf(a.region.logs().logGroups().stream()
                        .map(g -> g.name() + " " + g.creationTime() + " " + g.retentionInDays()).toList());
        for (RegionTwin t : new RegionTwin[] {a, b}) {
            t.region.logs().deleteLogGroup("/ecs/api");
            t.region.logs().createLogGroup("/ecs/batch", Map.of(), null, null);
            t.settle();
        }
        assertThat(b.exports()).isEqualTo(a.exports());
    }

    @Test
    void aRecordOfAnotherRegionIsRefused() {
        RegionTwin a = new RegionTwin(1);
        RegionRecord r = a.region.export();
        RegionRecord other = new RegionRecord("111122223333", r.region(), r.idStream(), r.network(), r.instances(),
                r.launchTemplates(), r.autoScaling(), r.logs(), r.parameters(), r.cloudMap(), r.elb(), r.ecs(),
                r.ecsServices(), r.insights(), r.applicationAutoScaling());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RegionTwin(1).region.restore(other))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("111122223333/us-east-1");
    }
}
