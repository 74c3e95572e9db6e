package io.docflow.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ExtractedDocumentTest {

    private static ExtractedDocument document(String text, List<Integer> pageStarts) {
        return new ExtractedDocument(text, "application/pdf", pageStarts == null ? null : pageStarts.size(), "en",
                "Title", "Ann", text.length(), false, 1000, pageStarts, 0);
    }

    @Test
    void charactersMustMatchTheText() {
        assertThatThrownBy(() -> new ExtractedDocument("abc", "text/plain", null, null, null, null, 4, false, 10, null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("characters (4) must equal the text's length (3)");
    }

    @Test
    void textAndContentTypeAreRequired() {
        assertThatThrownBy(() -> new ExtractedDocument(null, "text/plain", null, null, null, null, 0, false, 10, null, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("text");
        assertThatThrownBy(() -> new ExtractedDocument("", null, null, null, null, null, 0, false, 10, null, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("contentType");
    }

    @Test
    void noPageStartsIsAnEmptyListAndTheListIsCopied() {
        assertThat(document("abc", null).pageStarts()).isEmpty();

        List<Integer> starts = new ArrayList<>(List.of(0, 2));
        ExtractedDocument document = document("abc", starts);
        starts.add(3);

        assertThat(document.pageStarts()).containsExactly(0, 2);
    }

    @Test
    void blankTextIsNoText() {
        assertThat(document("", null).hasText()).isFalse();
        assertThat(document(" \n\t", null).hasText()).isFalse();
        assertThat(document(" x ", null).hasText()).isTrue();
    }

    @Test
    void pageTextRunsToTheNextPageOrTheEnd() {
        ExtractedDocument document = document("one\ntwo\n\nthree", List.of(0, 4, 9));

        assertThat(document.pageText(0)).isEqualTo("one\n");
        assertThat(document.pageText(1)).isEqualTo("two\n\n");
        assertThat(document.pageText(2)).isEqualTo("three");
    }

    @Test
    void anEmptyPageHasEmptyText() {
        assertThat(document("ab", List.of(0, 2, 2)).pageText(1)).isEmpty();
    }

    @Test
    void withTextKeepsTheDocumentsPropertiesAndAnyEarlierTruncation() {
        ExtractedDocument truncated = new ExtractedDocument("abc", "application/pdf", 2, "en", "Title", "Ann", 3, true, 3,
                List.of(0, 1), 4);

        ExtractedDocument ocrd = truncated.withText("Hallo Welt", 3, "de", false, List.of(0, 5, 6));

        assertThat(ocrd).isEqualTo(new ExtractedDocument("Hallo Welt", "application/pdf", 3, "de", "Title", "Ann", 10,
                true, 3, List.of(0, 5, 6), 4));
        assertThat(document("abc", null).withText("x", null, null, true, null).truncated()).isTrue();
    }
}
