package io.docflow.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ReadmeCommandsTest {

    @Test
    void theReadmeGivesARunCommandAndATestCommand() {
        ReadmeCommands commands = ReadmeCommands.read();

        assertThat(commands.run()).isEqualTo("./mvnw spring-boot:test-run");
        assertThat(commands.test()).isEqualTo("./mvnw -B verify");
    }

    @Test
    void ciRunsExactlyTheReadmesTestCommandAndNothingElse() {
        var lines = ReadmeCommands.readString(Path.of(".ci/run")).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .filter(line -> !line.startsWith("set ") && !line.startsWith("cd "))
                .toList();

        assertThat(lines).containsExactly(ReadmeCommands.read().test());
    }

    @Test
    void theReadmesHttpExamplesSendLocalModesToken() {
        ReadmeCommands.HttpExamples examples = ReadmeCommands.httpExamples();

        assertThat(examples.token()).startsWith("TOKEN=$(").contains("target/docflow-local.json");
        assertThat(examples.upload()).contains("-H \"Authorization: Bearer $TOKEN\"").contains("-F file=@invoice.pdf")
                .endsWith("http://127.0.0.1:8080/api/v1/documents");
        assertThat(examples.result()).contains("-H \"Authorization: Bearer $TOKEN\"")
                .endsWith("http://127.0.0.1:8080/api/v1/jobs/<jobId>/result");
    }

    @Test
    void theTokenLineReadsAdminsTokenFromTheJsonLocalModeWrites(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("target"));
        // as LocalDocflow writes it (Jackson, indented)
        java.nio.file.Files.writeString(dir.resolve("target/docflow-local.json"), new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(java.util.Map.of("tokens", new java.util.TreeMap<>(java.util.Map.of(
                        "viewer", "v.v.v", "admin", "a.b.c")))));
        Process bash = new ProcessBuilder("bash", "-c", ReadmeCommands.httpExamples().token() + "; printf %s \"$TOKEN\"")
                .directory(dir.toFile()).redirectErrorStream(true).start();

        assertThat(new String(bash.getInputStream().readAllBytes())).isEqualTo("a.b.c");
        assertThat(bash.waitFor()).isZero();
    }

    @Test
    void commentsAfterACommandAreNotPartOfIt() {
        ReadmeCommands commands = ReadmeCommands.parse("""
                # x
                ## The two commands
                ```bash
                ./run-it      # runs it
                ./test-it     # tests it
                ```
                """);

        assertThat(commands).isEqualTo(new ReadmeCommands("./run-it", "./test-it"));
    }

    @Test
    void aBlockWithoutExactlyTwoCommandsIsRefused() {
        assertThatThrownBy(() -> ReadmeCommands.parse("## The two commands\n```bash\n./one\n```\n"))
                .hasMessageContaining("holds 1 commands");
    }
}
