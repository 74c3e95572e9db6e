package io.docflow.evidence;

import static io.docflow.evidence.Json.json;
import static io.docflow.evidence.Json.shippedSchema;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ListCompletenessReportTest {

    private static final String PAGE_1 = "Statement March 2024\n01.03. Rent -800.00\n02.03. Salary 2500.00\n";
    private static final String PAGE_2 = "Nothing but small print on this page.\n";
    private static final String PAGE_3 = "05.03. Grocer -37.50\nClosing balance 1662.50\n";
    private static final String TEXT = PAGE_1 + PAGE_2 + PAGE_3;
    private static final List<Integer> PAGES = List.of(0, PAGE_1.length(), PAGE_1.length() + PAGE_2.length());

    private final FieldReview statement = FieldReview.forClass("bank-statement.schema.json", shippedSchema("bank-statement"));

    private static String transactions(int count) {
        List<String> items = new ArrayList<>();
        String[][] lines = {{"Rent", "-800.00", "01.03. Rent -800.00"}, {"Salary", "2500.00", "02.03. Salary 2500.00"},
                {"Grocer", "-37.50", "05.03. Grocer -37.50"}, {"Made up", "-1.00", "not in the text"}};
        for (int i = 0; i < count; i++) {
            items.add("{'description': '" + lines[i][0] + "', 'amount': " + lines[i][1] + "}");
        }
        return "[" + String.join(", ", items) + "]";
    }

    private static String evidence(int count) {
        List<String> entries = new ArrayList<>();
        String[][] lines = {{"01.03. Rent -800.00", "1"}, {"02.03. Salary 2500.00", "1"}, {"05.03. Grocer -37.50", "3"},
                {"not in the text", "3"}};
        for (int i = 0; i < count; i++) {
            for (String leaf : List.of("description", "amount")) {
                entries.add("{'field': '/transactions/" + i + "/" + leaf + "', 'quote': '" + lines[i][0] + "', 'page': " + lines[i][1] + "}");
            }
        }
        return "[" + String.join(", ", entries) + "]";
    }

    private ListCompleteness report(String fields, String evidence, List<TextRange> chunks) {
        ReviewedFields reviewed = statement.review(ReviewInput.of(TEXT, PAGES, json(fields), json(evidence)).withChunks(chunks));
        return reviewed.lists().stream().filter(list -> list.list().equals("/transactions")).findFirst().orElseThrow();
    }

    @Test
    void itemsFoundWithoutQuotesAreCountedWhereTheirValuesAre() {
        // a text answer gives no evidence: the values are looked up in the text, and have no quote
        ReviewedFields reviewed = statement.review(ReviewInput.of(TEXT, PAGES,
                json("{'transactionCount': 3, 'transactions': " + transactions(3) + "}"), json("[]"))
                .withUnquotedValuesLookedUp(true));
        ListCompleteness report = reviewed.lists().stream().filter(list -> list.list().equals("/transactions")).findFirst().orElseThrow();

        assertThat(report.items()).isEqualTo(3);
        assertThat(report.itemsPerPage()).containsExactly(new ListCompleteness.PageCount(1, 2), new ListCompleteness.PageCount(3, 1));
        assertThat(report.itemsWithoutPage()).isZero();
    }

    @Test
    void itemsAreCountedPerPageAndAgainstTheStatedCount() {
        ListCompleteness report = report("{'transactionCount': 3, 'transactions': " + transactions(3) + "}", evidence(3), List.of());

        assertThat(report.items()).isEqualTo(3);
        assertThat(report.itemsPerPage()).containsExactly(new ListCompleteness.PageCount(1, 2), new ListCompleteness.PageCount(3, 1));
        assertThat(report.pagesWithoutItems()).containsExactly(2);
        assertThat(report.itemsWithoutPage()).isZero();
        assertThat(report.statedCount()).isEqualTo(3);
        assertThat(report.statedCountField()).isEqualTo("/transactionCount");
        assertThat(report.countMatches()).isTrue();
        assertThat(report.rules()).contains(new ListCompleteness.RuleOutcomeOf("statement.count", RuleOutcome.PASSED));
    }

    @Test
    void aListShorterThanStatedDoesNotMatchAndAnUngroundedItemHasNoPage() {
        ListCompleteness shorter = report("{'transactionCount': 3, 'transactions': " + transactions(2) + "}", evidence(2), List.of());
        ListCompleteness madeUp = report("{'transactions': " + transactions(4) + "}", evidence(4), List.of());

        assertThat(shorter.countMatches()).isFalse();
        assertThat(shorter.rules()).contains(new ListCompleteness.RuleOutcomeOf("statement.count", RuleOutcome.FAILED));
        assertThat(madeUp.itemsWithoutPage()).isEqualTo(1);
        assertThat(madeUp.statedCount()).isNull();
        assertThat(madeUp.countMatches()).isNull();
    }

    @Test
    void itemsAreCountedPerChunkWithEmptyChunksShown() {
        List<TextRange> chunks = List.of(new TextRange(0, PAGE_1.length()), new TextRange(PAGE_1.length(), PAGE_1.length() + PAGE_2.length()),
                new TextRange(PAGE_1.length() + PAGE_2.length(), TEXT.length()));

        ListCompleteness report = report("{'transactions': " + transactions(3) + "}", evidence(3), chunks);

        assertThat(report.itemsPerChunk()).extracting(ListCompleteness.ChunkCount::items).containsExactly(2, 0, 1);
        assertThat(report.itemsPerChunk().get(2).start()).isEqualTo(PAGE_1.length() + PAGE_2.length());
    }

    @Test
    void aListOfPlainValuesIsReportedToo() {
        FieldReview contract = FieldReview.forClass("contract.schema.json", shippedSchema("contract"));

        ReviewedFields reviewed = contract.review(ReviewInput.of("Between ACME Ltd and Contoso GmbH", List.of(0),
                json("{'parties': ['ACME Ltd', 'Contoso GmbH']}"),
                json("[{'field': '/parties/0', 'quote': 'Between ACME Ltd'}, {'field': '/parties/1', 'quote': 'and Contoso GmbH'}]")));

        assertThat(reviewed.lists()).singleElement().satisfies(list -> {
            assertThat(list.list()).isEqualTo("/parties");
            assertThat(list.itemsPerPage()).containsExactly(new ListCompleteness.PageCount(1, 2));
        });
    }

    // ListCompletenessReport.of on its own: evidence, rules and results given as they are

    private static final Pages FOUR_PAGES = new Pages(List.of(0, 100, 200, 300), 400);

    private static FieldEvidence at(String field, int quoteStart) {
        return new FieldEvidence(field, null, "q", null, null, quoteStart, quoteStart + 1, quoteStart, quoteStart + 1, true,
                null, null, null);
    }

    private static FieldEvidence ungrounded(String field) {
        return new FieldEvidence(field, null, "q", null, null, null, null, null, null, false, "not in the text", null, null);
    }

    @Test
    void everyListIsReportedOutermostFirst() {
        List<ListCompleteness> lists = ListCompletenessReport.of(
                json("{'lineItems': [{'taxes': [1, 2]}, {'taxes': []}], 'tags': [], 'total': 5}"),
                List.of(), List.of(), List.of(), List.of(), FOUR_PAGES);

        assertThat(lists).extracting(ListCompleteness::list)
                .containsExactly("/lineItems", "/lineItems/0/taxes", "/lineItems/1/taxes", "/tags");
        assertThat(lists).extracting(ListCompleteness::items).containsExactly(2, 2, 0, 0);
    }

    @Test
    void anItemIsOnThePageWhereItsEarliestGroundedEvidenceStartsAndPagesBetweenWithoutItemsAreGaps() {
        List<FieldEvidence> evidence = List.of(at("/items/0/amount", 150), at("/items/0/name", 50),
                ungrounded("/items/1/amount"), at("/items/1/name", 320), ungrounded("/items/2/amount"));

        ListCompleteness report = ListCompletenessReport.of(json("{'items': [{'name': 'a', 'amount': 1},"
                + " {'name': 'b', 'amount': 2}, {'name': 'c', 'amount': 3}]}"), evidence, List.of(), List.of(), List.of(),
                FOUR_PAGES).get(0);

        assertThat(report.itemsPerPage()).containsExactly(new ListCompleteness.PageCount(1, 1), new ListCompleteness.PageCount(4, 1));
        assertThat(report.pagesWithoutItems()).containsExactly(2, 3);
        assertThat(report.itemsWithoutPage()).isEqualTo(1);
    }

    @Test
    void aTextWithoutPagesHasItsItemsWithoutPageAndNoGaps() {
        ListCompleteness report = ListCompletenessReport.of(json("{'items': [1, 2]}"),
                List.of(at("/items/0", 10), at("/items/1", 350)), List.of(), List.of(), List.of(), new Pages(List.of(), 400)).get(0);

        assertThat(report.itemsPerPage()).isEmpty();
        assertThat(report.itemsWithoutPage()).isEqualTo(2);
        assertThat(report.pagesWithoutItems()).isEmpty();
    }

    @Test
    void anItemInOverlappingChunksCountsInTheFirst() {
        List<TextRange> chunks = List.of(new TextRange(0, 150), new TextRange(100, 250), new TextRange(250, 400));

        ListCompleteness report = ListCompletenessReport.of(json("{'items': [1, 2, 3]}"),
                List.of(at("/items/0", 120), at("/items/1", 200), ungrounded("/items/2")), List.of(), List.of(), chunks,
                FOUR_PAGES).get(0);

        assertThat(report.itemsPerChunk()).containsExactly(new ListCompleteness.ChunkCount(0, 0, 150, 1),
                new ListCompleteness.ChunkCount(1, 100, 250, 1), new ListCompleteness.ChunkCount(2, 250, 400, 0));
    }

    @Test
    void aCountRuleOnTheListGivesTheStatedCountAndWhetherItMatches() {
        List<Rule> rules = List.of(new CountRule("count", "d", "/items", "/itemCount"));

        ListCompleteness fewer = ListCompletenessReport.of(json("{'itemCount': 2, 'items': [1, 2, 3]}"), List.of(), rules,
                List.of(), List.of(), FOUR_PAGES).get(0);
        ListCompleteness notACount = ListCompletenessReport.of(json("{'itemCount': 2.5, 'items': [1]}"), List.of(), rules,
                List.of(), List.of(), FOUR_PAGES).get(0);
        ListCompleteness noRule = ListCompletenessReport.of(json("{'itemCount': 1, 'items': [1]}"), List.of(), List.of(),
                List.of(), List.of(), FOUR_PAGES).get(0);

        assertThat(fewer.statedCount()).isEqualTo(2);
        assertThat(fewer.statedCountField()).isEqualTo("/itemCount");
        assertThat(fewer.countMatches()).isFalse();
        assertThat(notACount.statedCount()).isNull();
        assertThat(notACount.statedCountField()).isEqualTo("/itemCount");
        assertThat(notACount.countMatches()).isNull();
        assertThat(noRule.statedCount()).isNull();
        assertThat(noRule.statedCountField()).isNull();
        assertThat(noRule.countMatches()).isNull();
    }

    @Test
    void theRulesListedAreThoseLookingAtTheListOrItsItems() {
        List<RuleResult> results = List.of(
                new RuleResult("sum", "d", List.of("/total", "/items/0/amount"), RuleOutcome.FAILED, "m"),
                new RuleResult("count", "d", List.of("/items"), RuleOutcome.PASSED, "m"),
                new RuleResult("other", "d", List.of("/itemsTotal"), RuleOutcome.FAILED, "m"));

        ListCompleteness report = ListCompletenessReport.of(json("{'items': [{'amount': 1}], 'itemsTotal': 1}"), List.of(),
                List.of(), results, List.of(), FOUR_PAGES).get(0);

        assertThat(report.rules()).containsExactly(new ListCompleteness.RuleOutcomeOf("sum", RuleOutcome.FAILED),
                new ListCompleteness.RuleOutcomeOf("count", RuleOutcome.PASSED));
    }
}
