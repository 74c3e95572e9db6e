package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.evidence.EvidenceClaim;
import org.junit.jupiter.api.Test;

class FieldMergerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final FieldMerger merger = new FieldMerger();

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private ObjectNode merge(String... partials) {
        return merger.merge(Arrays.stream(partials).map(FieldMergerTest::json).toList());
    }

    @Test
    void nothingToMergeGivesAnEmptyObject() {
        assertThat(merger.merge(List.of())).isEqualTo(json("{}"));
    }

    @Test
    void aScalarKeepsTheFirstNonNullValue() {
        assertThat(merge("{\"number\": \"A-1\", \"total\": null}", "{\"number\": \"B-2\", \"total\": 40}"))
                .isEqualTo(json("{\"number\": \"A-1\", \"total\": 40}"));
    }

    @Test
    void aLaterNullDoesNotEraseAValue() {
        assertThat(merge("{\"total\": 40}", "{\"total\": null}")).isEqualTo(json("{\"total\": 40}"));
    }

    @Test
    void arraysAreConcatenatedInChunkOrderWithoutExactDuplicates() {
        ObjectNode merged = merge(
                "{\"lines\": [{\"item\": \"a\", \"qty\": 1}, {\"item\": \"b\", \"qty\": 2}]}",
                "{\"lines\": [{\"item\": \"b\", \"qty\": 2}, {\"item\": \"c\", \"qty\": 3}]}",
                "{\"lines\": [{\"item\": \"b\", \"qty\": 5}]}");

        assertThat(merged.get("lines")).isEqualTo(json(
                "[{\"item\": \"a\", \"qty\": 1}, {\"item\": \"b\", \"qty\": 2}, {\"item\": \"c\", \"qty\": 3}, {\"item\": \"b\", \"qty\": 5}]"));
    }

    @Test
    void objectsMergeFieldByField() {
        assertThat(merge("{\"vendor\": {\"name\": \"ACME\", \"vat\": null}}",
                "{\"vendor\": {\"name\": \"Other\", \"vat\": \"DE1\", \"phones\": [\"1\"]}}",
                "{\"vendor\": {\"phones\": [\"1\", \"2\"]}}"))
                .isEqualTo(json("{\"vendor\": {\"name\": \"ACME\", \"vat\": \"DE1\", \"phones\": [\"1\", \"2\"]}}"));
    }

    @Test
    void aValueOfAnotherShapeDoesNotReplaceTheFirst() {
        assertThat(merge("{\"a\": [1], \"b\": {\"x\": 1}, \"c\": \"s\"}", "{\"a\": 2, \"b\": [3], \"c\": {\"y\": 1}}"))
                .isEqualTo(json("{\"a\": [1], \"b\": {\"x\": 1}, \"c\": \"s\"}"));
    }

    @Test
    void nullAndNonObjectPartialsAreIgnored() {
        List<JsonNode> partials = new ArrayList<>();
        partials.add(null);
        partials.add(json("[1, 2]"));
        partials.add(json("\"text\""));
        partials.add(json("{\"a\": 1}"));

        assertThat(merger.merge(partials)).isEqualTo(json("{\"a\": 1}"));
    }

    @Test
    void thePartialsAreNotModified() {
        JsonNode first = json("{\"lines\": [1], \"vendor\": {\"name\": \"ACME\"}}");
        JsonNode second = json("{\"lines\": [2], \"vendor\": {\"vat\": \"DE1\"}}");

        ObjectNode merged = merger.merge(List.of(first, second));
        ((com.fasterxml.jackson.databind.node.ArrayNode) merged.get("lines")).add(99);

        assertThat(first).isEqualTo(json("{\"lines\": [1], \"vendor\": {\"name\": \"ACME\"}}"));
        assertThat(second).isEqualTo(json("{\"lines\": [2], \"vendor\": {\"vat\": \"DE1\"}}"));
    }

    @Test
    void evidenceFollowsItsValueIntoTheMergedFields() {
        ExtractedFields first = answer("{\"number\": \"A-1\", \"lineItems\": [{\"d\": \"a\"}, {\"d\": \"b\"}]}",
                evidence("/number", "No. A-1"), evidence("/lineItems/0/d", "a 1.00"), evidence("/lineItems/1/d", "b 2.00"));
        ExtractedFields second = answer("{\"number\": \"B-2\", \"total\": 5, \"lineItems\": [{\"d\": \"b\"}, {\"d\": \"c\"}]}",
                evidence("/number", "No. B-2"), evidence("/total", "Total 5"),
                evidence("/lineItems/0/d", "b 2.00 again"), evidence("/lineItems/1/d", "c 3.00"));

        ExtractedFields merged = merger.mergeAnswers(List.of(first, second));

        assertThat(merged.fields()).isEqualTo(json(
                "{\"number\": \"A-1\", \"lineItems\": [{\"d\": \"a\"}, {\"d\": \"b\"}, {\"d\": \"c\"}], \"total\": 5}"));
        // the second chunk's number and its duplicate item were not kept, nor their evidence; its new item moved to 2
        assertThat(merged.evidence()).containsExactly(
                evidence("/number", "No. A-1"), evidence("/lineItems/0/d", "a 1.00"), evidence("/lineItems/1/d", "b 2.00"),
                evidence("/total", "Total 5"), evidence("/lineItems/2/d", "c 3.00"));
    }

    @Test
    void evidenceInNestedObjectsAndWholeValuesTakenKeepsItsPath() {
        ExtractedFields first = answer("{\"vendor\": {\"name\": \"ACME\"}}", evidence("/vendor/name", "ACME Ltd"));
        ExtractedFields second = answer("{\"vendor\": {\"name\": \"X\", \"vat\": \"DE1\"}, \"tags\": [\"t\"]}",
                evidence("/vendor/name", "X"), evidence("/vendor/vat", "VAT DE1"), evidence("/tags/0", "tag t"),
                evidence("/nowhere", "made up"), evidence("vendor", "not a pointer"));

        ExtractedFields merged = merger.mergeAnswers(List.of(first, second));

        assertThat(merged.evidence()).containsExactly(evidence("/vendor/name", "ACME Ltd"),
                evidence("/vendor/vat", "VAT DE1"), evidence("/tags/0", "tag t"));
    }

    @Test
    void aChunkAfterFiveItemsHasItsFirstItemRebasedToFive() {
        ExtractedFields first = answer("{\"lineItems\": [1, 2, 3, 4, 5]}");
        ExtractedFields second = answer("{\"lineItems\": [{\"amount\": 6}]}",
                new EvidenceClaim("/lineItems/0/amount", "6.00", 2, 0.8));

        assertThat(merger.mergeAnswers(List.of(first, second)).evidence())
                .containsExactly(new EvidenceClaim("/lineItems/5/amount", "6.00", 2, 0.8));
    }

    @Test
    void pointerTokensAreEscapedAsJsonPointerAsks() {
        ExtractedFields first = answer("{\"a/b\": 1, \"c~d\": 2}", evidence("/a~1b", "one"), evidence("/c~0d", "two"));

        assertThat(merger.mergeAnswers(List.of(first)).evidence()).containsExactly(evidence("/a~1b", "one"),
                evidence("/c~0d", "two"));
    }

    private static ExtractedFields answer(String fields, EvidenceClaim... evidence) {
        return new ExtractedFields((ObjectNode) json(fields), List.of(evidence));
    }

    private static EvidenceClaim evidence(String field, String quote) {
        return new EvidenceClaim(field, quote, null, null);
    }
}
