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
 * start (a report names the setting). With {@code osd.traineddata} installed and {@code detect-orientation} on, each
 * page first goes through orientation detection ({@code --psm 0}), run by the renderer where the page is decoded
 * ({@link #orientationPass()}); a page turned by 90°, 180° or 270° is turned back there before it is read. (Tesseract's own {@code --psm 1} declines to turn a page whenever its script guess is
 * uncertain, which leaves clear upside-down pages unread, hence the separate pass.) Text is read with automatic page
 * segmentation ({@code --psm 3}), whose layout analysis copes with a few degrees of skew.
 */
final class TesseractEngine implements OcrEngine {

    private static final Logger log = LoggerFactory.getLogger(TesseractEngine.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    private static final int ERROR_TAIL = 500;

    private final String command;
    private final String dataPath;
    private final String languages;
    private final OcrSettings settings;
    /**
     * The start-up check (command, languages, orientation data, version). With {@code docflow.startup.background-init}
     * it runs on a thread of its own while the application starts; {@link #awaitCheck()} (at ApplicationReadyEvent,
     * before readiness) and every page wait for it, so a missing language still fails the start and no page is read
     * before the check has passed.
     */
    private final java.util.concurrent.CompletableFuture<Check> check;

    private record Check(boolean detectOrientation, String version) {
    }

    TesseractEngine(OcrSettings settings) {
        this(settings, false);
    }

    TesseractEngine(OcrSettings settings, boolean background) {
        this.settings = settings;
        this.command = settings.tesseract().command();
        this.dataPath = settings.tesseract().dataPath();
        this.languages = String.join("+", settings.effectiveLanguages());
        if (background) {
            this.check = new java.util.concurrent.CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    check.complete(check());
                } catch (Throwable e) {
                    check.completeExceptionally(e);
                }
            }, "docflow-tesseract-check");
            thread.setDaemon(true);
            thread.start();
        } else {
            this.check = java.util.concurrent.CompletableFuture.completedFuture(check());
        }
    }

    private Check check() {
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
        boolean detectOrientation = settings.detectOrientation() && osd;
        String version = run(List.of(command, "--version")).lines().findFirst().orElse("tesseract").strip();
        log.info("OCR engine: {} (languages {}, orientation detection {})", version, languages,
                detectOrientation ? "on" : "off");
        return new Check(detectOrientation, version);
    }

    /** Waits for the start-up check; throws what it threw (a DocflowStartupException names the setting). */
    void awaitCheck() {
        checked();
    }

    private Check checked() {
        try {
            return check.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    @Override
    public String name() {
        return "tesseract";
    }

    String version() {
        return checked().version();
    }

    boolean detectsOrientation() {
        return checked().detectOrientation();
    }

    /** The orientation pass the renderer runs on each page before it is read; null when detection is off. */
    @Override
    public PageRenderer.OrientationPass orientationPass() {
        return checked().detectOrientation() ? new PageRenderer.OrientationPass(command, dataPath) : null;
    }

    @Override
    public PageRead read(Path image, int dpi, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        checked();
        List<String> ocr = new ArrayList<>(List.of(command, image.toString(), "stdout", "-l", languages, "--psm", "3"));
        if (dpi > 0) {
            ocr.addAll(List.of("--dpi", Integer.toString(dpi)));
        }
        ocr.add("tsv");
        return TesseractTsv.read(run(ocr, image.getParent(), deadline, timeout));
    }

    /** One tesseract process, its output spooled to a file, killed when the page's deadline passes. */
    private String run(List<String> arguments, Path directory, long deadline, Duration timeout)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(directory, "tesseract-", ".out");
        Path errors = Files.createTempFile(directory, "tesseract-", ".err");
        try {
            Process process = processBuilder(arguments)
                    .redirectOutput(output.toFile())
                    .redirectError(errors.toFile())
                    .start();
            try {
                if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
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
            return Files.readString(output, StandardCharsets.UTF_8);
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
