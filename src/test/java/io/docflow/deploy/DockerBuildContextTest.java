package io.docflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import io.docflow.deploy.Dockerfile.Copy;
import io.docflow.deploy.Dockerfile.Instruction;
import io.docflow.deploy.Dockerfile.Stage;
import org.junit.jupiter.api.Test;

/** The project's Dockerfile against the build context its .dockerignore selects, without building anything. */
class DockerBuildContextTest {

    private final Dockerfile dockerfile = Dockerfile.read(Path.of("Dockerfile"));
    private final BuildContext context = BuildContext.of(Path.of("").toAbsolutePath());
    private final List<String> copiedFromTheContext = dockerfile.stages().stream()
            .flatMap(s -> s.copies().stream()).filter(c -> c.from().isEmpty())
            .flatMap(c -> c.sources().stream()).toList();

    @Test
    void everyCopySourceIsInTheContext() {
        assertThat(copiedFromTheContext).isNotEmpty().allSatisfy(source -> assertThat(context.files())
                .as("the build context (.dockerignore) has %s", source)
                .anyMatch(file -> isOrIsUnder(file, source)));
    }

    @Test
    void theContextHoldsOnlyWhatTheDockerfileCopies() {
        assertThat(context.files()).isNotEmpty().allSatisfy(file -> assertThat(copiedFromTheContext)
                .as("a COPY line takes %s", file).anyMatch(source -> isOrIsUnder(file, source)));
        // every file pom.xml names is in the context, the test-prerequisites script too
        assertThat(context.files()).contains("scripts/test-prerequisites.sh");
        assertThat(context.files()).contains("src/main/resources/legacy/legacy.xsd").doesNotContain(".mvn/wrapper/maven-wrapper.jar", "docs/legacy/README.md");
    }

    @Test
    void theBuildStageResolvesDependenciesBeforeItCopiesAnySource() {
        Stage build = dockerfile.stage("build");
        List<Instruction> instructions = build.instructions();
        int firstRun = instructions.indexOf(instructions.stream().filter(i -> i.keyword().equals("RUN")).findFirst().orElseThrow());
        List<String> copiedBefore = instructions.subList(0, firstRun).stream().filter(i -> i.keyword().equals("COPY"))
                .flatMap(i -> Dockerfile.copy(i.arguments()).sources().stream()).toList();
        List<String> copiedAfter = instructions.subList(firstRun, instructions.size()).stream()
                .filter(i -> i.keyword().equals("COPY")).map(i -> Dockerfile.copy(i.arguments()))
                .map(Copy::sources).flatMap(List::stream).toList();

        assertThat(copiedBefore).containsExactlyInAnyOrder(".mvn/", "mvnw", "pom.xml");
        assertThat(copiedAfter).contains("src/");
    }

    @Test
    void theBuildStageRunsTheContextsOwnWrapperInBatchMode() {
        assertThat(dockerfile.stage("build").runs()).isNotEmpty().allSatisfy(run -> assertThat(run).startsWith("./mvnw -B "));
        assertThat(context.files()).contains("mvnw", ".mvn/wrapper/maven-wrapper.properties");
    }

    private static boolean isOrIsUnder(String file, String source) {
        String path = source.replaceFirst("^/+", "");
        return path.endsWith("/") ? file.startsWith(path) : file.equals(path) || file.startsWith(path + "/");
    }
}
