package io.docflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageJdkTest {

    @TempDir
    Path dir;

    @Test
    void aJdkOfTheImagesVersionIsFoundByPropertyVariableRunningJvmOrInstallFolder() throws IOException {
        Path jdk17 = jdk("jdk-17", "17.0.15");
        Path jdk25 = jdk("temurin-25-jdk-amd64", "25.0.3");
        Path other25 = jdk("other-25", "25.0.1");
        Path roots = jdk25.getParent();

        assertThat(ImageJdk.find(25, Optional.of(other25.toString()), Map.of(), jdk17, List.of(roots))).isEqualTo(other25);
        assertThat(ImageJdk.find(25, Optional.empty(), Map.of("JAVA_25_HOME", other25.toString()), jdk17, List.of(roots)))
                .isEqualTo(other25);
        assertThat(ImageJdk.find(25, Optional.empty(), Map.of("JAVA_HOME_25_X64", other25.toString()), jdk17, List.of(roots)))
                .isEqualTo(other25);
        assertThat(ImageJdk.find(17, Optional.empty(), Map.of(), jdk17, List.of(roots))).isEqualTo(jdk17);
        assertThat(ImageJdk.find(25, Optional.empty(), Map.of("JAVA_25_HOME", jdk17.toString()), jdk17, List.of(roots)))
                .as("a variable naming another version is passed over").isEqualTo(other25);
        assertThat(ImageJdk.version(Path.of(System.getProperty("java.home")))).isEqualTo(Runtime.version().feature());
    }

    @Test
    void noJdkOfTheImagesVersionFailsSayingWhereItLookedAndWhatToDo() throws IOException {
        Path jdk17 = jdk("jdk-17", "17.0.15");
        Path jre25 = jdk("jre-25", "25.0.3");
        Files.delete(jre25.resolve("bin/javac"));

        assertThatThrownBy(() -> ImageJdk.find(25, Optional.empty(), Map.of(), jdk17, List.of(jdk17.getParent(), dir.resolve("none"))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no JDK 25 was found")
                .hasMessageContaining("JAVA_25_HOME (not set)")
                .hasMessageContaining("jdk-17: Java 17")
                .hasMessageContaining("jre-25: no JDK there")
                .hasMessageContaining("-Ddocflow.image.jdk=<home>");
        assertThatThrownBy(() -> ImageJdk.find(25, Optional.of(jdk17.toString()), Map.of(), jdk17, List.of()))
                .as("a property naming another version is an error, not passed over")
                .isInstanceOf(AssertionError.class).hasMessageContaining("is Java 17").hasMessageContaining("needs Java 25");
    }

    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve("jvm").resolve(name).resolve("bin"));
        for (String tool : List.of("java", "javac")) {
            Files.writeString(home.resolve(tool), "#!/bin/sh\n");
            Files.setPosixFilePermissions(home.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(home.getParent().resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home.getParent();
    }
}
