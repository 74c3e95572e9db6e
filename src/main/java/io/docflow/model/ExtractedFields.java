package io.docflow.model;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.evidence.EvidenceClaim;

/**
 * Fields as a model answered them (or as chunk answers merged), with the evidence the model claimed per value (none
 * for text answers) and what could not be read from its evidence list.
 */
public record ExtractedFields(ObjectNode fields, List<EvidenceClaim> evidence, List<String> evidenceProblems) {

    public ExtractedFields {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        evidenceProblems = evidenceProblems == null ? List.of() : List.copyOf(evidenceProblems);
    }

    public ExtractedFields(ObjectNode fields, List<EvidenceClaim> evidence) {
        this(fields, evidence, List.of());
    }
}
