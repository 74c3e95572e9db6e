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
