package io.docflow.ocr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs Tesseract's orientation and script detection ({@code --psm 0}) on a page image, where the page is rendered
 * (a parser worker), so the image can be turned there. A failure gives no answer: the page is then read as it is.
 */
final class OrientationDetection {

    /** The pass takes well under a second; the worker itself is killed at docflow.ocr.page-timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private OrientationDetection() {
    }

    /** Tesseract's report ({@code Rotate: 180}, {@code Script: Latin}...), or "" when the pass failed. */
    static String run(PageRenderer.OrientationPass pass, Path png) {
        ProcessBuilder builder = new ProcessBuilder(pass.command(), png.toString(), "stdout", "--psm", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        if (pass.dataPath() != null && !pass.dataPath().isBlank()) {
            builder.environment().put("TESSDATA_PREFIX", pass.dataPath());
        }
        Process process = null;
        Path report = null;
        try {
            // to a file, not a pipe: reading a pipe would block until the process ends, past the time limit
            report = Files.createTempFile(png.getParent(), "osd-", ".txt");
            process = builder.redirectOutput(report.toFile()).start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                return "";
            }
            return Files.readString(report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            if (report != null) {
                try {
                    Files.deleteIfExists(report);
                } catch (IOException ignored) {
                    // a leftover report in the page's scratch folder goes with the folder
                }
            }
        }
    }
}
