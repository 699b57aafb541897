package dev.ecsnet.domain.ec2;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceTypesTest {

    @Test
    void everyTypeOfTheEniTableIsLoaded() {
        assertThat(InstanceTypes.all()).hasSize(1164);
    }

    /** AWS-FACTS §4.2's checks: ECS's figures, not the EKS branch-ENI column. */
    @ParameterizedTest
    @CsvSource({
            "t3.medium, 3, 2, 0, none",
            "t3.micro, 2, 1, 0, none",
            "c5.large, 3, 2, 10, ecs",
            "m5.large, 3, 2, 10, ecs",
            "m5.xlarge, 4, 3, 20, ecs",
            "c6g.medium, 2, 1, 4, ecs",
            "a1.medium, 2, 1, 10, ecs",
            "i4i.large, 3, 2, 0, none"})
    void eniAndTrunkingFigures(String name, int maxEnis, int without, int with, String source) {
        InstanceType t = InstanceTypes.find(name).orElseThrow();
        assertThat(t.maxEnis()).isEqualTo(maxEnis);
        assertThat(t.awsvpcTasks(false)).isEqualTo(without);
        assertThat(t.awsvpcTasks(true)).isEqualTo(with);
        assertThat(t.supportsTrunking()).isEqualTo(with > 0);
        assertThat(t.trunkingSource()).isEqualTo(source);
    }

    @ParameterizedTest
    @CsvSource({"t3.medium, 2, 4096, x86_64", "c5.large, 2, 4096, x86_64", "m5.large, 2, 8192, x86_64",
            "r6g.large, 2, 16384, arm64", "t2.micro, 1, 1024, x86_64", "m7i.48xlarge, 192, 786432, x86_64"})
    void sizesOfTheCommonFamilies(String name, int vcpus, int memory, String arch) {
        InstanceType t = InstanceTypes.find(name).orElseThrow();
        assertThat(t.vcpus()).isEqualTo(vcpus);
        assertThat(t.cpuUnits()).isEqualTo(vcpus * 1024);
        assertThat(t.memoryMib()).isEqualTo(memory);
        assertThat(t.architecture()).isEqualTo(arch);
    }

    @Test
    void typesEcsDoesNotListFallBackToTheEksBranchFigureOnlyWhenTrunkingCompatible() {
        assertThat(InstanceTypes.all()).filteredOn(t -> t.trunkingSource().equals("eks"))
                .isNotEmpty().allSatisfy(t -> {
                    assertThat(t.trunkingCompatible()).isTrue();
                    assertThat(t.ecsTasksWithTrunking()).isEqualTo(t.eksBranchEnis());
                    assertThat(t.ecsTasksWithoutTrunking()).isEqualTo(t.maxEnis() - 1);
                });
    }

    @Test
    void aTypeWithoutAKnownSizeSaysSoAndStillHasItsArchitecture() {
        InstanceType t = InstanceTypes.find("c8i.large").orElseThrow();
        assertThat(t.hasKnownSize()).isFalse();
        assertThat(t.maxEnis()).isPositive();
        assertThat(t.architecture()).isEqualTo("x86_64");
        assertThat(InstanceTypes.find("x2iedn.32xlarge").orElseThrow().memoryMib()).isEqualTo(4194304);
    }

    @Test
    void mostTypesHaveASize() {
        assertThat(InstanceTypes.all().stream().filter(InstanceType::hasKnownSize).count()).isEqualTo(829);
    }

    @ParameterizedTest
    @CsvSource({"c8gn.large, arm64", "m8gb.xlarge, arm64", "i8ge.large, arm64", "c8i-flex.large, x86_64", "m8azn.large, x86_64",
            "p6-b200.48xlarge, x86_64", "mac-m4.metal, arm64_mac", "x8aedz.large, x86_64", "r8gd.medium, arm64"})
    void theArchitectureOfATypeWithoutASizeRowFollowsAwsNaming(String name, String arch) {
        assertThat(InstanceTypes.find(name).orElseThrow().architecture()).isEqualTo(arch);
    }

    @Test
    void theNamingRuleAgreesWithEverySizeRow() {
        assertThat(InstanceTypes.all()).filteredOn(InstanceType::hasKnownSize)
                .allSatisfy(t -> assertThat(InstanceTypes.architectureByName(t.name())).as(t.name()).isEqualTo(t.architecture()));
    }
}
