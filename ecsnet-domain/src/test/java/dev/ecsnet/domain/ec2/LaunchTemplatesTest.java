package dev.ecsnet.domain.ec2;

import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.net.Network;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Launch template versions, their resolution and merging, AWS's refusals, and what a launch from a version gets. */
class LaunchTemplatesTest {
    private final IdSource ids = new IdSource(7);
    private final Network network = new Network("123456789012", "us-east-1", ids, () -> Instant.parse("2026-01-01T00:00:00Z"));
    private final LaunchTemplates templates = new LaunchTemplates(network, ids, () -> Instant.parse("2026-01-01T00:00:00Z"));

    private static LaunchTemplateData data(Object... keyValues) {
        Map<String, Object> doc = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            doc.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new LaunchTemplateData(doc);
    }

    private static DomainException refused(Runnable call) {
        DomainException e = catchThrowableOfType(DomainException.class, call::run);
        assertThat(e).as("refused").isNotNull();
        return e;
    }

    private LaunchTemplates.Ref ref(LaunchTemplate t) {
        return new LaunchTemplates.Ref(t.id(), null);
    }

    @Test
    void versionsAreNumberedOnceAndLatestIsTheHighestThatExists() {
        LaunchTemplate t = templates.create("web", "v1", data("ImageId", "ami-1", "InstanceType", "t3.micro"), Map.of(), null);
        assertThat(t.id()).matches("lt-[0-9a-f]{17}");
        templates.createVersion(ref(t), null, null, data("ImageId", "ami-2"), null);
        templates.createVersion(ref(t), null, null, data("ImageId", "ami-3"), null);
        assertThat(t.latestVersionNumber()).isEqualTo(3);
        templates.deleteVersions(ref(t), List.of("3"));
        assertThat(t.latestVersionNumber()).isEqualTo(2);
        assertThat(templates.createVersion(ref(t), null, null, data("ImageId", "ami-4"), null).number()).isEqualTo(4);
        assertThat(templates.resolve(ref(t), "$Latest").data().imageId()).contains("ami-4");
        assertThat(templates.resolve(ref(t), "$Default").number()).isEqualTo(1);
        assertThat(templates.resolve(ref(t), null).number()).isEqualTo(1);
        assertThat(templates.versions(t, List.of(), "2", null)).extracting(LaunchTemplateVersion::number).containsExactly(4L, 2L);
        assertThat(refused(() -> templates.resolve(ref(t), "3")).getMessage())
                .isEqualTo("Could not find the specified version 3 for the launch template with ID " + t.id() + ".");
    }

    @Test
    void aVersionFromASourceVersionReplacesOnlyTheTopLevelMembersGiven() {
        LaunchTemplate t = templates.create("web", null, data("ImageId", "ami-1", "InstanceType", "t3.micro",
                "MetadataOptions", Map.of("HttpTokens", "required", "HttpPutResponseHopLimit", 2L)), Map.of(), null);
        LaunchTemplateVersion v2 = templates.createVersion(ref(t), "1", "bigger", data("InstanceType", "c5.large",
                "MetadataOptions", Map.of("HttpTokens", "optional")), null);
        assertThat(v2.data().document()).containsEntry("ImageId", "ami-1").containsEntry("InstanceType", "c5.large")
                .containsEntry("MetadataOptions", Map.of("HttpTokens", "optional"));
        assertThat(templates.resolve(ref(t), "1").data().instanceType()).contains("t3.micro");
    }

    @Test
    void theDefaultVersionIsNeverDeletedAndUnknownVersionsAreReportedPerVersion() {
        LaunchTemplate t = templates.create("web", null, data("ImageId", "ami-1"), Map.of(), null);
        templates.createVersion(ref(t), null, null, data("ImageId", "ami-2"), null);
        LaunchTemplates.DeletedVersions result = templates.deleteVersions(ref(t), List.of("1", "2", "9"));
        assertThat(result.deleted()).containsExactly(2L);
        assertThat(result.failed()).extracting(LaunchTemplates.VersionFailure::number, LaunchTemplates.VersionFailure::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "unexpectedError"),
                        org.assertj.core.groups.Tuple.tuple(9L, "launchTemplateVersionDoesNotExist"));
        assertThat(t.versions()).extracting(LaunchTemplateVersion::number).containsExactly(1L);
    }

    @Test
    void namesUserDataAndDuplicatesAreRefusedAsEc2RefusesThem() {
        assertThat(refused(() -> templates.create("ab", null, data("ImageId", "ami-1"), Map.of(), null)).code())
                .isEqualTo("InvalidLaunchTemplateName.MalformedException");
        assertThat(refused(() -> templates.create("a b", null, data("ImageId", "ami-1"), Map.of(), null)).code())
                .isEqualTo("InvalidLaunchTemplateName.MalformedException");
        assertThat(refused(() -> templates.create("web", null, data("UserData", "not base64!"), Map.of(), null)).getMessage())
                .isEqualTo("Invalid BASE64 encoding of user data.");
        String tooLong = Base64.getEncoder().encodeToString(new byte[16_385]);
        assertThat(refused(() -> templates.create("web", null, data("UserData", tooLong), Map.of(), null)).getMessage())
                .isEqualTo("User data is limited to 16384 bytes.");
        templates.create("web", null, data("ImageId", "ami-1"), Map.of(), null);
        assertThat(refused(() -> templates.create("web", null, data("ImageId", "ami-1"), Map.of(), null)).code())
                .isEqualTo("InvalidLaunchTemplateName.AlreadyExistsException");
        assertThat(templates.all()).hasSize(1);
    }

    @Test
    void aRepeatedClientTokenAnswersWhatItCreatedTheFirstTime() {
        LaunchTemplate first = templates.create("web", null, data("ImageId", "ami-1"), Map.of(), "token-1");
        assertThat(templates.create("web", null, data("ImageId", "ami-1"), Map.of(), "token-1")).isSameAs(first);
        LaunchTemplateVersion v = templates.createVersion(ref(first), null, null, data("ImageId", "ami-2"), "token-2");
        assertThat(templates.createVersion(ref(first), null, null, data("ImageId", "ami-2"), "token-2")).isEqualTo(v);
        assertThat(first.versions()).hasSize(2);
    }

    @Test
    void aDryRunPassesItsChecksAndChangesNothingNotEvenTheIdStream() {
        network.gate().dryRun(() -> templates.create("web", null, data("ImageId", "ami-1"), Map.of(), null));
        assertThat(templates.all()).isEmpty();
        IdSource twin = new IdSource(7);
        new Network("123456789012", "us-east-1", twin, () -> Instant.EPOCH);
        assertThat(templates.create("web", null, data("ImageId", "ami-1"), Map.of(), null).id()).isEqualTo(twin.resourceId("lt"));
    }

    @Test
    void aLaunchGetsTheTemplatesParametersGroupsByNameAndEc2sTemplateTags() {
        String vpc = network.createVpc("10.0.0.0/16", "default", Map.of()).id();
        String subnet = network.createSubnet(vpc, "10.0.1.0/24", "us-east-1a", null, Map.of()).id();
        String web = network.createSecurityGroup(vpc, "web", "web", Map.of()).id();
        String ssh = network.createSecurityGroup(vpc, "ssh", "ssh", Map.of()).id();
        String userData = Base64.getEncoder().encodeToString("ECS_CLUSTER=demo\n".getBytes(StandardCharsets.UTF_8));
        LaunchTemplate t = templates.create("web", null, data("ImageId", Images.all().get(0).imageId(), "InstanceType", "t3.medium",
                "UserData", userData, "SecurityGroups", List.of("ssh"), "NetworkInterfaces", List.of(Map.of("DeviceIndex", 0L, "Groups", List.of(web))),
                "IamInstanceProfile", Map.of("Name", "ecsInstanceRole"),
                "TagSpecifications", List.of(Map.of("ResourceType", "instance", "Tags", List.of(Map.of("Key", "Name", "Value", "ecs"))))), Map.of(), null);
        Instances.Launch launch = templates.launch(t.latestVersion(), subnet, Map.of("aws:autoscaling:groupName", "asg"));
        assertThat(launch.subnetId()).isEqualTo(subnet);
        assertThat(launch.securityGroupIds()).containsExactly(web, ssh);
        assertThat(launch.userData()).isEqualTo("ECS_CLUSTER=demo\n");
        assertThat(launch.iamInstanceProfileArn()).isEqualTo("arn:aws:iam::123456789012:instance-profile/ecsInstanceRole");
        assertThat(launch.tags()).containsEntry("Name", "ecs").containsEntry("aws:autoscaling:groupName", "asg")
                .containsEntry(LaunchTemplates.TAG_TEMPLATE_ID, t.id()).containsEntry(LaunchTemplates.TAG_TEMPLATE_VERSION, "1");
    }
}
