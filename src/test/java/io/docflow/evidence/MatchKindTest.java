package io.docflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatchKindTest {

    @Test
    void theSchemaKeywordsNameTheKinds() {
        assertThat(MatchKind.fromKeyword("alphanumeric")).contains(MatchKind.ALPHANUMERIC);
        assertThat(MatchKind.fromKeyword("quote")).contains(MatchKind.QUOTE);
        assertThat(MatchKind.fromKeyword("Text")).isEmpty();
        assertThat(MatchKind.fromKeyword("amount")).isEmpty();
    }

    @Test
    void theKeywordsAreListedForErrorMessagesInDeclarationOrder() {
        assertThat(MatchKind.keywords()).isEqualTo("text, number, date, currency, alphanumeric, quote");
    }
}
