package dev.ecsnet.domain.ec2;

import dev.ecsnet.domain.net.NetworkRecord;
import dev.ecsnet.domain.net.Subnet;
import dev.ecsnet.domain.state.RegionTwin;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * EC2 instances and launch templates restored into a twin region: the twin exports what it was given and, driven
 * the same way (timers falling due included), answers and exports what the original does.
 */
class InstancesSnapshotTest {
    private static final String IMAGE = "ami-0f6e8d7c9b0a1c2d3";
    private static final Duration TICK = Duration.ofMillis(100);

    /** Instances in every state: pending and shutting down with their timers armed, running, terminated. */
    private static RegionTwin instancesMidLifecycle() {
        RegionTwin a = new RegionTwin(7);
        Instances ec2 = a.region.instances();
        String subnetB = defaultSubnet(a, "us-east-1b");
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Name", "web");
        tags.put("team", "a");
        List<Instance> reservation = ec2.run(new Instances.Launch(IMAGE, "t3.medium", 2, 3, subnetB, List.of(), "#!/bin/sh\necho hi",
                "arn:aws:iam::000000000000:instance-profile/web", "key-1", null, tags));
        a.advance(Duration.ofSeconds(1));
        ec2.terminate(List.of(reservation.get(0).id()));
        a.advance(Duration.ofSeconds(1));
        a.region.network().tags().create(List.of(reservation.get(2).id()), Map.of("env", "prod"));
        ec2.terminate(List.of(reservation.get(1).id()));
        a.advance(TICK);
        // a launch with every setting off its default (a public address, detailed monitoring, IMDSv1 allowed)
        ec2.run(new Instances.Launch(IMAGE, "t3.micro", 1, 1, null, List.of(), null, null, null, "us-east-1a", Map.of(),
                new InstanceSettings(true, true, true, new InstanceSettings.MetadataOptions("optional", 1, "enabled", "disabled", "enabled"))));
        a.advance(TICK);
        return a;
    }

    @Test
    void instancesMidLifecycleAreRestoredAndFinishTheirLifecycleAsTheOriginalDoes() {
        RegionTwin a = instancesMidLifecycle();
        assertThat(a.region.instances().all()).extracting(Instance::state)
                .containsExactly(InstanceState.TERMINATED, InstanceState.SHUTTING_DOWN, InstanceState.RUNNING, InstanceState.PENDING);

        RegionTwin b = a.twin();

        assertThat(b.exports()).isEqualTo(a.exports());
        assertThat(described(b)).isEqualTo(described(a));
        for (Instance i : a.region.instances().all()) {
            assertThat(b.region.instances().find(i.id()).map(Instance::privateIpAddress)).contains(i.privateIpAddress());
        }

        for (RegionTwin t : new RegionTwin[] {a, b}) {
            t.advance(TICK.multipliedBy(5));
            t.region.instances().terminate(List.of(t.region.instances().all().stream().skip(2).findFirst().orElseThrow().id()));
            t.advance(TICK);
        }
        assertThat(described(b)).isEqualTo(described(a));
        assertThat(b.region.instances().all()).extracting(Instance::state)
                .containsExactly(InstanceState.TERMINATED, InstanceState.TERMINATED, InstanceState.SHUTTING_DOWN, InstanceState.RUNNING);
        for (RegionTwin t : new RegionTwin[] {a, b}) {
            t.settle();
        }
        assertThat(described(b)).isEqualTo(described(a));
        assertThat(b.exports()).isEqualTo(a.exports());
    }

    @Test
    void theNextInstancesOfARestoredRegionGetTheIdsAndAddressesTheOriginalsGet() {
        assumeTrue(networkSnapshotsExist(), "the network's snapshot record holds nothing yet, so a twin cannot know the addresses taken");
        RegionTwin a = instancesMidLifecycle();
        RegionTwin b = a.twin();
        for (RegionTwin t : new RegionTwin[] {a, b}) {
            t.region.instances().run(new Instances.Launch(IMAGE, "t3.medium", 2, 2, defaultSubnet(t, "us-east-1b"), List.of(), null, null,
                    null, null, Map.of()));
            t.settle();
        }
        assertThat(described(b)).isEqualTo(described(a));
        assertThat(b.exports()).isEqualTo(a.exports());
    }

    /** Templates with versions deleted (so numbers are not reused), a moved default, typed data, tags, client tokens. */
    @Test
    void launchTemplatesAreRestoredWithTheirVersionsDataAndClientTokens() {
        RegionTwin a = new RegionTwin(11);
        LaunchTemplates lts = a.region.launchTemplates();
        Map<String, Object> nic = new LinkedHashMap<>();
        nic.put("DeviceIndex", 0L);
        nic.put("AssociatePublicIpAddress", Boolean.TRUE);
        nic.put("Groups", List.of("sg-0123456789abcdef0"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("InstanceType", "t3.medium");
        data.put("ImageId", IMAGE);
        data.put("UserData", Base64.getEncoder().encodeToString("#!/bin/sh".getBytes()));
        data.put("NetworkInterfaces", List.of(nic));
        data.put("CpuOptions", Map.of("CoreCount", 2L, "ThreadsPerCore", 1L));
        data.put("CreditSpecification", Map.of("CpuCredits", "unlimited"));
        data.put("Placement", new LinkedHashMap<>(Map.of("AvailabilityZone", "us-east-1a")));
        data.put("MetadataOptions", Map.of("HttpPutResponseHopLimit", 2L, "HttpTokens", "required"));
        data.put("SpotPrice", 0.25d);
        LaunchTemplate web = lts.create("web", "first", new LaunchTemplateData(data), Map.of("team", "web"), "token-web");
        a.advance(Duration.ofSeconds(3));
        lts.createVersion(new LaunchTemplates.Ref(web.id(), null), "1", "second", new LaunchTemplateData(Map.of("InstanceType", "t3.large")),
                "token-v2");
        lts.createVersion(new LaunchTemplates.Ref(web.id(), null), null, null, new LaunchTemplateData(Map.of("ImageId", IMAGE)), null);
        lts.createVersion(new LaunchTemplates.Ref(web.id(), null), null, "fourth", new LaunchTemplateData(Map.of()), null);
        lts.modify(new LaunchTemplates.Ref(web.id(), null), "2");
        lts.deleteVersions(new LaunchTemplates.Ref(web.id(), null), List.of("4", "3"));
        LaunchTemplate gone = lts.create("gone", null, new LaunchTemplateData(Map.of("ImageId", IMAGE)), Map.of(), "token-gone");
        lts.create("api", null, new LaunchTemplateData(Map.of("InstanceType", "t3.micro")), Map.of(), null);
        lts.delete(new LaunchTemplates.Ref(gone.id(), null));
        a.region.network().tags().create(List.of(web.id()), Map.of("env", "dev"));
        a.advance(Duration.ofSeconds(1));

        RegionTwin b = a.twin();

        assertThat(b.exports()).isEqualTo(a.exports());
        assertThat(templates(b)).isEqualTo(templates(a));
        LaunchTemplateData restored = b.region.launchTemplates().resolve(new LaunchTemplates.Ref(web.id(), null), "1").data();
        assertThat(restored.document()).isEqualTo(web.version(1).orElseThrow().data().document());
        assertThat(restored.primaryNetworkInterface().map(n -> n.groupIds())).contains(List.of("sg-0123456789abcdef0"));
        assertThat(restored.values("SpotPrice")).containsExactly("0.25");

        for (RegionTwin t : new RegionTwin[] {a, b}) {
            LaunchTemplates x = t.region.launchTemplates();
            LaunchTemplates.Ref ref = new LaunchTemplates.Ref(web.id(), null);
            assertThat(x.createVersion(ref, null, "again", new LaunchTemplateData(Map.of()), "token-v2").number()).isEqualTo(2);
            assertThat(x.create("web", null, new LaunchTemplateData(Map.of()), Map.of(), "token-web").id()).isEqualTo(web.id());
            assertThat(x.createVersion(ref, "$Default", "fifth", new LaunchTemplateData(Map.of()), "token-v5").number()).isEqualTo(5);
            x.create("gone", null, new LaunchTemplateData(Map.of()), Map.of(), "token-gone");
            x.create("batch", null, new LaunchTemplateData(Map.of()), Map.of("a", "b"), null);
            t.advance(Duration.ofSeconds(2));
        }
        assertThat(templates(b)).isEqualTo(templates(a));
        assertThat(b.exports()).isEqualTo(a.exports());
    }

    private static String defaultSubnet(RegionTwin t, String zone) {
        return t.region.network().subnets().stream().filter(s -> s.defaultForAz() && s.zone().name().equals(zone)).map(Subnet::id)
                .findFirst().orElseThrow();
    }

    /** What DescribeInstances shows of each instance. */
    private static List<String> described(RegionTwin t) {
        return t.region.instances().all().stream().map(i -> String.join(" | ", i.id(), i.reservationId(), i.type().name(),
                i.image().imageId(), i.subnetId(), i.vpcId(), i.zone().name(), i.groupIds().toString(), i.primaryEniId(),
                i.privateIpAddress(), i.privateDnsName(), i.userData(), String.valueOf(i.iamInstanceProfileArn().orElse(null)),
                String.valueOf(i.keyName().orElse(null)), String.valueOf(i.launchIndex()), i.launchTime().toString(), i.state().wireName(),
                i.stateTransitionReason(), i.tags().toString())).toList();
    }

    /** What DescribeLaunchTemplates and DescribeLaunchTemplateVersions show. */
    private static List<String> templates(RegionTwin t) {
        LaunchTemplates lts = t.region.launchTemplates();
        return lts.all().stream().map(lt -> String.join(" | ", lt.id(), lt.name(), lt.createTime().toString(), lt.createdBy(),
                String.valueOf(lt.defaultVersionNumber()), String.valueOf(lt.latestVersionNumber()), lt.tags().toString(),
                lts.versions(lt, List.of(), null, null).stream().map(v -> v.number() + " " + v.templateName() + " " + v.description()
                        + " " + v.createTime() + " " + v.createdBy() + " " + v.data().document()).toList().toString())).toList();
    }

    /** Whether the network's snapshot record carries its state yet (it is another aggregate's, landing separately). */
    static boolean networkSnapshotsExist() {
        return NetworkRecord.class.getRecordComponents().length > 0;
    }
}
