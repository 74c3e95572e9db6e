package io.docflow.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.junit.jupiter.api.Test;

class DocumentPropertiesTest {

    private final Metadata metadata = new Metadata();

    @Test
    void pagesPreferPdfPagesThenOfficePagesThenSlides() {
        metadata.set(Office.SLIDE_COUNT, 12);
        assertThat(DocumentProperties.pages(metadata)).isEqualTo(12);

        metadata.set(Office.PAGE_COUNT, 7);
        assertThat(DocumentProperties.pages(metadata)).isEqualTo(7);

        metadata.set(PagedText.N_PAGES, 3);
        assertThat(DocumentProperties.pages(metadata)).isEqualTo(3);
    }

    @Test
    void noPageCountIsNull() {
        assertThat(DocumentProperties.pages(metadata)).isNull();
    }

    @Test
    void anUnparseablePageCountIsSkipped() {
        metadata.set(PagedText.N_PAGES.getName(), "many");
        metadata.set(Office.PAGE_COUNT, 2);

        assertThat(DocumentProperties.pages(metadata)).isEqualTo(2);
    }

    @Test
    void theTitleIsStrippedAndABlankTitleIsNone() {
        assertThat(DocumentProperties.title(metadata)).isNull();
        metadata.set(TikaCoreProperties.TITLE, "  ");
        assertThat(DocumentProperties.title(metadata)).isNull();
        metadata.set(TikaCoreProperties.TITLE, "  Annual report \n");
        assertThat(DocumentProperties.title(metadata)).isEqualTo("Annual report");
    }

    @Test
    void allCreatorsAreJoinedAndBlankOnesDropped() {
        metadata.add(TikaCoreProperties.CREATOR, " Ann Lee ");
        metadata.add(TikaCoreProperties.CREATOR, "  ");
        metadata.add(TikaCoreProperties.CREATOR, "Bob");

        assertThat(DocumentProperties.author(metadata)).isEqualTo("Ann Lee, Bob");
    }

    @Test
    void noOrOnlyBlankCreatorsIsNoAuthor() {
        assertThat(DocumentProperties.author(metadata)).isNull();
        metadata.add(TikaCoreProperties.CREATOR, " ");
        assertThat(DocumentProperties.author(metadata)).isNull();
    }
}
