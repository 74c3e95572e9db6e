package io.docflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The files {@code docker build} sends from a directory: those its {@code .dockerignore} lets in. Excluded
 * directories are skipped unless a {@code !} pattern starts with them, as Docker does.
 */
record BuildContext(Path directory, List<String> files) {

    static BuildContext of(Path directory) {
        return of(directory, DockerIgnore.read(directory.resolve(".dockerignore")));
    }

    static BuildContext of(Path directory, DockerIgnore ignore) {
        List<String> files = new ArrayList<>();
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String path = relative(directory, dir);
                    boolean skip = !path.isEmpty() && ignore.excludes(path) && !ignore.mayReincludeUnder(path);
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String path = relative(directory, file);
                    if (!ignore.excludes(path)) {
                        files.add(path);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildContext(directory, files.stream().sorted().toList());
    }

    /** Copies the context's files, with their permissions (./mvnw stays executable), into {@code target}. */
    void copyTo(Path target) throws IOException {
        for (String file : files) {
            Path copy = target.resolve(file);
            Files.createDirectories(copy.getParent());
            Files.copy(directory.resolve(file), copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
