package io.docflow.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore} file read with Docker's rules (moby/patternmatcher): lines starting with {@code #} are
 * comments; each pattern is trimmed and cleaned (no leading or trailing {@code /}, no {@code .} or doubled slashes);
 * {@code !} re-includes; the last pattern that matches a path decides, and a pattern that matches one of the path's
 * parent directories matches the path too; {@code *} and {@code ?} stay within one path segment, {@code **} spans
 * any number of them.
 */
final class DockerIgnore {

    private record Rule(String pattern, Pattern regex, boolean reinclude) {
    }

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    static DockerIgnore read(Path file) {
        return Files.exists(file) ? parse(Manifests.read(file)) : parse("");
    }

    static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String line : text.replace("\uFEFF", "").split("\\R")) {
            if (line.startsWith("#")) {
                continue;
            }
            String pattern = line.strip();
            boolean reinclude = pattern.startsWith("!");
            if (reinclude) {
                pattern = pattern.substring(1).strip();
            }
            if (pattern.isEmpty()) {
                continue;
            }
            pattern = clean(pattern);
            rules.add(new Rule(pattern, Pattern.compile(regex(pattern)), reinclude));
        }
        return new DockerIgnore(rules);
    }

    /** Whether {@code path} (relative to the context, {@code /}-separated) stays out of the build context. */
    boolean excludes(String path) {
        String file = clean(path);
        List<String> parents = parents(file);
        boolean excluded = false;
        for (Rule rule : rules) {
            // as Docker: an exclusion cannot exclude what is excluded already, nor a re-inclusion re-include what is in
            if (rule.reinclude() != excluded) {
                continue;
            }
            if (rule.regex().matcher(file).matches() || parents.stream().anyMatch(p -> rule.regex().matcher(p).matches())) {
                excluded = !rule.reinclude();
            }
        }
        return excluded;
    }

    /**
     * Whether Docker still walks into the excluded directory {@code dir} because a {@code !} pattern starts with it
     * (Docker's own shortcut: a re-inclusion like {@code !**}{@code /x} does not reach into excluded directories).
     */
    boolean mayReincludeUnder(String dir) {
        String prefix = clean(dir) + "/";
        return rules.stream().anyMatch(r -> r.reinclude() && (r.pattern() + "/").startsWith(prefix));
    }

    /** {@code a}, {@code a/b} for {@code a/b/c}. */
    private static List<String> parents(String file) {
        List<String> parents = new ArrayList<>();
        int slash = file.indexOf('/');
        while (slash > 0) {
            parents.add(file.substring(0, slash));
            slash = file.indexOf('/', slash + 1);
        }
        return parents;
    }

    /** Go's filepath.Clean, then without the leading {@code /}. */
    private static String clean(String pattern) {
        String cleaned = Path.of(pattern).normalize().toString();
        if (cleaned.length() > 1 && cleaned.startsWith("/")) {
            cleaned = cleaned.substring(1);
        }
        return cleaned.isEmpty() ? "." : cleaned;
    }

    private static String regex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                i++;
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
                    i++;
                }
                // "**" at the end matches everything below; elsewhere any number of whole segments, even none
                regex.append(i + 1 == pattern.length() ? ".*" : "(.*/)?");
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '[' || c == ']') {
                regex.append(c);
            } else if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
