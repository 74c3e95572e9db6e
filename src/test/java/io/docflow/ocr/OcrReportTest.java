package io.docflow.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class OcrReportTest {

    private static final String T = "tesseract";

    private static PageText ocr(int page, int characters, Double confidence) {
        return new PageText(page, PageSource.OCR, characters, T, confidence, null, null);
    }

    private static OcrReport report(String engine, PageText... pages) {
        return new OcrReport(engine, List.of("eng"), List.of(pages), 10);
    }

    /** A text page, two OCR'd pages, one where OCR read nothing, two past the page limit. */
    private static final OcrReport MIXED = report(T,
            PageText.textLayer(1, 100),
            ocr(2, 50, 80.0),
            ocr(3, 150, 40.0),
            new PageText(4, PageSource.NONE, 0, T, null, null, "OCR found no text"),
            PageText.leftOut(5, T, LeftOut.PAGE_LIMIT, "docflow.ocr.max-pages is 3"),
            PageText.leftOut(6, T, LeftOut.PAGE_LIMIT, "docflow.ocr.max-pages is 3"));

    @Test
    void pagesOcrdCountsPagesAnEngineReadWithOrWithoutText() {
        assertThat(MIXED.pagesOcrd()).isEqualTo(3);
    }

    @Test
    void leftOutListsThePagesNotRead() {
        assertThat(MIXED.leftOut()).extracting(PageText::page).containsExactly(5, 6);
    }

    @Test
    void meanConfidenceIsWeightedByCharactersOverOcrdTextOnly() {
        // (80 * 50 + 40 * 150) / 200
        assertThat(MIXED.meanConfidence()).isEqualTo(50.0);
    }

    @Test
    void textConfidenceCountsTextLayerCharactersFully() {
        // (1 * 100 + 0.8 * 50 + 0.4 * 150) / 300
        assertThat(MIXED.textConfidence()).isCloseTo(200.0 / 300, within(1e-9));
    }

    @Test
    void withoutOcrTheTextIsFullyTrustedAndHasNoMeanConfidence() {
        OcrReport textOnly = report(T, PageText.textLayer(1, 10), PageText.textLayer(2, 0));

        assertThat(textOnly.meanConfidence()).isNull();
        assertThat(textOnly.textConfidence()).isEqualTo(1.0);
        assertThat(report(T).textConfidence()).isEqualTo(1.0);
        assertThat(report(T).meanConfidence()).isNull();
    }

    @Test
    void anOcrdPageWithoutConfidenceIsTrustedButNotAveraged() {
        OcrReport report = report(T, ocr(1, 100, null), ocr(2, 100, 50.0));

        assertThat(report.meanConfidence()).isEqualTo(50.0);
        assertThat(report.textConfidence()).isEqualTo(0.75);
    }

    @Test
    void pagesBySourceAreCompactRanges() {
        assertThat(MIXED.pagesBySource()).containsExactly(
                Map.entry(PageSource.TEXT_LAYER, "1"), Map.entry(PageSource.OCR, "2-3"), Map.entry(PageSource.NONE, "4-6"));
        assertThat(report(T, PageText.textLayer(1, 1), ocr(2, 1, 90.0), PageText.textLayer(3, 1)).pagesBySource())
                .containsEntry(PageSource.TEXT_LAYER, "1,3").containsEntry(PageSource.OCR, "2");
    }

    @Test
    void leftOutPagesAreGroupedByReason() {
        OcrReport report = report(T, PageText.leftOut(1, T, LeftOut.PAGE_TIMEOUT, "slow"), ocr(2, 5, 90.0),
                PageText.leftOut(3, T, LeftOut.PAGE_LIMIT, "cap"), PageText.leftOut(4, T, LeftOut.PAGE_LIMIT, "cap"));

        assertThat(report.leftOutPages()).containsExactly(
                Map.entry(LeftOut.PAGE_LIMIT, "3-4"), Map.entry(LeftOut.PAGE_TIMEOUT, "1"));
        assertThat(report(T, ocr(1, 5, 90.0)).leftOutPages()).isEmpty();
    }

    @Test
    void theSummarySaysWhatRanAndWhatWasLeftOut() {
        assertThat(MIXED.noTextSummary()).isEqualTo("tesseract OCR ran on 3 of 6 page(s) and read nothing; left out: "
                + "page 5 PAGE_LIMIT (docflow.ocr.max-pages is 3); page 6 PAGE_LIMIT (docflow.ocr.max-pages is 3)");
    }

    @Test
    void theSummaryOfAnEngineThatReadNoPageDoesNotClaimItReadNothing() {
        OcrReport report = report("textract", PageText.leftOut(1, "textract", LeftOut.IMAGE_TOO_LARGE, "too big"));

        assertThat(report.noTextSummary())
                .isEqualTo("textract OCR ran on 0 of 1 page(s); left out: page 1 IMAGE_TOO_LARGE (too big)");
    }

    @Test
    void withOcrOffTheSummarySaysSoWithoutListingEveryPage() {
        OcrReport off = report("none", PageText.leftOut(1, null, LeftOut.OCR_DISABLED, "off"),
                PageText.leftOut(2, null, LeftOut.OCR_DISABLED, "off"));

        assertThat(off.noTextSummary()).isEqualTo("OCR is off (docflow.ocr.enabled=false): no engine ran on its 2 page(s)");
    }

    @Test
    void theSummaryNamesFiveLeftOutPagesAndCountsTheRest() {
        PageText[] pages = IntStream.rangeClosed(1, 8)
                .mapToObj(p -> PageText.leftOut(p, T, LeftOut.DOCUMENT_TIMEOUT, "late")).toArray(PageText[]::new);

        String summary = report(T, pages).noTextSummary();

        assertThat(summary).contains("page 5 DOCUMENT_TIMEOUT (late)").doesNotContain("page 6").endsWith("; and 3 more");
    }

    @Test
    void limitReachedPrefersTheMostTellingLimit() {
        assertThat(report(T, PageText.leftOut(1, T, LeftOut.DOCUMENT_TIMEOUT, "a"),
                PageText.leftOut(2, T, LeftOut.PAGE_TIMEOUT, "b"),
                PageText.leftOut(3, T, LeftOut.IMAGE_TOO_LARGE, "c")).limitReached()).isEqualTo(LeftOut.IMAGE_TOO_LARGE);
        assertThat(report(T, PageText.leftOut(1, T, LeftOut.DOCUMENT_TIMEOUT, "a"),
                PageText.leftOut(2, T, LeftOut.PAGE_TIMEOUT, "b")).limitReached()).isEqualTo(LeftOut.PAGE_TIMEOUT);
        assertThat(report(T, PageText.leftOut(1, T, LeftOut.DOCUMENT_TIMEOUT, "a")).limitReached())
                .isEqualTo(LeftOut.DOCUMENT_TIMEOUT);
    }

    @Test
    void otherReasonsAreNoLimit() {
        assertThat(MIXED.limitReached()).isNull();
        assertThat(report(T, PageText.leftOut(1, T, LeftOut.UNREADABLE_IMAGE, "webp"),
                PageText.leftOut(2, T, LeftOut.OCR_FAILED, "exit 1")).limitReached()).isNull();
    }

    @Test
    void rangesJoinRunsOfConsecutivePages() {
        assertThat(OcrReport.ranges(List.of(4))).isEqualTo("4");
        assertThat(OcrReport.ranges(List.of(1, 2))).isEqualTo("1-2");
        assertThat(OcrReport.ranges(List.of(1, 3, 5))).isEqualTo("1,3,5");
        // beyond the small-Integer cache, equal values are distinct objects
        assertThat(OcrReport.ranges(List.of(1000, 1001, 1002, 2000))).isEqualTo("1000-1002,2000");
    }

    @Test
    void theReportKeepsItsOwnCopiesOfTheLists() {
        List<PageText> pages = new ArrayList<>(List.of(ocr(1, 5, 90.0)));
        OcrReport report = new OcrReport(T, new ArrayList<>(List.of("eng")), pages, 1);

        pages.add(ocr(2, 5, 90.0));

        assertThat(report.pages()).hasSize(1);
    }
}
