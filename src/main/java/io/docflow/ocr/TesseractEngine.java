package io.docflow.ocr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.docflow.config.DocflowStartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OCR with the Tesseract command line, one process per page with a hard time limit: the process is killed when the
 * page runs over, so a pathological image can never hold a thread. Output is TSV, which carries each word's
 * confidence. Each process is held to one CPU thread (OMP_THREAD_LIMIT=1): parallelism comes from the OCR pool.
 * <p>
 * Checked at start-up: the command must run and every configured language must be installed, else docflow does not
 * start (a report names the setting). With {@code osd.traineddata} installed, pages are read with orientation and
 * script detection ({@code --psm 1}), so pages turned by 90° or 180° are read the right way up; Tesseract's layout
 * analysis deskews small angles in any mode.
 */
final class TesseractEngine implements OcrEngine {

    private static final Logger log = LoggerFactory.getLogger(TesseractEngine.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    private static final int ERROR_TAIL = 500;

    private final String command;
    private final String dataPath;
    private final String languages;
    private final int pageSegmentationMode;
    private final String version;

    TesseractEngine(OcrSettings settings) {
        this.command = settings.tesseract().command();
        this.dataPath = settings.tesseract().dataPath();
        this.languages = String.join("+", settings.effectiveLanguages());
        List<String> installed = installedLanguages();
        List<String> missing = settings.effectiveLanguages().stream().filter(l -> !installed.contains(l)).toList();
        if (!missing.isEmpty()) {
            throw new DocflowStartupException("docflow.ocr.languages", "Tesseract has no language data for " + missing
                    + " (installed: " + installed + ")", "Install the language packs (Debian: apt-get install "
                    + String.join(" ", missing.stream().map(l -> "tesseract-ocr-" + l.toLowerCase().replace('_', '-')).toList())
                    + ") or remove them from docflow.ocr.languages.", null);
        }
        boolean osd = installed.contains("osd");
        if (settings.detectOrientation() && !osd) {
            log.warn("docflow.ocr.detect-orientation is on but Tesseract has no osd.traineddata: pages turned by "
                    + "180 degrees will not be read (Debian: apt-get install tesseract-ocr-osd)");
        }
        this.pageSegmentationMode = settings.detectOrientation() && osd ? 1 : 3;
        this.version = run(List.of(command, "--version")).lines().findFirst().orElse("tesseract").strip();
        log.info("OCR engine: {} (languages {}, --psm {})", version, languages, pageSegmentationMode);
    }

    @Override
    public String name() {
        return "tesseract";
    }

    String version() {
        return version;
    }

    int pageSegmentationMode() {
        return pageSegmentationMode;
    }

    @Override
    public PageRead read(Path image, int dpi, Duration timeout) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(command, image.toString(), "stdout", "-l", languages,
                "--psm", Integer.toString(pageSegmentationMode)));
        if (dpi > 0) {
            arguments.addAll(List.of("--dpi", Integer.toString(dpi)));
        }
        arguments.add("tsv");
        Path output = Files.createTempFile(image.getParent(), "tesseract-", ".tsv");
        Path errors = Files.createTempFile(image.getParent(), "tesseract-", ".err");
        try {
            Process process = processBuilder(arguments)
                    .redirectOutput(output.toFile())
                    .redirectError(errors.toFile())
                    .start();
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new OcrPageException(LeftOut.PAGE_TIMEOUT, "tesseract took longer than docflow.ocr.page-timeout ("
                            + timeout + ")");
                }
            } finally {
                process.destroyForcibly();
            }
            if (process.exitValue() != 0) {
                throw new OcrPageException(LeftOut.OCR_FAILED, "tesseract exited with " + process.exitValue() + ": "
                        + tail(Files.readString(errors, StandardCharsets.UTF_8)));
            }
            return TesseractTsv.read(Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    private List<String> installedLanguages() {
        List<String> languages = new ArrayList<>();
        boolean listing = false;
        for (String line : run(List.of(command, "--list-langs")).lines().toList()) {
            if (line.startsWith("List of available languages")) {
                listing = true;
            } else if (listing && !line.isBlank()) {
                languages.add(line.strip());
            }
        }
        return languages;
    }

    /** Runs a short probe command; docflow does not start when Tesseract cannot be run. */
    private String run(List<String> arguments) {
        try {
            Process process = processBuilder(arguments).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", arguments) + " did not finish in " + PROBE_TIMEOUT);
            }
            String output = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", arguments) + " exited with " + process.exitValue() + ": " + tail(output));
            }
            return output;
        } catch (IOException e) {
            throw new DocflowStartupException("docflow.ocr.tesseract.command", "Tesseract cannot be run ('" + command
                    + "'): " + e.getMessage(), "Install Tesseract (Debian: apt-get install tesseract-ocr), point "
                    + "docflow.ocr.tesseract.command at it, or set docflow.ocr.enabled=false.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking Tesseract", e);
        }
    }

    private ProcessBuilder processBuilder(List<String> arguments) {
        ProcessBuilder builder = new ProcessBuilder(arguments);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        if (!dataPath.isBlank()) {
            builder.environment().put("TESSDATA_PREFIX", dataPath);
        }
        return builder;
    }

    private static String tail(String text) {
        String stripped = text.strip();
        return stripped.length() <= ERROR_TAIL ? stripped : "..." + stripped.substring(stripped.length() - ERROR_TAIL);
    }
}
