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
        return library(location, version, null);
    }

    private static PromptLibrary library(String location, String version, String textVersion) {
        MockEnvironment environment = new MockEnvironment();
        if (textVersion != null) {
            environment.setProperty("docflow.prompts.text-version", textVersion);
        }
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
    void theShippedPromptsAskForTheToolInVersionTwoAndForJsonTextInVersionOne() {
        PromptLibrary shipped = library(null, null);

        for (ModelTask task : ModelTask.values()) {
            PromptTemplate tool = shipped.template(task, ModelOutput.TOOL_USE);
            PromptTemplate text = shipped.template(task, ModelOutput.TEXT);
            assertThat(tool.name()).isEqualTo(task.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(tool.version()).isEqualTo("v2");
            assertThat(tool.text()).contains("{{tool}}", "{{document}}").doesNotContain("{{schema}}");
            assertThat(text.version()).isEqualTo("v1");
            assertThat(text.text()).contains("JSON object", "{{document}}").doesNotContain("{{tool}}");
        }
        assertThat(shipped.template(ModelTask.CLASSIFY, ModelOutput.TOOL_USE).text()).contains("{{classes}}");
        assertThat(shipped.template(ModelTask.EXTRACT, ModelOutput.TOOL_USE).text()).contains("evidence", "JSON Pointer");
        assertThat(shipped.template(ModelTask.EXTRACT, ModelOutput.TEXT).text()).contains("{{schema}}");
    }

    @Test
    void eachTaskIsReadFromItsVersionedFileAsUtf8() throws IOException {
        writeAll("v7");
        writeAll("v6");

        PromptLibrary library = library("file:" + dir, "v7", "v6");

        assertThat(library.template(ModelTask.EXTRACT, ModelOutput.TOOL_USE).version()).isEqualTo("v7");
        assertThat(library.template(ModelTask.EXTRACT, ModelOutput.TOOL_USE).text()).isEqualTo("extract ü {{document}}");
        assertThat(library.template(ModelTask.REPAIR, ModelOutput.TEXT).version()).isEqualTo("v6");
        assertThat(library.template(ModelTask.REPAIR, ModelOutput.TEXT).render(Map.of("document", "x"))).isEqualTo("repair ü x");
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
    void aMissingTextPromptNamesTheTextVersionSetting() throws IOException {
        writeAll("v2");
        String location = "file:" + dir + "/";

        assertThatThrownBy(() -> library(location, "v2", "v5"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Prompt file " + location + "classify.v5.txt is missing"
                        + " (docflow.prompts.location / docflow.prompts.text-version)");
    }

    @Test
    void anUnknownVersionFailsAtConstruction() {
        assertThatThrownBy(() -> library(null, "v999"))
                .hasMessageContaining("classpath:prompts/classify.v999.txt is missing");
    }
}
