package io.docflow.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The review of one extraction against its document (issue #17): every value grounded in the stored text with its
 * evidence, the class's rules checked, list completeness reported, a confidence per value and for the document, and
 * the decision whether a person should look at it.
 *
 * <pre>{@code
 * FieldReview review = FieldReview.forClass("invoice.schema.json", documentClass.schema()); // once per class
 * ReviewedFields reviewed = review.review(ReviewInput.of(text, pageStarts, fields, evidence)
 *         .withSchemaErrors(errors).withRepaired(repaired));
 * }</pre>
 *
 * Plain Java, no I/O, deterministic; one instance can serve any number of threads.
 */
public final class FieldReview {

    private final FieldSchemas schemas;
    private final List<Rule> rules;
    private final ReviewThresholds thresholds;

    private FieldReview(FieldSchemas schemas, List<Rule> rules, ReviewThresholds thresholds) {
        this.schemas = schemas;
        this.rules = rules;
        this.thresholds = thresholds;
    }

    /**
     * Reads the review settings of a class schema: {@code x-docflow-rules}, {@code x-docflow-review},
     * {@code x-docflow-match}, {@code x-docflow-date-order} (docs/document-classes.md).
     *
     * @param source names the schema in error messages, e.g. {@code invoice.schema.json}
     * @throws ReviewConfigurationException naming the file and the rule or keyword that cannot be used as written
     */
    public static FieldReview forClass(String source, JsonNode schema) {
        FieldSchemas schemas = new FieldSchemas(source, schema);
        return new FieldReview(schemas, RuleParser.parse(source, schema, schemas),
                ReviewThresholds.parse(source, schema, schemas));
    }

    public ReviewedFields review(ReviewInput input) {
        JsonNode fields = input.fields();
        Pages pages = new Pages(input.pageStarts(), input.text().length());
        Grounding.Result grounding = new Grounding(input.text(), pages, schemas, input.unquotedValuesLookedUp())
                .ground(Leaves.of(fields), input.evidence());
        List<FieldEvidence> evidence = grounding.evidence();
        List<RuleResult> results = rules.stream().map(rule -> rule.evaluate(fields)).toList();

        Map<String, List<RuleResult>> rulesByField = new HashMap<>();
        results.forEach(result -> result.fields().forEach(
                field -> rulesByField.computeIfAbsent(field, key -> new ArrayList<>()).add(result)));
        Set<String> schemaErrorFields = SchemaErrorLocations.pointers(input.schemaErrors());
        List<FieldConfidence> confidences = evidence.stream()
                .map(value -> Confidence.field(value, rulesByField.getOrDefault(value.field(), List.of()),
                        schemaErrorFields.contains(value.field()), input.repaired(), thresholds.field(value.field())))
                .toList();
        DocumentConfidence document = Confidence.document(evidence, results, input.schemaErrors().isEmpty(),
                input.repaired(), thresholds.document());
        ReviewDecision decision = ReviewDecisions.decide(input.schemaErrors(), results, evidence, confidences, document);
        List<ListCompleteness> lists = ListCompletenessReport.of(fields, evidence, rules, results, input.chunks(), pages);

        List<String> problems = new ArrayList<>(input.evidenceProblems());
        problems.addAll(grounding.unusedEvidence());
        Masking masking = Masking.of(fields, rules);
        return new ReviewedFields(masking.fields(fields), evidence.stream().map(masking::evidence).toList(),
                results.stream().map(masking::result).toList(), lists, confidences, document,
                masking.decision(decision), problems);
    }
}
