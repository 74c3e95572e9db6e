package io.docflow.extract.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import io.docflow.extract.ExtractionSettings;
import io.docflow.extract.ParserIsolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class WorkerCommandTest {

    @TempDir Path dir;

    private final ExtractionSettings settings = ExtractionSettings.defaults().withMaxCharacters(5000)
            .withIsolation(new ParserIsolation(true, 2, DataSize.ofMegabytes(200), Duration.ofSeconds(30), List.of("-Xss2m")));

    @Test
    void aWorkerRunsOnDocflowsClassPathWithItsOwnHeapAndDiesOnOutOfMemory() {
        List<String> command = WorkerCommand.of(settings, "/jdk/bin/java", "/app/classes:/app/lib/tika.jar", "/tmp");

        assertThat(command).containsSubsequence("/jdk/bin/java", "-Xmx200m", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.io.tmpdir=/tmp", "-Xss2m", "-cp", "/app/classes:/app/lib/tika.jar", ParserWorkerMain.class.getName(),
                Long.toString(100L * 1024 * 1024), "5000", "1000", "100");
    }

    @Test
    void fromSpringBootsExecutableJarTheWorkerStartsThroughBootsLauncher() throws IOException {
        Path jar = dir.resolve("docflow.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("BOOT-INF/"));
            out.closeEntry();
        }

        List<String> command = WorkerCommand.of(settings, "java", jar.toString(), "/tmp");

        assertThat(command).containsSubsequence("-Dloader.main=" + ParserWorkerMain.class.getName(), "-cp", jar.toString(),
                WorkerCommand.BOOT_LAUNCHER);
        assertThat(command).doesNotContain(ParserWorkerMain.class.getName());
    }

    @Test
    void aPlainJarWithAManifestClassPathIsUsedAsItIs() throws IOException {
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("io/"));
            out.closeEntry();
        }

        assertThat(WorkerCommand.isExecutableBootJar(jar.toString())).isFalse();
        assertThat(WorkerCommand.of(settings, "java", jar.toString(), "/tmp")).contains(ParserWorkerMain.class.getName());
    }
}
