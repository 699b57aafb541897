package dev.ecsnet.domain.ecs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FargateSizesTest {

    @Test
    void sizesAreReadInEveryFormEcsTakes() {
        assertThat(FargateSizes.cpuUnits("256")).contains(256);
        assertThat(FargateSizes.cpuUnits("0.25 vCPU")).contains(256);
        assertThat(FargateSizes.cpuUnits("192 vcpu")).contains(196608);
        assertThat(FargateSizes.memoryMib("1GB")).contains(1024);
        assertThat(FargateSizes.memoryMib(" 512 ")).contains(512);
    }

    @Test
    void aNumberOfMillionsOfDigitsIsRefusedWithoutBeingParsed() {
        String digits = "1".repeat(1_600_000);
        assertThat(FargateSizes.cpuUnits(digits)).isEmpty();
        assertThat(FargateSizes.memoryMib(digits + " GB")).isEmpty();
        assertThat(FargateSizes.cpuUnits("0".repeat(FargateSizes.MAX_TEXT - 3) + "256")).contains(256);
        assertThat(FargateSizes.cpuUnits("0".repeat(FargateSizes.MAX_TEXT - 2) + "256")).isEmpty();
    }
}
