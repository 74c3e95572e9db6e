package io.docflow.jobs;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.model.ExtractedFields;
import io.docflow.model.FieldEvidence;

/**
 * What the extract-fields stage made of the chunks' answers: the merged fields (or a repair's, once one made them
 * valid), what is still wrong with them, and whether a repair was asked for. Further outputs of an extraction, such
 * as per-field evidence, confidence or rule results (issue #17), belong here beside the fields.
 *
 * @param validationErrors empty when the fields are valid against the class's schema
 * @param evidence         what the model quoted for each value (tool use), pointers into {@code fields}; empty for
 *                         fields read from text
 */
public record FieldExtraction(ObjectNode fields, List<String> validationErrors, boolean repaired,
                              List<FieldEvidence> evidence) {

    public FieldExtraction {
        validationErrors = List.copyOf(validationErrors);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public FieldExtraction(ObjectNode fields, List<String> validationErrors, boolean repaired) {
        this(fields, validationErrors, repaired, List.of());
    }

    public static FieldExtraction merged(ObjectNode fields, List<String> validationErrors) {
        return new FieldExtraction(fields, validationErrors, false, List.of());
    }

    public static FieldExtraction merged(ExtractedFields merged, List<String> validationErrors) {
        return new FieldExtraction(merged.fields(), validationErrors, false, merged.evidence());
    }

    public boolean valid() {
        return validationErrors.isEmpty();
    }

    /** A repair answer that made the fields valid: its fields (and their evidence) replace these. */
    public FieldExtraction repairedTo(ObjectNode validFields) {
        return new FieldExtraction(validFields, List.of(), true, List.of());
    }

    public FieldExtraction repairedTo(ExtractedFields valid) {
        return new FieldExtraction(valid.fields(), List.of(), true, valid.evidence());
    }

    /** A repair answer that was still invalid: these fields stay, with the repair's errors. */
    public FieldExtraction repairStillInvalid(List<String> repairErrors) {
        return new FieldExtraction(fields, repairErrors, true, evidence);
    }

    /** A repair answer that could not be read: these fields and errors stay, and why is added. */
    public FieldExtraction repairUnreadable(String why) {
        List<String> errors = new ArrayList<>(validationErrors);
        errors.add("repair reply: " + why);
        return new FieldExtraction(fields, errors, true, evidence);
    }
}
