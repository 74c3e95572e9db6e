package io.docflow.model;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Fields as a model answered them (or as chunk answers merged), with the evidence given per value (none for text). */
public record ExtractedFields(ObjectNode fields, List<FieldEvidence> evidence) {

    public ExtractedFields {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
