package io.docflow.evaluation;

import static io.docflow.evaluation.ScoredDocuments.result;
import static io.docflow.evaluation.ScoredDocuments.score;
import static io.docflow.evaluation.ScoredDocuments.truth;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/**
 * The HTML report as a browser shows it: headless Chromium renders it and the screenshot (kept under
 * target/evaluation-screenshots/) is read back: the charts' bars and points are there in each configuration's
 * colour, in the part of the page below the tables where the charts are drawn.
 */
class ReportScreenshotTest {

    private static final Path OUT = Path.of("target/evaluation-screenshots");

    private static ConfigurationScores configuration(String label, int rightTotals) {
        List<DocumentEvaluation> documents = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            GroundTruth t = truth("inv-" + i + ".pdf", "invoice", "{\"invoiceNumber\":\"INV-" + i + "\",\"total\":" + (100 + i)
                    + ",\"lineItems\":[{\"description\":\"Paper\",\"amount\":" + (100 + i) + "}]}");
            String total = i < rightTotals ? Integer.toString(100 + i) : "1";
            documents.add(score(t, result(i < rightTotals ? "COMPLETED" : "NEEDS_REVIEW", "invoice",
                    "{\"invoiceNumber\":\"INV-" + i + "\",\"total\":" + total + ",\"lineItems\":[{\"description\":\"Paper\",\"amount\":" + (100 + i) + "}]}",
                    "[{\"field\":\"/total\",\"confidence\":" + (i < rightTotals ? 0.92 : 0.41) + ",\"grounded\":" + (i < rightTotals) + "}]",
                    200 + i * 10, 900, 120, "0.0004")));
        }
        return new ConfigurationScores(label, documents);
    }

    @Test
    void theBrowserShowsTheChartsOfEveryConfiguration() throws IOException {
        EvaluationReport report = new EvaluationReport("screenshot-set", Path.of("set"), Instant.parse("2026-12-03T16:00:00Z"),
                60_000, List.of(configuration("A", 10), configuration("B", 7)), ReleaseGates.NONE);
        Files.createDirectories(OUT);
        Path html = OUT.resolve("report.html");
        Files.writeString(html, new ReportHtml().of(report), StandardCharsets.UTF_8);
        Path png = OUT.resolve("report.png");

        HeadlessChromium.screenshot(html, png, 1200, 3600);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        int chartsStart = firstRowWith(image, SvgCharts.COLOURS.get(0), 40, 400);
        assertThat(chartsStart).as("the F1 bars, below the summary, comparison and confusion tables").isGreaterThan(400);
        for (int series = 0; series < 2; series++) {
            int pixels = pixelsOf(image, SvgCharts.COLOURS.get(series), chartsStart);
            // bars 10 px high and up to 420 px long, calibration points and the cost point: far more than any swatch
            assertThat(pixels).as("pixels in %s's colour %s", series == 0 ? "A" : "B", SvgCharts.COLOURS.get(series))
                    .isGreaterThan(5_000);
        }
    }

    /** The first row at or below {@code fromY} with {@code minRun} pixels of {@code colour} side by side: a bar. */
    private static int firstRowWith(BufferedImage image, String colour, int minRun, int fromY) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        for (int y = fromY; y < image.getHeight(); y++) {
            int run = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                run = (image.getRGB(x, y) & 0xFFFFFF) == rgb ? run + 1 : 0;
                if (run >= minRun) {
                    return y;
                }
            }
        }
        return -1;
    }

    private static int pixelsOf(BufferedImage image, String colour, int fromY) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        int count = 0;
        for (int y = Math.max(0, fromY); y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
