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
}
