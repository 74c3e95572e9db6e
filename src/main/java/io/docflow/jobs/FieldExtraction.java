package io.docflow.jobs;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.evidence.EvidenceClaim;
import io.docflow.evidence.ReviewedFields;
import io.docflow.model.ExtractedFields;

/**
 * What the extract-fields stage made of the chunks' answers: the merged fields (or a repair's, once one made them
 * valid), what is still wrong with them, whether a repair was asked for, and, once the stage has finished, their
 * review against the document's text (issue #17).
 *
 * @param validationErrors empty when the fields are valid against the class's schema
 * @param evidence         what the model claimed for each value (tool use), pointers into {@code fields}; empty for
 *                         fields read from text
 * @param evidenceProblems what could not be read from the model's evidence lists
 * @param review           the fields grounded, checked against the class's rules and scored; null until reviewed
 */
public record FieldExtraction(ObjectNode fields, List<String> validationErrors, boolean repaired,
                              List<EvidenceClaim> evidence, List<String> evidenceProblems, ReviewedFields review) {

    public FieldExtraction {
        validationErrors = List.copyOf(validationErrors);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        evidenceProblems = evidenceProblems == null ? List.of() : List.copyOf(evidenceProblems);
    }

    public FieldExtraction(ObjectNode fields, List<String> validationErrors, boolean repaired) {
        this(fields, validationErrors, repaired, List.of(), List.of(), null);
    }

    public static FieldExtraction merged(ObjectNode fields, List<String> validationErrors) {
        return new FieldExtraction(fields, validationErrors, false);
    }

    public static FieldExtraction merged(ExtractedFields merged, List<String> validationErrors) {
        return new FieldExtraction(merged.fields(), validationErrors, false, merged.evidence(),
                merged.evidenceProblems(), null);
    }

    public boolean valid() {
        return validationErrors.isEmpty();
    }

    /** The fields to show: masked by the review once there is one (card numbers), else as extracted. */
    public ObjectNode shownFields() {
        return review != null && review.fields() instanceof ObjectNode masked ? masked : fields;
    }

    /** A repair answer that made the fields valid: its fields (and their evidence) replace these. */
    public FieldExtraction repairedTo(ObjectNode validFields) {
        return new FieldExtraction(validFields, List.of(), true);
    }

    public FieldExtraction repairedTo(ExtractedFields valid) {
        return new FieldExtraction(valid.fields(), List.of(), true, valid.evidence(), valid.evidenceProblems(), null);
    }

    /** A repair answer that was still invalid: these fields stay, with the repair's errors. */
    public FieldExtraction repairStillInvalid(List<String> repairErrors) {
        return new FieldExtraction(fields, repairErrors, true, evidence, evidenceProblems, review);
    }

    /** A repair answer that could not be read: these fields and errors stay, and why is added. */
    public FieldExtraction repairUnreadable(String why) {
        List<String> errors = new ArrayList<>(validationErrors);
        errors.add("repair reply: " + why);
        return new FieldExtraction(fields, errors, true, evidence, evidenceProblems, review);
    }

    /** These fields with their review. */
    public FieldExtraction reviewed(ReviewedFields reviewedFields) {
        return new FieldExtraction(fields, validationErrors, repaired, evidence, evidenceProblems, reviewedFields);
    }
}
