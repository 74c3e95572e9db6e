package io.docflow.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading Tesseract's TSV and orientation output. */
class TesseractOutputTest {

    private static final String TSV = String.join("\n",
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
            "1\t1\t0\t0\t0\t0\t0\t0\t850\t1100\t-1\t",
            "2\t1\t1\t0\t0\t0\t100\t83\t286\t332\t-1\t",
            "4\t1\t1\t1\t1\t0\t100\t83\t202\t22\t-1\t",
            "5\t1\t1\t1\t1\t1\t100\t84\t61\t16\t90.0\tACME",
            "5\t1\t1\t1\t1\t2\t171\t83\t90\t22\t80.0\tLtd",
            "5\t1\t1\t1\t2\t1\t100\t110\t61\t16\t60.0\tINVOICE",
            "5\t1\t1\t1\t2\t2\t100\t110\t61\t16\t95.0\t ",
            "5\t1\t2\t1\t1\t1\t100\t300\t61\t16\t100.0\tTotal:",
            "");

    @Test
    void wordsBecomeLinesAndParagraphsWithALengthWeightedConfidence() {
        PageRead read = TesseractTsv.read(TSV);

        assertThat(read.text()).isEqualTo("ACME Ltd\nINVOICE\n\nTotal:\n");
        // (4*90 + 3*80 + 7*60 + 6*100) / 20
        assertThat(read.confidence()).isEqualTo(81.0);
        assertThat(read.readable()).isTrue();
    }

    @Test
    void noWordsIsNoTextAndNoConfidence() {
        PageRead read = TesseractTsv.read(TSV.lines().limit(4).reduce("", (a, b) -> a + b + "\n"));

        assertThat(read.text()).isEmpty();
        assertThat(read.confidence()).isNull();
        assertThat(new PageRead("~ .. |", 20.0).readable()).isFalse();
    }

    @Test
    void orientationIsTakenOnlyWhenTesseractIsConfident() {
        String upsideDown = "Page number: 0\nOrientation in degrees: 180\nRotate: 180\nOrientation confidence: 4.22\n"
                + "Script: Latin\nScript confidence: 5.93\n";

        assertThat(Orientation.rotation(upsideDown)).isEqualTo(180);
        assertThat(Orientation.rotation(upsideDown.replace("4.22", "0.40"))).isZero();
        assertThat(Orientation.rotation("Too few characters. Skipping this page\n")).isZero();
    }

    @Test
    void pageRangesAreCompact() {
        assertThat(OcrReport.ranges(java.util.List.of(1, 2, 3, 5, 7, 8))).isEqualTo("1-3,5,7-8");
        assertThat(OcrReport.ranges(java.util.List.of())).isEmpty();
    }
}
