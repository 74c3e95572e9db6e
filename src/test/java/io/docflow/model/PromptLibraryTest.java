package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.docflow.config.DocflowProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class PromptLibraryTest {

    @TempDir
    Path dir;

    private static PromptLibrary library(String location, String version) {
        MockEnvironment environment = new MockEnvironment();
        if (location != null) {
            environment.setProperty("docflow.prompts.location", location);
        }
        if (version != null) {
            environment.setProperty("docflow.prompts.version", version);
        }
        return new PromptLibrary(Binder.get(environment).bindOrCreate("docflow", DocflowProperties.class));
    }

    private void writeAll(String version) throws IOException {
        for (String task : new String[] {"classify", "extract", "repair"}) {
            Files.writeString(dir.resolve(task + "." + version + ".txt"), task + " ü {{document}}");
        }
    }

    @Test
    void theShippedPromptsLoadAsVersionOne() {
        PromptLibrary shipped = library(null, null);

        assertThat(shipped.classify().name()).isEqualTo("classify");
        assertThat(shipped.extract().name()).isEqualTo("extract");
        assertThat(shipped.repair().name()).isEqualTo("repair");
        assertThat(shipped.classify().version()).isEqualTo("v1");
        assertThat(shipped.classify().text()).contains("{{classes}}").contains("{{document}}");
    }

    @Test
    void eachTaskIsReadFromItsVersionedFileAsUtf8() throws IOException {
        writeAll("v7");

        PromptLibrary library = library("file:" + dir, "v7");

        assertThat(library.extract().version()).isEqualTo("v7");
        assertThat(library.extract().text()).isEqualTo("extract ü {{document}}");
        assertThat(library.repair().render(Map.of("document", "x"))).isEqualTo("repair ü x");
    }

    @Test
    void aMissingPromptFileNamesThePathAndTheSettings() throws IOException {
        Files.writeString(dir.resolve("classify.v2.txt"), "c");
        String location = "file:" + dir + "/";

        assertThatThrownBy(() -> library(location, "v2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Prompt file " + location + "extract.v2.txt is missing"
                        + " (docflow.prompts.location / docflow.prompts.version)");
    }

    @Test
    void anUnknownVersionFailsAtConstruction() {
        assertThatThrownBy(() -> library(null, "v999"))
                .hasMessageContaining("classpath:prompts/classify.v999.txt is missing");
    }
}
