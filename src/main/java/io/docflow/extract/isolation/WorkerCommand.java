package io.docflow.extract.isolation;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

import io.docflow.extract.ExtractionSettings;

/**
 * The command line of a parser worker: the JVM docflow runs on, docflow's own class path, the worker's heap and
 * {@code -XX:+ExitOnOutOfMemoryError}, then the limits as arguments. Started from Spring Boot's executable jar, the
 * worker's main class is launched through Boot's PropertiesLauncher, which reads the jar's nested libraries.
 */
final class WorkerCommand {

    static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private WorkerCommand() {
    }

    static List<String> of(ExtractionSettings settings) {
        return of(settings, javaExecutable(), System.getProperty("java.class.path"), System.getProperty("java.io.tmpdir"));
    }

    static List<String> of(ExtractionSettings settings, String java, String classPath, String tmpDir) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add("-Xmx" + settings.isolation().heap().toMegabytes() + "m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        // one parse at a time: a small collector with no threads of its own is enough
        command.add("-XX:+UseSerialGC");
        command.add("-Djava.io.tmpdir=" + tmpDir);
        command.addAll(settings.isolation().jvmOptions());
        if (isExecutableBootJar(classPath)) {
            command.add("-Dloader.main=" + ParserWorkerMain.class.getName());
            command.add("-cp");
            command.add(classPath);
            command.add(BOOT_LAUNCHER);
        } else {
            command.add("-cp");
            command.add(classPath);
            command.add(ParserWorkerMain.class.getName());
        }
        command.add(Long.toString(settings.maxDocumentBytes().toBytes()));
        command.add(Integer.toString(settings.maxCharacters()));
        command.add(Integer.toString(settings.maxEmbeddedDocuments()));
        command.add(Integer.toString(settings.maxExpansionRatio()));
        command.add(Integer.toString(settings.maxPages()));
        return command;
    }

    /** A class path of one jar with BOOT-INF/: {@code java -jar docflow.jar}. */
    static boolean isExecutableBootJar(String classPath) {
        if (classPath == null || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getEntry("BOOT-INF/") != null || jar.getEntry("BOOT-INF/classes/") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
