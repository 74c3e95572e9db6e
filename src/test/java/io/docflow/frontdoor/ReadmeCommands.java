package io.docflow.frontdoor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The two commands the README gives under "The two commands", read from the README itself, so the tests run what
 * a newcomer copies: the first line of that section's code block runs docflow locally, the second runs the tests.
 */
record ReadmeCommands(String run, String test) {

    static final Path README = Path.of("README.md");
    private static final String SECTION = "## The two commands";

    static ReadmeCommands read() {
        return parse(readString(README));
    }

    static ReadmeCommands parse(String readme) {
        int section = readme.indexOf(SECTION);
        if (section < 0) {
            throw new IllegalStateException("README.md has no \"" + SECTION + "\" section");
        }
        int open = readme.indexOf("```bash\n", section);
        int close = open < 0 ? -1 : readme.indexOf("```", open + 8);
        if (open < 0 || close < 0) {
            throw new IllegalStateException("README.md's \"" + SECTION + "\" section has no ```bash block");
        }
        List<String> commands = readme.substring(open + 8, close).lines()
                .map(ReadmeCommands::withoutComment).filter(line -> !line.isEmpty()).toList();
        if (commands.size() != 2) {
            throw new IllegalStateException("README.md's \"" + SECTION + "\" block holds " + commands.size()
                    + " commands, not two: " + commands);
        }
        return new ReadmeCommands(commands.get(0), commands.get(1));
    }

    /**
     * The README's HTTP examples, as written: the line that reads local mode's token into {@code TOKEN}, the upload
     * ({@code curl ... -F file=@invoice.pdf .../api/v1/documents}) and the read of a result ({@code <jobId>} to fill in).
     */
    record HttpExamples(String token, String upload, String result) {
    }

    static HttpExamples httpExamples() {
        return httpExamples(readString(README));
    }

    static HttpExamples httpExamples(String readme) {
        List<String> lines = readme.lines().map(String::strip).toList();
        return new HttpExamples(
                only(lines, "the token line (TOKEN=$(...))", line -> line.startsWith("TOKEN=$(")),
                only(lines, "the upload (curl ... -F file=@... /api/v1/documents)",
                        line -> line.startsWith("curl ") && line.contains("-F file=@") && line.contains("/api/v1/documents")),
                only(lines, "the result (curl ... /api/v1/jobs/<jobId>/result)",
                        line -> line.startsWith("curl ") && line.contains("/api/v1/jobs/<jobId>/result")));
    }

    private static String only(List<String> lines, String what, java.util.function.Predicate<String> wanted) {
        List<String> found = lines.stream().filter(wanted).map(ReadmeCommands::withoutComment).distinct().toList();
        if (found.size() != 1) {
            throw new IllegalStateException("README.md should give " + what + " once, found: " + found);
        }
        return found.get(0);
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf(" #");
        return (hash < 0 ? line : line.substring(0, hash)).strip();
    }

    static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
