package io.docflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeploymentJvmTest {

    @Test
    void aChildJvmGetsThePodsHeapFortyPercentOfTheMemoryLimit() {
        assertThat(DeploymentJvm.memoryLimitBytes()).isEqualTo(2048L << 20);
        assertThat(DeploymentJvm.maxHeapBytes()).isEqualTo((2048L << 20) * 40 / 100);
        assertThat(DeploymentJvm.childJvmOptions()).contains("-XX:MaxRAM=" + (2048L << 20), "-XX:MaxRAMPercentage=40",
                "-XX:+ExitOnOutOfMemoryError").noneMatch(o -> o.startsWith("-XX:AOTCache"));
        // 2 GiB and 2 CPUs is what the JVM calls a server-class machine: it picks G1 there, as it does here
        assertThat(DeploymentJvm.childJvmOptions()).doesNotContain("-XX:+UseSerialGC");
    }

    @Test
    void quantitiesAreKubernetesOnes() {
        assertThat(DeploymentJvm.quantity("1536Mi")).isEqualTo(1536L << 20);
        assertThat(DeploymentJvm.quantity("2Gi")).isEqualTo(2L << 30);
        assertThat(DeploymentJvm.quantity("512M")).isEqualTo(512_000_000L);
        assertThat(DeploymentJvm.quantity("1073741824")).isEqualTo(1L << 30);
    }
}
