package io.docflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM the harness starts on its own class path (docflow, or the naive baseline client), so that heap and memory
 * are the child's alone: a GC log gives the heap before and after every collection, {@code /proc/<pid>/status} the
 * peak resident set (VmHWM).
 */
final class ChildJvm implements AutoCloseable {

    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private final String name;
    private final Process process;
    private final Path log;
    private final Path gcLog;
    private final long startedNanos;

    private ChildJvm(String name, Process process, Path log, Path gcLog, long startedNanos) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.gcLog = gcLog;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts {@code mainClass} with {@code jvmOptions} and {@code args}; output goes to {@code <dir>/<name>.log}.
     * The class path is passed in an argument file: it is longer than one command-line argument may be on some systems.
     */
    static ChildJvm start(String name, String mainClass, List<String> jvmOptions, List<String> args, Path dir) {
        try {
            // pseudo-options of the start-up scenario: another java (--java=<path>), the class path's folders
            // packed into jars (class data sharing archives only classes from jars), the image's layout
            String java = ProcessHandle.current().info().command().orElse("java");
            boolean jarsOnly = false;
            Path imageLayout = null;
            List<String> options = new ArrayList<>();
            for (String option : jvmOptions) {
                if (option.startsWith(JAVA)) {
                    java = option.substring(JAVA.length());
                } else if (option.equals(JARS_ONLY)) {
                    jarsOnly = true;
                } else if (option.startsWith(IMAGE_LAYOUT)) {
                    imageLayout = Path.of(option.substring(IMAGE_LAYOUT.length())).toAbsolutePath();
                } else {
                    options.add(option);
                }
            }
            jvmOptions = options;
            Files.createDirectories(dir);
            Path log = dir.resolve(name + ".log");
            // absolute: a JVM in the image's layout runs in another working directory
            Path gcLog = dir.resolve(name + "-gc.log").toAbsolutePath();
            Files.deleteIfExists(gcLog);
            List<String> classPathOption;
            if (imageLayout != null) {
                classPathOption = List.of("-cp", "app.jar");
            } else {
                String classPath = jarsOnly ? jarsOnly(System.getProperty("java.class.path"), dir.resolve("class-path-jars"))
                        : System.getProperty("java.class.path");
                Path classPathFile = dir.resolve(jarsOnly ? "classpath-jars.args" : "classpath.args");
                writeArgumentFile(classPathFile, "-cp \"" + classPath.replace("\\", "\\\\") + "\"\n");
                classPathOption = List.of("@" + classPathFile);
            }
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(jvmOptions);
            command.add("-Xlog:gc:file=" + gcLog);
            command.add("-Daws.accessKeyId=local");
            command.add("-Daws.secretAccessKey=local");
            command.add("-Dsqlite4java.library.path=" + System.getProperty("sqlite4java.library.path", ""));
            command.addAll(classPathOption);
            command.add(mainClass);
            command.addAll(args);
            long started = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            if (imageLayout != null) {
                builder.directory(imageLayout.toFile());
            }
            Process process = builder.start();
            return new ChildJvm(name, process, log, gcLog, started);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /**
     * Writes the argument file whole before it replaces the old one: JVMs started at the same time (the crash
     * scenario restarts one while others start) must never read it half written.
     */
    private static synchronized void writeArgumentFile(Path file, String content) throws IOException {
        if (Files.exists(file) && Files.readString(file).equals(content)) {
            return;
        }
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Pseudo-option: run this java instead of the harness's. */
    static final String JAVA = "--java=";
    /** Pseudo-option: the class path with each folder packed into a jar (CDS and the AOT cache take jars only). */
    static final String JARS_ONLY = "--class-path-as-jars";
    /**
     * Pseudo-option: {@code --image-layout=<dir>}, the container image's WORKDIR (app.jar, lib/, routes/): the JVM
     * runs there on class path {@code app.jar}, as the Dockerfile's ENTRYPOINT does.
     */
    static final String IMAGE_LAYOUT = "--image-layout=";

    /** Folders packed by this harness JVM (once each: the classes do not change during a run). */
    private static final java.util.Set<Path> PACKED = new java.util.HashSet<>();

    private static synchronized String jarsOnly(String classPath, Path jarDir) throws IOException {
        Files.createDirectories(jarDir);
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                if (!classPathNamesFolder(path)) {
                    entries.add(entry);
                }
                continue;
            }
            Path jar = jarDir.resolve((n++) + "-" + path.getFileName() + ".jar");
            if (PACKED.add(jar.toAbsolutePath())) {
                Path tmp = jarDir.resolve(jar.getFileName() + ".tmp");
                try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(tmp));
                     var files = Files.walk(path)) {
                    for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                        String entryName = path.relativize(file).toString().replace('\\', '/');
                        if (entryName.isEmpty()) {
                            continue;
                        }
                        if (Files.isDirectory(file)) {
                            out.putNextEntry(new java.util.jar.JarEntry(entryName + "/"));
                        } else {
                            out.putNextEntry(new java.util.jar.JarEntry(entryName));
                            Files.copy(file, out);
                        }
                        out.closeEntry();
                    }
                }
                Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            entries.add(jar.toAbsolutePath().toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /**
     * A jar whose manifest Class-Path names a folder (DynamoDB Local's names its own): CDS refuses the whole class
     * path then. Such jars are the harness's (local services), never docflow's, so they are left out.
     */
    private static boolean classPathNamesFolder(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (var file = new java.util.jar.JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null) {
                return false;
            }
            for (String name : classPath.trim().split("\\s+")) {
                if (!name.isEmpty() && Files.isDirectory(jar.getParent().resolve(name))) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long startedNanos() {
        return startedNanos;
    }

    Path log() {
        return log;
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines of the child's output, for error messages. */
    String logTail(int lines) {
        List<String> all = logText().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int exitValue() {
        return process.exitValue();
    }

    /** Peak resident set size in bytes (VmHWM), or -1 once the process is gone. */
    long peakRssBytes() {
        return procStatus("VmHWM:");
    }

    long rssBytes() {
        return procStatus("VmRSS:");
    }

    private long procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has ended, or no /proc (not Linux)
        }
        return -1;
    }

    /** CPU time (user + system) the process has used so far in ms, or -1 once it is gone. */
    long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state is field 3, utime field 14 and stime field 15 (1-based, clock ticks)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / 100;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Heap figures from the GC log: the most used before a collection, and the most still used after one. */
    HeapPeaks heapPeaks() {
        long before = 0;
        long after = 0;
        long committed = 0;
        int collections = 0;
        try {
            if (Files.exists(gcLog)) {
                for (String line : Files.readAllLines(gcLog)) {
                    Matcher m = GC_HEAP.matcher(line);
                    if (line.contains("Pause") && m.find()) {
                        collections++;
                        before = Math.max(before, bytes(m.group(1), m.group(2)));
                        after = Math.max(after, bytes(m.group(3), m.group(4)));
                        committed = Math.max(committed, bytes(m.group(5), m.group(6)));
                    }
                }
            }
        } catch (IOException e) {
            // no GC log yet
        }
        return new HeapPeaks(before, after, committed, collections);
    }

    record HeapPeaks(long usedBeforeGcBytes, long liveAfterGcBytes, long committedBytes, int collections) {
    }

    private static long bytes(String amount, String unit) {
        long n = Long.parseLong(amount);
        return switch (unit) {
            case "K" -> n * 1024;
            case "M" -> n * 1024 * 1024;
            default -> n * 1024 * 1024 * 1024;
        };
    }

    /** SIGKILL ({@link Process#destroyForcibly()} is {@code kill -9} on Linux), and waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") still alive 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing " + name, e);
        }
    }

    /** SIGTERM, then SIGKILL if the process has not ended after {@code grace}. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }
}
