package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonReplyReaderTest {

    private final JsonReplyReader reader = new JsonReplyReader(new ObjectMapper());

    @Test
    void readsAPlainObject() {
        JsonNode node = reader.readObject("{\"documentClass\": \"invoice\", \"confidence\": 0.9}");

        assertThat(node.get("documentClass").asText()).isEqualTo("invoice");
        assertThat(node.get("confidence").asDouble()).isEqualTo(0.9);
    }

    @Test
    void takesTheObjectOutOfAMarkdownFenceAndSurroundingProse() {
        String reply = "Here is the result:\n```json\n{\"total\": 12.5, \"lines\": [{\"a\": 1}]}\n```\nHope this helps {not json}";

        JsonNode node = reader.readObject(reply);

        assertThat(node.get("total").asDouble()).isEqualTo(12.5);
        assertThat(node.get("lines").get(0).get("a").asInt()).isEqualTo(1);
        assertThat(node.size()).isEqualTo(2);
    }

    @Test
    void bracesAndEscapedQuotesInsideStringsDoNotEndTheObject() {
        JsonNode node = reader.readObject("{\"note\": \"a } brace and a \\\"quoted { word\\\"\", \"n\": 2} trailing }");

        assertThat(node.get("note").asText()).isEqualTo("a } brace and a \"quoted { word\"");
        assertThat(node.get("n").asInt()).isEqualTo(2);
    }

    @Test
    void anEmptyOrBlankReplyIsBadOutput() {
        assertThatThrownBy(() -> reader.readObject(null))
                .isInstanceOf(BadModelOutputException.class).hasMessage("The model's reply is empty");
        assertThatThrownBy(() -> reader.readObject("  \n\t"))
                .isInstanceOf(BadModelOutputException.class).hasMessage("The model's reply is empty");
    }

    @Test
    void aReplyWithoutAnObjectIsBadOutput() {
        assertThatThrownBy(() -> reader.readObject("I cannot classify this document."))
                .isInstanceOf(BadModelOutputException.class)
                .hasMessage("The model's reply holds no complete JSON object: 'I cannot classify this document.'");
    }

    @Test
    void aTruncatedObjectIsBadOutput() {
        // what a reply cut off at maxTokens looks like
        assertThatThrownBy(() -> reader.readObject("{\"documentClass\": \"invoice\", \"lines\": [{\"a\": 1}"))
                .isInstanceOf(BadModelOutputException.class)
                .hasMessageStartingWith("The model's reply holds no complete JSON object");
    }

    @Test
    void invalidJsonBetweenTheBracesIsBadOutputWithTheParserCause() {
        assertThatThrownBy(() -> reader.readObject("{documentClass: invoice}"))
                .isInstanceOf(BadModelOutputException.class)
                .hasMessageStartingWith("The model's reply is not valid JSON (")
                .hasMessageEndingWith("): '{documentClass: invoice}'")
                .hasCauseInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
    }

    @Test
    void theExcerptFlattensWhitespaceAndCutsAt120Characters() {
        assertThat(JsonReplyReader.excerpt("  a\n\n b\tc  ")).isEqualTo("'a b c'");
        String exactly120 = "x".repeat(120);
        assertThat(JsonReplyReader.excerpt(exactly120)).isEqualTo("'" + exactly120 + "'");
        assertThat(JsonReplyReader.excerpt("y".repeat(121))).isEqualTo("'" + "y".repeat(120) + "...'");
    }

    @Test
    void aLongBadReplyIsQuotedShortInTheMessage() {
        String reply = "no json here ".repeat(50);

        assertThatThrownBy(() -> reader.readObject(reply))
                .hasMessageEndingWith("...'")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
    }
}
