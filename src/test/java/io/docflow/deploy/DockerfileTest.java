package io.docflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.docflow.deploy.Dockerfile.Copy;
import io.docflow.deploy.Dockerfile.Stage;
import org.junit.jupiter.api.Test;

class DockerfileTest {

    private static final String MULTI_STAGE = """
            # syntax=docker/dockerfile:1
            ARG BASE=eclipse-temurin:17-jdk

            FROM ${BASE} AS build
            WORKDIR /src
            # a comment between instructions
            COPY mvnw pom.xml ./
            RUN ./mvnw -B package \\
             # a comment inside a continued line is dropped
             && cp target/*.jar app.jar

            from --platform=linux/amd64 ${BASE} as layers
            WORKDIR /layers
            WORKDIR extracted
            COPY --from=build /src/app.jar app.jar

            FROM eclipse-temurin:17-jre
            COPY --from=layers /layers/extracted/dependencies/ ./
            ENV A=1 B="two words" C='single $quoted'
            ENV LEGACY value with spaces
            ENTRYPOINT ["java", "-jar", "app.jar"]
            """;

    @Test
    void stagesAreNamedByTheirAsAndTheLastIsTheFinalStage() {
        Dockerfile dockerfile = Dockerfile.parse(MULTI_STAGE);

        assertThat(dockerfile.stages()).extracting(Stage::name)
                .containsExactly(Optional.of("build"), Optional.of("layers"), Optional.empty());
        assertThat(dockerfile.stage("build").base()).isEqualTo("${BASE}");
        assertThat(dockerfile.stage("layers").base()).isEqualTo("${BASE}");
        assertThat(dockerfile.finalStage().base()).isEqualTo("eclipse-temurin:17-jre");
        assertThatThrownBy(() -> dockerfile.stage("missing")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void baseImagesTakeTheArgDefaultsAndNameTheirJavaVersion() {
        Dockerfile dockerfile = Dockerfile.parse(MULTI_STAGE);

        assertThat(dockerfile.args()).containsExactly(Map.entry("BASE", "eclipse-temurin:17-jdk"));
        assertThat(dockerfile.stages()).extracting(dockerfile::baseImage)
                .containsExactly("eclipse-temurin:17-jdk", "eclipse-temurin:17-jdk", "eclipse-temurin:17-jre");
        Dockerfile onAStage = Dockerfile.parse("ARG JDK=eclipse-temurin:25-jdk\nFROM $JDK AS build\nFROM build\n");
        assertThat(onAStage.baseImage(onAStage.finalStage())).isEqualTo("eclipse-temurin:25-jdk");
        assertThatThrownBy(() -> Dockerfile.parse("ARG JDK\nFROM ${JDK}").baseImage(Dockerfile.parse("ARG JDK\nFROM ${JDK}")
                .finalStage())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JDK");

        assertThat(Dockerfile.javaVersion("eclipse-temurin:25-jre")).isEqualTo(25);
        assertThat(Dockerfile.javaVersion("registry.example.com:5000/eclipse-temurin:17.0.15_6-jdk-jammy")).isEqualTo(17);
        assertThat(Dockerfile.javaVersion("eclipse-temurin:8u442-b06-jre@sha256:0123")).isEqualTo(8);
        assertThat(Dockerfile.javaVersion("amazoncorretto:21")).isEqualTo(21);
        assertThatThrownBy(() -> Dockerfile.javaVersion("eclipse-temurin:latest")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dockerfile.javaVersion("registry.example.com:5000/jre")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void continuedLinesAreJoinedWithoutTheirComments() {
        Stage build = Dockerfile.parse(MULTI_STAGE).stage("build");

        assertThat(build.runs()).containsExactly("./mvnw -B package  && cp target/*.jar app.jar");
        assertThat(build.instructions()).extracting(Dockerfile.Instruction::keyword)
                .containsExactly("WORKDIR", "COPY", "RUN");
    }

    @Test
    void copiesNameTheirStageSourcesAndDestination() {
        Dockerfile dockerfile = Dockerfile.parse(MULTI_STAGE);

        assertThat(dockerfile.stage("build").copies())
                .containsExactly(new Copy(Optional.empty(), List.of("mvnw", "pom.xml"), "./"));
        assertThat(dockerfile.stage("layers").copies())
                .containsExactly(new Copy(Optional.of("build"), List.of("/src/app.jar"), "app.jar"));
        assertThat(Dockerfile.copy("--chown=10001:10001 --link [\"a b\", \"c/\"]"))
                .isEqualTo(new Copy(Optional.empty(), List.of("a b"), "c/"));
        assertThatThrownBy(() -> Dockerfile.copy("--exclude=*.md docs/ docs/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dockerfile.copy("pom.xml")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workdirsResolveAgainstThePreviousOne() {
        Dockerfile dockerfile = Dockerfile.parse(MULTI_STAGE);

        assertThat(dockerfile.stage("build").workdir()).isEqualTo("/src");
        assertThat(dockerfile.stage("layers").workdir()).isEqualTo("/layers/extracted");
        assertThat(dockerfile.finalStage().workdir()).isEqualTo("/");
    }

    @Test
    void envTakesQuotedPairsAndTheLegacyForm() {
        assertThat(Dockerfile.parse(MULTI_STAGE).finalStage().env()).containsExactly(
                Map.entry("A", "1"), Map.entry("B", "two words"), Map.entry("C", "single $quoted"),
                Map.entry("LEGACY", "value with spaces"));
        assertThat(Dockerfile.env("X=a\\ b Y=\"say \\\"hi\\\"\" Z=")).containsExactly(
                Map.entry("X", "a b"), Map.entry("Y", "say \"hi\""), Map.entry("Z", ""));
        assertThatThrownBy(() -> Dockerfile.env("X=\"open")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entrypointsInExecFormAreKeptAndInShellFormRunBySh() {
        assertThat(Dockerfile.parse(MULTI_STAGE).finalStage().entrypoint()).contains(List.of("java", "-jar", "app.jar"));
        assertThat(Dockerfile.parse("FROM x\nENTRYPOINT exec java -jar app.jar").finalStage().entrypoint())
                .contains(List.of("/bin/sh", "-c", "exec java -jar app.jar"));
        assertThat(Dockerfile.parse("FROM x").finalStage().entrypoint()).isEmpty();
    }

    @Test
    void whatCannotBeReadFails() {
        assertThatThrownBy(() -> Dockerfile.parse("RUN true\nFROM x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dockerfile.parse("FROM x\nRUN true \\")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dockerfile.parse("# only a comment")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dockerfile.parse("FROM a b")).isInstanceOf(IllegalArgumentException.class);
    }
}
