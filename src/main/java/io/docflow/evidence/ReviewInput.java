package io.docflow.evidence;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * What {@link FieldReview} reviews: the document's stored text and page starts ({@code ExtractedDocument.text()} and
 * {@code pageStarts()}), the extraction tool's answer ({@code fields} and the model's evidence claims), what the
 * schema validator said about the fields, whether the answer needed a repair, and optionally the chunks' ranges of
 * the text.
 *
 * @param evidenceProblems what could not be read from the model's evidence list ({@link EvidenceClaim.Parsed})
 * @param schemaErrors {@code SchemaValidator.errors(...)} for the fields ({@code "$.total: string found, number expected"})
 * @param unquotedValuesLookedUp the answer came without evidence (a text answer): a value no claim names is looked
 *                               for by itself in the text instead of being ungrounded outright ({@link UnquotedValues})
 */
public record ReviewInput(String text, List<Integer> pageStarts, JsonNode fields, List<EvidenceClaim> evidence,
        List<String> evidenceProblems, List<String> schemaErrors, boolean repaired, List<TextRange> chunks,
        boolean unquotedValuesLookedUp) {

    public ReviewInput {
        text = text == null ? "" : text;
        pageStarts = pageStarts == null ? List.of() : List.copyOf(pageStarts);
        fields = fields == null ? JsonNodeFactory.instance.objectNode() : fields;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        evidenceProblems = evidenceProblems == null ? List.of() : List.copyOf(evidenceProblems);
        schemaErrors = schemaErrors == null ? List.of() : List.copyOf(schemaErrors);
        chunks = chunks == null ? List.of() : List.copyOf(chunks);
    }

    /** Valid, not repaired, chunks not reported; see the {@code with} methods. */
    public static ReviewInput of(String text, List<Integer> pageStarts, JsonNode fields, List<EvidenceClaim> evidence) {
        return new ReviewInput(text, pageStarts, fields, evidence, List.of(), List.of(), false, List.of(), false);
    }

    /** The same from a tool input's {@code evidence} list as the model wrote it. */
    public static ReviewInput of(String text, List<Integer> pageStarts, JsonNode fields, JsonNode evidence) {
        EvidenceClaim.Parsed parsed = EvidenceClaim.parse(evidence);
        return of(text, pageStarts, fields, parsed.claims()).withEvidenceProblems(parsed.problems());
    }

    public ReviewInput withEvidenceProblems(List<String> problems) {
        return new ReviewInput(text, pageStarts, fields, evidence, problems, schemaErrors, repaired, chunks, unquotedValuesLookedUp);
    }

    public ReviewInput withSchemaErrors(List<String> errors) {
        return new ReviewInput(text, pageStarts, fields, evidence, evidenceProblems, errors, repaired, chunks, unquotedValuesLookedUp);
    }

    public ReviewInput withRepaired(boolean wasRepaired) {
        return new ReviewInput(text, pageStarts, fields, evidence, evidenceProblems, schemaErrors, wasRepaired, chunks, unquotedValuesLookedUp);
    }

    /** For a text answer: values without evidence are looked for by themselves ({@link UnquotedValues}). */
    public ReviewInput withUnquotedValuesLookedUp(boolean lookedUp) {
        return new ReviewInput(text, pageStarts, fields, evidence, evidenceProblems, schemaErrors, repaired, chunks, lookedUp);
    }

    public ReviewInput withChunks(List<TextRange> ranges) {
        return new ReviewInput(text, pageStarts, fields, evidence, evidenceProblems, schemaErrors, repaired, ranges, unquotedValuesLookedUp);
    }
}
