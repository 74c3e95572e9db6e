package io.docflow.evaluation.set;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.docflow.evaluation.GroundTruthReader;

/** Writes a document's ground truth beside it: {@code <file name>.truth.json}, {@code {"truthVersion":1,...}}. */
final class Truths {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter WRITER = JSON.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private Truths() {
    }

    static Path fileFor(Path document) {
        return document.resolveSibling(document.getFileName() + GroundTruthReader.SUFFIX);
    }

    static byte[] json(DocumentSpec spec) {
        ObjectNode truth = JSON.createObjectNode();
        truth.put("truthVersion", GroundTruthReader.TRUTH_VERSION);
        truth.put("class", spec.documentClass());
        truth.set("fields", spec.fields());
        try {
            return (WRITER.writeValueAsString(truth) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path document, DocumentSpec spec) {
        try {
            return Files.write(fileFor(document), json(spec));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
