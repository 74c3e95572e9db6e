package io.docflow.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageTextTest {

    @Test
    void aTextLayerPageWasNotOcrd() {
        PageText page = PageText.textLayer(3, 120);

        assertThat(page).isEqualTo(new PageText(3, PageSource.TEXT_LAYER, 120, null, null, null, null));
        assertThat(page.ocrRan()).isFalse();
    }

    @Test
    void aLeftOutPageHasNoTextAndWasNotOcrdEvenWithAnEngine() {
        PageText page = PageText.leftOut(2, "tesseract", LeftOut.PAGE_TIMEOUT, "took 61 s");

        assertThat(page.source()).isEqualTo(PageSource.NONE);
        assertThat(page.characters()).isZero();
        assertThat(page.reason()).isEqualTo("took 61 s");
        assertThat(page.ocrRan()).isFalse();
    }

    @Test
    void aPageAnEngineReadWasOcrdWhetherOrNotItFoundText() {
        assertThat(new PageText(1, PageSource.OCR, 40, "textract", 97.5, null, null).ocrRan()).isTrue();
        assertThat(new PageText(1, PageSource.NONE, 0, "textract", null, null, "OCR found no text").ocrRan()).isTrue();
    }
}
