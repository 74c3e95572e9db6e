package io.docflow.evaluation.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.docflow.evaluation.GroundTruth;
import io.docflow.evaluation.GroundTruthException;
import io.docflow.evaluation.GroundTruthReader;
import io.docflow.evaluation.set.EvaluationSet;

/**
 * Reads a set: a folder whose documents each have a {@code .truth.json} beside them (documents without one are
 * an error, not silently skipped), or a manifest file listing documents and their truth.
 */
final class EvaluationSets {

    private EvaluationSets() {
    }

    static List<GroundTruth> read(GroundTruthReader reader, Path set) {
        if (Files.isRegularFile(set)) {
            return reader.readManifest(set);
        }
        if (!Files.isDirectory(set)) {
            throw new IllegalArgumentException("--set " + set + " is neither a folder of documents nor a manifest file");
        }
        List<GroundTruth> truths = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(set)) {
            for (Path document : files.filter(Files::isRegularFile).filter(EvaluationSets::isDocument).sorted().toList()) {
                try {
                    truths.add(reader.readFor(document));
                } catch (GroundTruthException e) {
                    problems.addAll(e.problems());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new GroundTruthException(problems);
        }
        if (truths.isEmpty()) {
            throw new IllegalArgumentException("No documents in " + set);
        }
        return truths;
    }

    private static boolean isDocument(Path file) {
        String name = file.getFileName().toString();
        // the shipped set's generator leaves a list of what it wrote beside the documents
        return !name.endsWith(GroundTruthReader.SUFFIX) && !name.startsWith(".") && !name.equals(EvaluationSet.MARKER);
    }
}
