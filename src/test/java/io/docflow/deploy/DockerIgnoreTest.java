package io.docflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class DockerIgnoreTest {

    @Test
    void theProjectsDockerignoreLetsInOnlyWhatTheImageIsBuiltFrom() {
        DockerIgnore ignore = DockerIgnore.read(Path.of(".dockerignore"));

        assertThat(List.of("pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties",
                "src/main/java/io/docflow/DocflowApplication.java", "routes/ingest.camel.yaml",
                "src/main/resources/legacy/legacy.xsd"))
                .as("excluded, but the build needs them").filteredOn(ignore::excludes).isEmpty();
        assertThat(List.of(".mvn/wrapper/maven-wrapper.jar", "docs/legacy/README.md", "docs/architecture.md",
                "target/docflow-0.1.0-SNAPSHOT.jar", "k8s/node_modules/yaml/package.json", "Dockerfile", ".git", "README.md"))
                .as("sent to Docker, but no COPY takes them").filteredOn(p -> !ignore.excludes(p)).isEmpty();

        assertThat(ignore.mayReincludeUnder("docs")).as("the build reads nothing in docs/").isFalse();
        assertThat(ignore.mayReincludeUnder("target")).isFalse();
        assertThat(ignore.mayReincludeUnder("k8s")).isFalse();
    }

    @Test
    void aSingleStarStaysWithinOneSegmentAndADoubleStarCrossesThem() {
        DockerIgnore singleStar = DockerIgnore.parse("*.md");
        assertThat(singleStar.excludes("README.md")).isTrue();
        assertThat(singleStar.excludes("docs/ocr.md")).isFalse();

        DockerIgnore doubleStar = DockerIgnore.parse("**/*.md");
        assertThat(doubleStar.excludes("README.md")).as("** also matches no segment at all").isTrue();
        assertThat(doubleStar.excludes("docs/legacy/README.md")).isTrue();
        assertThat(doubleStar.excludes("docs/legacy/legacy.xsd")).isFalse();

        DockerIgnore below = DockerIgnore.parse("docs/**");
        assertThat(below.excludes("docs/legacy/legacy.xsd")).isTrue();
        assertThat(below.excludes("docsite/index.html")).isFalse();

        DockerIgnore oneCharacter = DockerIgnore.parse("a?c");
        assertThat(oneCharacter.excludes("abc")).isTrue();
        assertThat(oneCharacter.excludes("a/c")).isFalse();
        assertThat(oneCharacter.excludes("abbc")).isFalse();
    }

    @Test
    void aPatternMatchingAParentDirectoryMatchesEverythingUnderIt() {
        for (String pattern : new String[] {"target", "target/", "/target", "./target", "target//"}) {
            DockerIgnore ignore = DockerIgnore.parse(pattern);
            assertThat(ignore.excludes("target")).as(pattern).isTrue();
            assertThat(ignore.excludes("target/classes/io/docflow/X.class")).as(pattern).isTrue();
            assertThat(ignore.excludes("src/target")).as("%s is anchored at the context's root", pattern).isFalse();
            assertThat(ignore.excludes("targets")).as(pattern).isFalse();
        }
        assertThat(DockerIgnore.parse("*").excludes("src/main/java/X.java")).as("* matches the parent src").isTrue();
    }

    @Test
    void theLastMatchingPatternWins() {
        assertThat(DockerIgnore.parse("*.md\n!README.md").excludes("README.md")).isFalse();
        assertThat(DockerIgnore.parse("!README.md\n*.md").excludes("README.md")).isTrue();
        assertThat(DockerIgnore.parse("*\n!src/\nsrc/test").excludes("src/test/java/XTest.java")).isTrue();
        assertThat(DockerIgnore.parse("*\n!src/\nsrc/test").excludes("src/main/java/X.java")).isFalse();
        assertThat(DockerIgnore.parse("docs\n!docs/legacy/legacy.xsd").excludes("docs/legacy/legacy.xsd"))
                .as("unlike .gitignore, a file below an excluded directory can be let in again").isFalse();
        assertThat(DockerIgnore.parse("docs\n! docs/legacy/legacy.xsd").excludes("docs/legacy/legacy.xsd"))
                .as("blanks after ! are dropped").isFalse();
    }

    @Test
    void onlyLinesStartingWithAHashAreComments() {
        DockerIgnore ignore = DockerIgnore.parse("""
                # every markdown file
                *.md

                  #notes
                """);
        assertThat(ignore.excludes("README.md")).isTrue();
        assertThat(ignore.excludes("#notes")).as("an indented # starts a pattern, as in Docker").isTrue();
        assertThat(ignore.excludes("every")).isFalse();
    }

    @Test
    void aBackslashEscapesTheNextCharacter() {
        DockerIgnore ignore = DockerIgnore.parse("odd\\*name");
        assertThat(ignore.excludes("odd*name")).isTrue();
        assertThat(ignore.excludes("oddname")).isFalse();
    }

    @Test
    void excludedDirectoriesAreWalkedOnlyWhenAReinclusionStartsWithThem() {
        DockerIgnore ignore = DockerIgnore.parse("*\n!docs/legacy/legacy.xsd\n!**/keep");
        assertThat(ignore.mayReincludeUnder("docs")).isTrue();
        assertThat(ignore.mayReincludeUnder("doc")).isFalse();
        assertThat(ignore.mayReincludeUnder("k8s")).as("Docker does not look for **/keep inside excluded folders").isFalse();
        assertThat(DockerIgnore.parse("target").mayReincludeUnder("target")).isFalse();
    }
}
