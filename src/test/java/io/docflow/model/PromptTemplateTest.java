package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    @Test
    void everyOccurrenceOfAPlaceholderIsFilled() {
        PromptTemplate template = new PromptTemplate("extract", "v1", "{{documentClass}} / {{documentClass}}: {{part}}");

        assertThat(template.render(Map.of("documentClass", "invoice", "part", "2"))).isEqualTo("invoice / invoice: 2");
    }

    @Test
    void aTemplateWithoutPlaceholdersRendersAsItIsAndIgnoresExtraValues() {
        PromptTemplate template = new PromptTemplate("repair", "v1", "Fix it.\n");

        assertThat(template.render(Map.of())).isEqualTo("Fix it.\n");
        assertThat(template.render(Map.of("unused", "x"))).isEqualTo("Fix it.\n");
    }

    @Test
    void onlyLetterNamesInDoubleBracesArePlaceholders() {
        PromptTemplate template = new PromptTemplate("classify", "v1", "{single} {{two words}} {{a1}} {{}} {{ok}}");

        assertThat(template.render(Map.of("ok", "yes"))).isEqualTo("{single} {{two words}} {{a1}} {{}} yes");
    }

    @Test
    void theFirstMissingValueIsNamedWithTheTemplate() {
        PromptTemplate template = new PromptTemplate("extract", "v3", "{{schema}} {{document}}");

        assertThatThrownBy(() -> template.render(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Prompt extract.v3 needs a value for {{schema}}");
    }

    @Test
    void anEmptyValueIsAValue() {
        assertThat(new PromptTemplate("repair", "v1", "[{{errors}}]").render(Map.of("errors", ""))).isEqualTo("[]");
    }
}
