package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class DocumentClassCatalogTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private static DocumentClassCatalog catalog(String location) {
        MockEnvironment environment = new MockEnvironment();
        if (location != null) {
            environment.setProperty("docflow.classes.location", location);
        }
        return new DocumentClassCatalog(Binder.get(environment).bindOrCreate("docflow", DocflowProperties.class), MAPPER);
    }

    private void write(String file, String content) throws IOException {
        Files.writeString(dir.resolve(file), content);
    }

    @Test
    void theShippedClassesLoadWithOtherAmongThem() {
        DocumentClassCatalog shipped = catalog(null);

        assertThat(shipped.all()).extracting(DocumentClass::name)
                .contains("invoice", "receipt", "other")
                .isSorted();
        DocumentClass invoice = shipped.find("invoice").orElseThrow();
        assertThat(invoice.keyFields()).contains("invoiceNumber", "total");
        assertThat(invoice.version()).isEqualTo("2");
        assertThat(invoice.schema().path("type").asText()).isEqualTo("object");
    }

    @Test
    void classesAreReadFromTheirSchemaFiles() throws IOException {
        write("other.schema.json", "{\"description\": \"Anything else\"}");
        write("memo.schema.json", "{\"description\": \"An internal memo\", \"x-docflow-version\": \"3\","
                + " \"x-docflow-key-fields\": [\"subject\", \"date\"], \"type\": \"object\"}");
        write("notes.txt", "not a class");

        DocumentClassCatalog catalog = catalog(dir.toUri().toString());

        assertThat(catalog.all()).extracting(DocumentClass::name).containsExactly("memo", "other");
        DocumentClass memo = catalog.find("memo").orElseThrow();
        assertThat(memo.description()).isEqualTo("An internal memo");
        assertThat(memo.version()).isEqualTo("3");
        assertThat(memo.keyFields()).containsExactly("subject", "date");
    }

    @Test
    void aSchemaWithoutDescriptionVersionOrKeyFieldsGetsDefaults() throws IOException {
        write("other.schema.json", "{}");

        DocumentClass other = catalog("file:" + dir + "/").get("other");

        assertThat(other.description()).isEqualTo("other");
        assertThat(other.version()).isEqualTo("1");
        assertThat(other.keyFields()).isEmpty();
    }

    @Test
    void theLocationMayOmitItsTrailingSlash() throws IOException {
        write("other.schema.json", "{}");

        assertThat(catalog("file:" + dir).find("other")).isPresent();
    }

    @Test
    void withoutOtherTheCatalogRefusesToStart() throws IOException {
        write("memo.schema.json", "{}");
        String location = "file:" + dir + "/";

        assertThatThrownBy(() -> catalog(location))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("docflow.classes.location (" + location + ") must contain other.schema.json; found [memo]");
    }

    @Test
    void anUnknownOrNullNameIsNotFoundAndGetFallsBackToOther() throws IOException {
        write("other.schema.json", "{}");
        write("memo.schema.json", "{}");
        DocumentClassCatalog catalog = catalog("file:" + dir);

        assertThat(catalog.find("letter")).isEmpty();
        assertThat(catalog.find(null)).isEmpty();
        assertThat(catalog.get("letter").name()).isEqualTo("other");
        assertThat(catalog.get(null).name()).isEqualTo("other");
        assertThat(catalog.get("memo").name()).isEqualTo("memo");
    }

    @Test
    void thePromptListHasOneLinePerClassWithoutATrailingNewline() throws IOException {
        write("other.schema.json", "{\"description\": \"Anything else\"}");
        write("memo.schema.json", "{\"description\": \"An internal memo\"}");

        assertThat(catalog("file:" + dir).promptList()).isEqualTo("memo: An internal memo\nother: Anything else");
    }

    @Test
    void anUnreadableSchemaFailsTheStart() throws IOException {
        write("other.schema.json", "{ not json");

        assertThatThrownBy(() -> catalog("file:" + dir))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageStartingWith("Cannot read document classes from file:");
    }
}
