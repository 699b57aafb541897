package dev.ecsnet.domain.ec2;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceTypesTest {

    @Test
    void everyTypeOfTheEniTableIsLoaded() {
        assertThat(InstanceTypes.all()).hasSize(1164);
        assertThat(InstanceTypes.all().stream().filter(InstanceType::hasKnownSize).count()).isGreaterThanOrEqualTo(150);
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
    void aTypeWithoutAKnownSizeSaysSo() {
        InstanceType t = InstanceTypes.find("x2iedn.32xlarge").orElseThrow();
        assertThat(t.hasKnownSize()).isFalse();
        assertThat(t.maxEnis()).isPositive();
    }
}
