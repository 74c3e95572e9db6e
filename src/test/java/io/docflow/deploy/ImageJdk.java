package io.docflow.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDK on this machine that stands for a base image's Java when {@link LocalImageBuild} builds a Dockerfile
 * without Docker: one of the same feature version, so the RUN lines and the entry point run on the Java the image
 * has (an AOT cache written by one JDK fits that JDK only). Looked for, in order: the system property
 * {@value #PROPERTY} (a JDK's home; if set, it must be of that version), the environment variables
 * {@code JAVA_<n>_HOME} and {@code JAVA_HOME_<n>_X64} (GitHub's setup-java), the JVM running the build, and the
 * JDKs installed under {@link #INSTALL_ROOTS}. None found is an error naming what was looked at, never a skip.
 */
final class ImageJdk {

    static final String PROPERTY = "docflow.image.jdk";
    static final List<Path> INSTALL_ROOTS = List.of(Path.of("/usr/lib/jvm"), Path.of("/opt/java"),
            Path.of(System.getProperty("user.home"), ".sdkman", "candidates", "java"));
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(?:1\\.)?(\\d+)");

    private ImageJdk() {
    }

    /** The home of a JDK of Java {@code version} on this machine, or an AssertionError saying how to provide one. */
    static Path home(int version) {
        return find(version, Optional.ofNullable(System.getProperty(PROPERTY)).filter(p -> !p.isBlank()), System.getenv(),
                Path.of(System.getProperty("java.home")), INSTALL_ROOTS);
    }

    static Path find(int version, Optional<String> property, Map<String, String> env, Path running, List<Path> roots) {
        List<String> looked = new ArrayList<>();
        if (property.isPresent()) {
            Path home = Path.of(property.get());
            if (version(home) == version) {
                return home;
            }
            throw new AssertionError("-D" + PROPERTY + "=" + home + " is " + describe(home) + ", but the Dockerfile's "
                    + "base image needs Java " + version + ": point it at a JDK " + version + "'s home");
        }
        looked.add("-D" + PROPERTY + " (not set)");
        for (String variable : List.of("JAVA_" + version + "_HOME", "JAVA_HOME_" + version + "_X64")) {
            String value = env.get(variable);
            if (value != null && !value.isBlank() && version(Path.of(value)) == version) {
                return Path.of(value);
            }
            looked.add(variable + (value == null ? " (not set)" : "=" + value + " (" + describe(Path.of(value)) + ")"));
        }
        if (version(running) == version) {
            return running;
        }
        looked.add("the JVM running this build (" + running + ", " + describe(running) + ")");
        for (Path root : roots) {
            List<Path> homes = installed(root);
            for (Path home : homes) {
                if (version(home) == version) {
                    return home;
                }
            }
            looked.add(root + (homes.isEmpty() ? " (no JDKs)" : " (" + String.join(", ",
                    homes.stream().map(h -> h.getFileName() + ": " + describe(h)).toList()) + ")"));
        }
        throw new AssertionError("The Dockerfile's base image runs Java " + version + ", and no JDK " + version
                + " was found on this machine to build and start the image with. Looked at: " + String.join("; ", looked)
                + ". Install one (Temurin " + version + ": https://adoptium.net/installation/linux/, e.g. apt-get install "
                + "temurin-" + version + "-jdk) or name its home with -D" + PROPERTY + "=<home> or JAVA_" + version + "_HOME.");
    }

    /** A JDK home's feature version from its {@code release} file, or -1 if it is no JDK (java and javac). */
    static int version(Path home) {
        try {
            if (!Files.isExecutable(home.resolve("bin").resolve("java")) || !Files.isExecutable(home.resolve("bin").resolve("javac"))
                    || !Files.isRegularFile(home.resolve("release"))) {
                return -1;
            }
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String describe(Path home) {
        int version = version(home);
        return version < 0 ? "no JDK there" : "Java " + version;
    }

    private static List<Path> installed(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> homes = Files.list(root)) {
            return homes.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
