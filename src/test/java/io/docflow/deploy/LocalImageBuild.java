package io.docflow.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.docflow.deploy.Dockerfile.Copy;
import io.docflow.deploy.Dockerfile.Instruction;
import io.docflow.deploy.Dockerfile.Stage;

/**
 * A Dockerfile's stages run on this machine without Docker: each stage gets a folder standing for its root
 * filesystem, in which WORKDIR, COPY (from the build context or {@code --from} an earlier stage) and RUN (through
 * {@code sh -c}, in the WORKDIR, with the stage's ENV over the given environment) do what they do in an image.
 * The base images are not here: RUN lines use this machine's tools, and the ones {@code skipped} names (installing
 * system packages, adding users) are not run at all but listed in {@link #skippedRuns()}. RUN lines must therefore
 * name the stage's files by paths relative to WORKDIR.
 */
final class LocalImageBuild {

    /** A built stage: its folder, its WORKDIR within that folder, its ENV and the JDK standing for its base image's Java. */
    record BuiltStage(Stage stage, Path root, Path workdir, Map<String, String> env, Path javaHome) {

        /** The java command of the stage's image. */
        Path java() {
            return javaHome.resolve("bin").resolve("java");
        }
    }

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);

    private final Dockerfile dockerfile;
    private final Path context;
    private final Path roots;
    private final Map<String, String> environment;
    private final Predicate<String> skipped;
    private final IntFunction<Path> jdks;
    private final Map<String, BuiltStage> built = new HashMap<>();
    private final List<String> skippedRuns = new ArrayList<>();

    /**
     * @param context     the build context (as {@link BuildContext} assembles it)
     * @param roots       an empty folder for the stages' folders
     * @param environment what RUN lines see besides the stage's ENV and its JDK (stands for the base image's)
     * @param skipped     the RUN lines that cannot run here
     * @param jdks        a JDK's home for a Java version ({@link ImageJdk#home})
     */
    LocalImageBuild(Dockerfile dockerfile, Path context, Path roots, Map<String, String> environment,
            Predicate<String> skipped, IntFunction<Path> jdks) {
        this.dockerfile = dockerfile;
        this.context = context;
        this.roots = roots;
        this.environment = Map.copyOf(environment);
        this.skipped = skipped;
        this.jdks = jdks;
    }

    /** Builds every stage in order (as {@code docker build} without {@code --target}) and returns the last. */
    BuiltStage build() throws IOException, InterruptedException {
        // every stage's JDK first: a missing one fails in a second, not after the build stage's minutes
        List<Path> javaHomes = dockerfile.stages().stream()
                .map(stage -> jdks.apply(Dockerfile.javaVersion(dockerfile.baseImage(stage)))).toList();
        BuiltStage last = null;
        for (Stage stage : dockerfile.stages()) {
            last = build(stage, javaHomes.get(stage.index()));
        }
        return last;
    }

    List<String> skippedRuns() {
        return List.copyOf(skippedRuns);
    }

    BuiltStage built(String stageName) {
        BuiltStage stage = built.get(stageName);
        if (stage == null) {
            throw new IllegalStateException("stage " + stageName + " is not built");
        }
        return stage;
    }

    private BuiltStage build(Stage stage, Path javaHome) throws IOException, InterruptedException {
        Path root = Files.createDirectories(roots.resolve(stage.name().orElse("stage-" + stage.index())));
        String workdir = "/";
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> image = new LinkedHashMap<>(environment);
        image.put("JAVA_HOME", javaHome.toString());
        image.put("PATH", javaHome.resolve("bin") + File.pathSeparator + environment.getOrDefault("PATH", ""));
        int runs = 0;
        for (Instruction instruction : stage.instructions()) {
            switch (instruction.keyword()) {
                case "WORKDIR" -> {
                    workdir = Dockerfile.inImage(workdir, instruction.arguments());
                    Files.createDirectories(inside(root, workdir));
                }
                case "COPY" -> copy(Dockerfile.copy(instruction.arguments()), root, workdir);
                case "ENV" -> env.putAll(Dockerfile.env(instruction.arguments()));
                case "RUN" -> {
                    runs++;
                    if (skipped.test(instruction.arguments())) {
                        skippedRuns.add(instruction.arguments());
                    } else {
                        run(instruction.arguments(), root, workdir, image, env,
                                roots.resolve(root.getFileName() + "-run-" + runs + ".log"));
                    }
                }
                // image metadata, nothing to build: the caller reads them from the Dockerfile
                case "ARG", "USER", "EXPOSE", "ENTRYPOINT", "CMD", "LABEL" -> { }
                default -> throw new IllegalArgumentException("cannot build " + instruction.keyword() + " without Docker");
            }
        }
        BuiltStage result = new BuiltStage(stage, root, inside(root, workdir), Map.copyOf(env), javaHome);
        stage.name().ifPresent(name -> built.put(name, result));
        return result;
    }

    private void copy(Copy copy, Path root, String workdir) throws IOException {
        Path sourceRoot = copy.from().map(from -> built(from).root()).orElse(context);
        String destination = copy.destination();
        boolean intoDirectory = destination.endsWith("/") || destination.equals(".");
        if (copy.sources().size() > 1 && !intoDirectory) {
            throw new IllegalArgumentException("COPY of several sources needs a destination ending with /: " + copy);
        }
        Path target = inside(root, Dockerfile.inImage(workdir, destination));
        for (String source : copy.sources()) {
            if (source.matches(".*[*?\\[].*")) {
                throw new IllegalArgumentException("COPY with wildcards is not supported here: " + source);
            }
            Path from = inside(sourceRoot, source);
            if (!Files.exists(from)) {
                // Docker's message for a source the context (or the stage) lacks
                throw new AssertionError("COPY failed: \"" + source + "\": not found in "
                        + copy.from().map(f -> "stage " + f).orElse("the build context (.dockerignore)"));
            }
            if (Files.isDirectory(from)) {
                copyTree(from, target);
            } else {
                Path file = intoDirectory ? target.resolve(from.getFileName().toString()) : target;
                Files.createDirectories(file.getParent());
                Files.copy(from, file, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private void run(String command, Path root, String workdir, Map<String, String> image, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        if (!workdir.equals("/") && command.matches("(?s).*(^|[\\s=:])" + Pattern.quote(workdir) + "(/|\\s|$).*")) {
            throw new IllegalArgumentException("RUN names WORKDIR " + workdir + " by its absolute path, which is not "
                    + "the stage's folder here; use a relative path: " + command);
        }
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command).directory(inside(root, workdir).toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(image);
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(RUN_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("RUN " + command + " took more than " + RUN_TIMEOUT + ":\n" + Manifests.read(log));
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("RUN " + command + " exited with " + process.exitValue() + ":\n" + Manifests.read(log));
        }
    }

    /** {@code path} of an image's filesystem, in the folder standing for that filesystem's root. */
    private static Path inside(Path root, String path) {
        Path resolved = root.resolve(path.replaceFirst("^/+", "")).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException(path + " leaves the stage's folder");
        }
        return resolved;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
