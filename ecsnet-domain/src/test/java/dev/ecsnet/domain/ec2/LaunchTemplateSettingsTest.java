package dev.ecsnet.domain.ec2;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What an instance launched from a template's data alone (an Auto Scaling launch) gets besides image and type. */
class LaunchTemplateSettingsTest {

    @Test
    void theTemplatesInterfaceMonitoringEbsOptimizationAndMetadataOptionsBecomeTheInstancesSettings() {
        LaunchTemplateData d = new LaunchTemplateData(Map.of(
                "NetworkInterfaces", List.of(Map.of("DeviceIndex", 0L, "AssociatePublicIpAddress", true, "Groups", List.of("sg-1"))),
                "Monitoring", Map.of("Enabled", true),
                "EbsOptimized", true,
                "MetadataOptions", Map.of("HttpTokens", "optional", "HttpPutResponseHopLimit", 1L)));
        InstanceSettings s = d.instanceSettings();
        assertThat(s.associatePublicIpAddress()).isTrue();
        assertThat(s.monitoring()).isTrue();
        assertThat(s.ebsOptimized()).isTrue();
        // members the template's MetadataOptions leaves out take the defaults
        assertThat(s.metadataOptions()).isEqualTo(new InstanceSettings.MetadataOptions("optional", 1, "enabled", "", ""));
    }

    @Test
    void aTemplateThatSaysNothingLaunchesWithTheDefaults() {
        assertThat(new LaunchTemplateData(Map.of("ImageId", "ami-1")).instanceSettings()).isEqualTo(InstanceSettings.DEFAULT);
        LaunchTemplateData noPublicIp = new LaunchTemplateData(Map.of("NetworkInterfaces", List.of(Map.of("DeviceIndex", 0L,
                "AssociatePublicIpAddress", false))));
        assertThat(noPublicIp.instanceSettings().associatePublicIpAddress()).isFalse();
    }
}
