package io.docflow.evaluation;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one document should give: its class and its fields, in the result's {@code fields} shape (docs/evaluation.md,
 * "Ground truth"). {@code source} says where the truth was read ({@code a.pdf.truth.json}, or
 * {@code truth.json#/documents/3}) for messages.
 */
public record GroundTruth(Path document, String documentClass, ObjectNode fields, String source) {
}
