package io.docflow.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's chromium, headless, taking a screenshot of a page as a person would see it. The test command installs
 * it (scripts/test-prerequisites.sh); a machine without it fails with what to install.
 */
final class HeadlessChromium {

    private static final List<String> BINARIES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

    private HeadlessChromium() {
    }

    static Path binary() {
        return BINARIES.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElseThrow(() -> new IllegalStateException(
                "No headless Chromium (looked for " + BINARIES + "): install Debian's chromium package "
                        + "(scripts/test-prerequisites.sh does when the README's test command runs)"));
    }

    /** Renders {@code page} at {@code width} x {@code height} CSS pixels into {@code png}. */
    static void screenshot(Path page, Path png, int width, int height) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Path profile = Files.createTempDirectory("chromium-profile");
            Process process = new ProcessBuilder(binary().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                    "--screenshot=" + png.toAbsolutePath(), page.toAbsolutePath().toUri().toString())
                    .redirectErrorStream(true).redirectOutput(png.resolveSibling(png.getFileName() + ".log").toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("chromium took over 120 s to screenshot " + page);
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(png)) {
                throw new IllegalStateException("chromium exited " + process.exitValue() + " without a screenshot; its output: "
                        + Files.readString(png.resolveSibling(png.getFileName() + ".log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
