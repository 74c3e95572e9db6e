package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class ClassificationReaderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DocflowProperties PROPERTIES = Binder.get(new MockEnvironment())
            .bindOrCreate("docflow", DocflowProperties.class);
    private final ClassificationReader reader = new ClassificationReader(new JsonReplyReader(MAPPER),
            new DocumentClassCatalog(PROPERTIES, MAPPER));

    @Test
    void readsAClassFromTheCatalog() {
        Classification c = reader.read("{\"documentClass\": \"invoice\", \"confidence\": 0.82, \"reason\": \"has a total\"}");

        assertThat(c).isEqualTo(new Classification("invoice", 0.82, "has a total", "invoice"));
    }

    @Test
    void anUnknownClassBecomesOtherAndKeepsWhatTheModelSaid() {
        Classification c = reader.read("{\"documentClass\": \" purchase-order \", \"confidence\": 0.7}");

        assertThat(c.documentClass()).isEqualTo(DocumentClassCatalog.OTHER);
        assertThat(c.answeredClass()).isEqualTo("purchase-order");
    }

    @Test
    void classNamesAreMatchedExactly() {
        assertThat(reader.read("{\"documentClass\": \"Invoice\"}").documentClass()).isEqualTo("other");
    }

    @Test
    void confidenceIsClampedToZeroToOne() {
        assertThat(reader.read("{\"documentClass\": \"invoice\", \"confidence\": 1.7}").confidence()).isEqualTo(1.0);
        assertThat(reader.read("{\"documentClass\": \"invoice\", \"confidence\": -0.3}").confidence()).isEqualTo(0.0);
    }

    @Test
    void aMissingOrNonNumericConfidenceIsZeroAndAMissingReasonEmpty() {
        Classification missing = reader.read("{\"documentClass\": \"invoice\"}");
        assertThat(missing.confidence()).isZero();
        assertThat(missing.reason()).isEmpty();

        assertThat(reader.read("{\"documentClass\": \"invoice\", \"confidence\": \"high\"}").confidence()).isZero();
    }

    @Test
    void aReplyWithoutAUsableDocumentClassIsBadOutput() {
        for (String reply : new String[] {"{\"confidence\": 0.9}", "{\"documentClass\": 3}",
                "{\"documentClass\": \"  \"}", "{\"documentClass\": null}"}) {
            assertThatThrownBy(() -> reader.read(reply)).as(reply)
                    .isInstanceOf(BadModelOutputException.class)
                    .hasMessageStartingWith("The classification reply lacks documentClass: '");
        }
    }

    @Test
    void aReplyWithoutJsonIsBadOutput() {
        assertThatThrownBy(() -> reader.read("invoice")).isInstanceOf(BadModelOutputException.class);
    }

    @Test
    void aToolUseReplyIsReadFromTheToolsInputNotItsText() throws Exception {
        ModelReply reply = new ModelReply(ModelTask.CLASSIFY, "m", "{\"documentClass\": \"letter\"}", "tool_use",
                1, 1, 1, -1, 1, false, ModelOutput.TOOL_USE,
                MAPPER.readTree("{\"documentClass\": \"invoice\", \"confidence\": 0.9, \"reason\": \"a total\"}"));

        assertThat(reader.read(reply)).isEqualTo(new Classification("invoice", 0.9, "a total", "invoice"));
    }

    @Test
    void aToolInputWithoutAClassIsBadOutput() throws Exception {
        ModelReply reply = new ModelReply(ModelTask.CLASSIFY, "m", "", "max_tokens", 1, 1, 1, -1, 1, false,
                ModelOutput.TOOL_USE, MAPPER.readTree("{}"));

        assertThatThrownBy(() -> reader.read(reply)).isInstanceOf(BadModelOutputException.class)
                .hasMessage("The classification reply lacks documentClass: '{}'");
    }

    @Test
    void aTextReplyIsReadFromItsText() {
        ModelReply reply = new ModelReply(ModelTask.CLASSIFY, "m", "{\"documentClass\": \"letter\"}", "end_turn",
                1, 1, 1, -1, 1, false);

        assertThat(reader.read(reply).documentClass()).isEqualTo("letter");
    }
}
