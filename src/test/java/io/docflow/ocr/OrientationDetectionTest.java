package io.docflow.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real tesseract ({@code --psm 0}, eng and osd installed) on generated pages, and stand-in commands. */
class OrientationDetectionTest {

    private static final PageRenderer.OrientationPass TESSERACT = new PageRenderer.OrientationPass("tesseract", null);

    @TempDir Path dir;

    private Path png(int quarterTurns) throws IOException {
        byte[] png = Scans.encode(Scans.turned(Scans.page(Scans.invoice("INV-1", "1,100.00"), 150), quarterTurns), "png");
        return Files.write(dir.resolve("page-" + quarterTurns + ".png"), png);
    }

    @Test
    void anUprightPageNeedsNoTurn() throws IOException {
        String report = OrientationDetection.run(TESSERACT, png(0));

        assertThat(report).contains("Rotate: 0").contains("Script: Latin");
    }

    @Test
    void anUpsideDownPageIsReportedAsNeedingHalfATurn() throws IOException {
        assertThat(OrientationDetection.run(TESSERACT, png(2))).contains("Rotate: 180");
    }

    @Test
    void theReportIsWhatTheCommandWritesForThePageAndNoReportFileIsLeftBehind() throws IOException {
        Path png = png(0);

        String report = OrientationDetection.run(new PageRenderer.OrientationPass("echo", null), png);

        assertThat(report).isEqualTo(png + " stdout --psm 0\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(png);
        }
    }

    @Test
    void aFileThatIsNotAnImageGivesNoAnswer() throws IOException {
        Path notImage = Files.writeString(dir.resolve("page.png"), "not an image");

        assertThat(OrientationDetection.run(TESSERACT, notImage)).isEmpty();
    }

    @Test
    void aCommandThatDoesNotExistOrFailsGivesNoAnswer() throws IOException {
        Path png = png(0);

        assertThat(OrientationDetection.run(new PageRenderer.OrientationPass("no-such-tesseract", null), png)).isEmpty();
        assertThat(OrientationDetection.run(new PageRenderer.OrientationPass("false", null), png)).isEmpty();
    }

    @Test
    void theDataPathGivenIsTheOneTesseractUses() throws IOException {
        PageRenderer.OrientationPass noData = new PageRenderer.OrientationPass("tesseract", dir.resolve("no-tessdata").toString());

        assertThat(OrientationDetection.run(noData, png(0))).isEmpty();
    }
}
