package dev.ecsnet.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateResponse;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateVersionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.ecsnet.it.Ec2Refusal.refused;
import static dev.ecsnet.it.Ec2Refusal.refusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;

/** EC2 launch templates through the SDK: every operation, its AWS errors, and RunInstances from a template. */
class Ec2LaunchTemplateIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension();

    private static final String USER_DATA = Base64.getEncoder().encodeToString(
            "#!/bin/bash\necho ECS_CLUSTER=lt-demo >> /etc/ecs/ecs.config\n".getBytes(StandardCharsets.UTF_8));

    private static String ami() {
        return ecsnet.ec2().describeImages(r -> r.owners("amazon")).images().get(0).imageId();
    }

    private static LaunchTemplate create(String name, RequestLaunchTemplateData data) {
        return ecsnet.ec2().createLaunchTemplate(r -> r.launchTemplateName(name).versionDescription("first").launchTemplateData(data))
                .launchTemplate();
    }

    private static RequestLaunchTemplateData basic(String instanceType) {
        return RequestLaunchTemplateData.builder().imageId(ami()).instanceType(instanceType).userData(USER_DATA).build();
    }

    /** Every template and every version: what a refused call must leave as it was. */
    private static List<Object> picture() {
        DescribeLaunchTemplatesResponse all = ecsnet.ec2().describeLaunchTemplates();
        List<Object> out = new java.util.ArrayList<>(all.launchTemplates());
        for (LaunchTemplate t : all.launchTemplates()) {
            out.addAll(ecsnet.ec2().describeLaunchTemplateVersions(r -> r.launchTemplateId(t.launchTemplateId())).launchTemplateVersions());
        }
        return out;
    }

    @Test
    void everyMemberOfTheLaunchTemplateDataRoundTripsAsDescribeLaunchTemplateVersionsShowsIt() {
        RequestLaunchTemplateData.Builder builder = RequestLaunchTemplateData.builder();
        SdkPojos.fill(builder, member -> switch (member) {
            case "UserData" -> USER_DATA;
            case "ImageId" -> ami();
            case "InstanceType" -> "t3.medium";
            default -> null;
        });
        RequestLaunchTemplateData sent = builder.build();
        LaunchTemplate t = create("every-member", sent);
        LaunchTemplateVersion v = ecsnet.ec2().describeLaunchTemplateVersions(r -> r.launchTemplateId(t.launchTemplateId()))
                .launchTemplateVersions().get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> given = (Map<String, Object>) SdkPojos.toMap(sent);
        assertThat(given).as("the request sets every member").hasSize(RequestLaunchTemplateData.builder().sdkFields().size());
        assertThat(SdkPojos.toMap(v.launchTemplateData())).isEqualTo(given);
    }

    @Test
    void createDescribeAndTagALaunchTemplate() {
        CreateLaunchTemplateResponse created = ecsnet.ec2().createLaunchTemplate(r -> r.launchTemplateName("ecs-nodes")
                .launchTemplateData(basic("t3.medium")).tagSpecifications(NetFixture.tagged(ResourceType.LAUNCH_TEMPLATE, "team", "infra")));
        LaunchTemplate t = created.launchTemplate();
        assertThat(t.launchTemplateId()).matches("lt-[0-9a-f]{17}");
        assertThat(t.defaultVersionNumber()).isEqualTo(1L);
        assertThat(t.latestVersionNumber()).isEqualTo(1L);
        assertThat(t.createdBy()).isEqualTo("arn:aws:iam::000000000000:root");
        assertThat(t.tags()).containsExactly(Tag.builder().key("team").value("infra").build());
        assertThat(created.warning()).isNull();
        create("other", basic("c5.large"));

        assertThat(ecsnet.ec2().describeLaunchTemplates(r -> r.launchTemplateIds(t.launchTemplateId())).launchTemplates())
                .singleElement().satisfies(x -> assertThat(x.launchTemplateName()).isEqualTo("ecs-nodes"));
        assertThat(ecsnet.ec2().describeLaunchTemplates(r -> r.launchTemplateNames("other")).launchTemplates()).hasSize(1);
        assertThat(ecsnet.ec2().describeLaunchTemplates(r -> r.filters(NetFixture.filter("tag:team", "infra"))).launchTemplates())
                .extracting(LaunchTemplate::launchTemplateName).containsExactly("ecs-nodes");
        assertThat(ecsnet.ec2().describeLaunchTemplates(r -> r.filters(NetFixture.filter("launch-template-name", "oth*"))).launchTemplates())
                .extracting(LaunchTemplate::launchTemplateName).containsExactly("other");
        DescribeLaunchTemplatesResponse first = ecsnet.ec2().describeLaunchTemplates(r -> r.maxResults(1));
        assertThat(first.launchTemplates()).hasSize(1);
        assertThat(ecsnet.ec2().describeLaunchTemplates(r -> r.maxResults(1).nextToken(first.nextToken())).launchTemplates())
                .extracting(LaunchTemplate::launchTemplateName).containsExactly("other");
    }

    @Test
    void createTagsAndDeleteTagsReachALaunchTemplateAndDescribeTagsNamesItsType() {
        String id = create("tagged-later", basic("t3.medium")).launchTemplateId();
        ecsnet.ec2().createTags(r -> r.resources(id).tags(NetFixture.tag("owner", "platform")));
        assertThat(ecsnet.ec2().describeLaunchTemplates(r -> r.launchTemplateIds(id)).launchTemplates().get(0).tags())
                .containsExactly(Tag.builder().key("owner").value("platform").build());
        assertThat(ecsnet.ec2().describeTags(r -> r.filters(NetFixture.filter("resource-id", id))).tags())
                .singleElement().satisfies(t -> assertThat(t.resourceTypeAsString()).isEqualTo("launch-template"));
        ecsnet.ec2().deleteTags(r -> r.resources(id).tags(Tag.builder().key("owner").build()));
        assertThat(ecsnet.ec2().describeLaunchTemplates(r -> r.launchTemplateIds(id)).launchTemplates().get(0).tags()).isEmpty();
        refused(() -> ecsnet.ec2().createTags(r -> r.resources("lt-0123456789abcdef0").tags(NetFixture.tag("a", "b"))),
                "InvalidLaunchTemplateId.NotFound", "The specified launch template, with template ID lt-0123456789abcdef0, does not exist.");
    }

    @Test
    void aTemplateThatWouldNotLaunchIsCreatedWithWarnings() {
        CreateLaunchTemplateResponse created = ecsnet.ec2().createLaunchTemplate(r -> r.launchTemplateName("broken")
                .launchTemplateData(d -> d.imageId("ami-00000000000000000").instanceType("t9.huge").securityGroupIds("sg-00000000000000000")));
        assertThat(created.warning().errors()).extracting(e -> e.code())
                .containsExactly("InvalidAMIID.NotFound", "InvalidInstanceType", "InvalidGroup.NotFound");
    }

    @Test
    void versionsInheritFromTheirSourceAndResolveByNumberLatestAndDefault() {
        LaunchTemplate t = create("versions", RequestLaunchTemplateData.builder().imageId(ami()).instanceType("t3.medium")
                .keyName("ops").metadataOptions(m -> m.httpTokens("required").httpPutResponseHopLimit(2)).build());
        LaunchTemplateVersion v2 = ecsnet.ec2().createLaunchTemplateVersion(r -> r.launchTemplateId(t.launchTemplateId()).sourceVersion("1")
                .versionDescription("bigger").launchTemplateData(d -> d.instanceType("c5.large"))).launchTemplateVersion();
        assertThat(v2.versionNumber()).isEqualTo(2L);
        assertThat(v2.defaultVersion()).isFalse();
        assertThat(v2.launchTemplateData().instanceType().toString()).isEqualTo("c5.large");
        assertThat(v2.launchTemplateData().keyName()).isEqualTo("ops");
        assertThat(v2.launchTemplateData().metadataOptions().httpPutResponseHopLimit()).isEqualTo(2);
        ecsnet.ec2().createLaunchTemplateVersion(r -> r.launchTemplateName("versions").launchTemplateData(d -> d.imageId(ami())));

        assertThat(versions(t, "$Latest")).containsExactly(3L);
        assertThat(versions(t, "$Default")).containsExactly(1L);
        assertThat(versions(t, "2", "1")).containsExactly(2L, 1L);
        assertThat(ecsnet.ec2().describeLaunchTemplateVersions(r -> r.launchTemplateId(t.launchTemplateId()).minVersion("2"))
                .launchTemplateVersions()).extracting(LaunchTemplateVersion::versionNumber).containsExactly(3L, 2L);
        assertThat(ecsnet.ec2().describeLaunchTemplateVersions(r -> r.launchTemplateId(t.launchTemplateId()).maxVersion("2")
                .filters(NetFixture.filter("instance-type", "c5.large"))).launchTemplateVersions())
                .extracting(LaunchTemplateVersion::versionNumber).containsExactly(2L);
        assertThat(ecsnet.ec2().describeLaunchTemplateVersions(r -> r.versions("$Latest")).launchTemplateVersions())
                .extracting(LaunchTemplateVersion::versionNumber).containsExactly(3L);

        LaunchTemplate modified = ecsnet.ec2().modifyLaunchTemplate(r -> r.launchTemplateId(t.launchTemplateId()).defaultVersion("2"))
                .launchTemplate();
        assertThat(modified.defaultVersionNumber()).isEqualTo(2L);
        assertThat(ecsnet.ec2().describeLaunchTemplateVersions(r -> r.launchTemplateId(t.launchTemplateId())
                .filters(NetFixture.filter("is-default-version", "true"))).launchTemplateVersions())
                .extracting(LaunchTemplateVersion::versionNumber).containsExactly(2L);
    }

    private static List<Long> versions(LaunchTemplate t, String... versions) {
        return ecsnet.ec2().describeLaunchTemplateVersions(r -> r.launchTemplateId(t.launchTemplateId()).versions(versions))
                .launchTemplateVersions().stream().map(LaunchTemplateVersion::versionNumber).toList();
    }

    @Test
    void deleteVersionsReportsEachVersionItCouldNotDeleteAndDeleteRemovesTheTemplate() {
        LaunchTemplate t = create("to-delete", basic("t3.medium"));
        ecsnet.ec2().createLaunchTemplateVersion(r -> r.launchTemplateId(t.launchTemplateId()).launchTemplateData(basic("c5.large")));
        DeleteLaunchTemplateVersionsResponse r = ecsnet.ec2().deleteLaunchTemplateVersions(x -> x.launchTemplateId(t.launchTemplateId())
                .versions("1", "2", "7"));
        assertThat(r.successfullyDeletedLaunchTemplateVersions()).singleElement().satisfies(s -> {
            assertThat(s.versionNumber()).isEqualTo(2L);
            assertThat(s.launchTemplateName()).isEqualTo("to-delete");
        });
        assertThat(r.unsuccessfullyDeletedLaunchTemplateVersions()).extracting(u -> u.versionNumber(), u -> u.responseError().codeAsString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "unexpectedError"),
                        org.assertj.core.groups.Tuple.tuple(7L, "launchTemplateVersionDoesNotExist"));

        LaunchTemplate deleted = ecsnet.ec2().deleteLaunchTemplate(x -> x.launchTemplateName("to-delete")).launchTemplate();
        assertThat(deleted.launchTemplateId()).isEqualTo(t.launchTemplateId());
        refused(() -> ecsnet.ec2().deleteLaunchTemplate(x -> x.launchTemplateId(t.launchTemplateId())), "InvalidLaunchTemplateId.NotFound",
                "The specified launch template, with template ID " + t.launchTemplateId() + ", does not exist.");
    }

    @Test
    void refusalsUseEc2sCodesAndChangeNothing() {
        LaunchTemplate t = create("taken", basic("t3.medium"));
        refusedWithoutChange(Ec2LaunchTemplateIT::picture, () -> create("taken", basic("t3.medium")),
                "InvalidLaunchTemplateName.AlreadyExistsException", "Launch template name already in use.");
        refusedWithoutChange(Ec2LaunchTemplateIT::picture, () -> create("no", basic("t3.medium")), "InvalidLaunchTemplateName.MalformedException",
                "A launch template name must be between 3 and 128 characters, and may contain letters, numbers, and the following "
                        + "characters: - ( ) . / _.");
        refusedWithoutChange(Ec2LaunchTemplateIT::picture, () -> create("bad-user-data",
                RequestLaunchTemplateData.builder().imageId(ami()).userData("echo hi").build()), "InvalidUserData.Malformed",
                "Invalid BASE64 encoding of user data.");
        refusedWithoutChange(Ec2LaunchTemplateIT::picture, () -> ecsnet.ec2().createLaunchTemplate(r -> r.launchTemplateName("no-data")),
                "MissingParameter", "The request must contain the parameter LaunchTemplateData");
        refusedWithoutChange(Ec2LaunchTemplateIT::picture, () -> ecsnet.ec2().createLaunchTemplateVersion(r -> r.launchTemplateId(t.launchTemplateId())
                .sourceVersion("9").launchTemplateData(basic("c5.large"))), "InvalidLaunchTemplateId.VersionNotFound",
                "Could not find the specified version 9 for the launch template with ID " + t.launchTemplateId() + ".");
        refusedWithoutChange(Ec2LaunchTemplateIT::picture, () -> ecsnet.ec2().modifyLaunchTemplate(r -> r.launchTemplateName("taken")
                .defaultVersion("4")), "InvalidLaunchTemplateId.VersionNotFound", null);
        refusedWithoutChange(Ec2LaunchTemplateIT::picture, () -> ecsnet.ec2().createLaunchTemplateVersion(r -> r.launchTemplateName("missing")
                .launchTemplateData(basic("c5.large"))), "InvalidLaunchTemplateName.NotFoundException",
                "The specified launch template, with template name missing, does not exist.");
        refused(() -> ecsnet.ec2().describeLaunchTemplates(r -> r.launchTemplateNames("missing")), "InvalidLaunchTemplateName.NotFoundException",
                "At least one of the launch templates specified in the request does not exist.");
        refused(() -> ecsnet.ec2().describeLaunchTemplates(r -> r.launchTemplateIds("lt-0123456789abcdef0")), "InvalidLaunchTemplateId.NotFound",
                "The specified launch template, with template ID lt-0123456789abcdef0, does not exist.");
        refused(() -> ecsnet.ec2().describeLaunchTemplateVersions(r -> r.launchTemplateId(t.launchTemplateId()).launchTemplateName("taken")),
                "InvalidParameterCombination", null);
        refused(() -> ecsnet.ec2().describeLaunchTemplateVersions(r -> r.versions("1")), "MissingParameter", null);
    }

    @Test
    void runInstancesTakesWhatTheRequestDoesNotGiveFromTheTemplate() {
        String vpc = ecsnet.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnet = ecsnet.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1c")).subnet().subnetId();
        String sg = ecsnet.ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("nodes").description("nodes")).groupId();
        LaunchTemplate t = create("run", RequestLaunchTemplateData.builder().imageId(ami()).instanceType("t3.medium").userData(USER_DATA)
                .networkInterfaces(n -> n.deviceIndex(0).subnetId(subnet).groups(sg))
                .tagSpecifications(s -> s.resourceType(ResourceType.INSTANCE).tags(NetFixture.tag("Name", "node"), NetFixture.tag("tier", "a")))
                .build());
        Instance i = ecsnet.ec2().runInstances(r -> r.launchTemplate(l -> l.launchTemplateId(t.launchTemplateId())).instanceType("c5.large")
                .minCount(1).maxCount(1).tagSpecifications(NetFixture.tagged(ResourceType.INSTANCE, "tier", "b"))).instances().get(0);
        assertThat(i.instanceTypeAsString()).isEqualTo("c5.large");
        assertThat(i.imageId()).isEqualTo(ami());
        assertThat(i.subnetId()).isEqualTo(subnet);
        assertThat(i.securityGroups()).singleElement().satisfies(g -> assertThat(g.groupId()).isEqualTo(sg));
        assertThat(i.tags()).extracting(Tag::key, Tag::value).contains(org.assertj.core.groups.Tuple.tuple("Name", "node"),
                org.assertj.core.groups.Tuple.tuple("tier", "b"), org.assertj.core.groups.Tuple.tuple("aws:ec2launchtemplate:id", t.launchTemplateId()),
                org.assertj.core.groups.Tuple.tuple("aws:ec2launchtemplate:version", "1"));
        refused(() -> ecsnet.ec2().runInstances(r -> r.launchTemplate(l -> l.launchTemplateId(t.launchTemplateId()).version("5"))
                .minCount(1).maxCount(1)), "InvalidLaunchTemplateId.VersionNotFound", null);
        assertThat(ecsnet.ec2().describeInstances(r -> r.filters(Filter.builder().name("instance-state-name").values("pending", "running").build()))
                .reservations()).hasSize(1);
    }
}
