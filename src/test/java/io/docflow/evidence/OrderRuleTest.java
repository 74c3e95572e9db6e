package io.docflow.evidence;

import static io.docflow.evidence.TestRules.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderRuleTest {

    private static final String DATES = "{'id': 'invoice.dates', 'check': 'order', 'fields': ['/invoiceDate', '/dueDate']}";
    private static final String PERIOD = "{'id': 'period', 'check': 'order', 'fields': ['/periodStart', '/transactions/*/date', '/periodEnd']}";

    @Test
    void datesInOrderPass() {
        RuleResult result = evaluate(DATES, "{'invoiceDate': '2024-03-01', 'dueDate': '2024-03-31'}");

        assertThat(result.outcome()).isEqualTo(RuleOutcome.PASSED);
        assertThat(result.message()).isEqualTo("invoiceDate 2024-03-01 <= dueDate 2024-03-31");
        assertThat(evaluate(DATES, "{'invoiceDate': '2024-03-01', 'dueDate': '2024-03-01'}").outcome()).isEqualTo(RuleOutcome.PASSED);
    }

    @Test
    void aDueDateBeforeTheInvoiceDateFails() {
        RuleResult result = evaluate(DATES, "{'invoiceDate': '2024-03-01', 'dueDate': '2024-02-01'}");

        assertThat(result.outcome()).isEqualTo(RuleOutcome.FAILED);
        assertThat(result.message()).isEqualTo("dueDate 2024-02-01 is before invoiceDate 2024-03-01");
        assertThat(result.fields()).containsExactly("/invoiceDate", "/dueDate");
    }

    @Test
    void strictOrderRefusesEqualValues() {
        RuleResult result = evaluate("{'id': 'strict', 'check': 'order', 'strict': true, 'fields': ['/invoiceDate', '/dueDate']}",
                "{'invoiceDate': '2024-03-01', 'dueDate': '2024-03-01'}");

        assertThat(result.message()).isEqualTo("dueDate 2024-03-01 is the same as invoiceDate 2024-03-01");
    }

    @Test
    void aDateNotWrittenAsYyyyMmDdFails() {
        RuleResult result = evaluate(DATES, "{'invoiceDate': '01/03/2024', 'dueDate': '2024-03-31'}");

        assertThat(result.outcome()).isEqualTo(RuleOutcome.FAILED);
        assertThat(result.message()).isEqualTo("invoiceDate \"01/03/2024\" is not a YYYY-MM-DD date");
    }

    @Test
    void withOneDateTheRuleIsSkipped() {
        RuleResult result = evaluate(DATES, "{'invoiceDate': '2024-03-01'}");

        assertThat(result.outcome()).isEqualTo(RuleOutcome.SKIPPED);
        assertThat(result.message()).isEqualTo("needs two of invoiceDate, dueDate; present: invoiceDate");
    }

    @Test
    void everyValueOfAWildcardMustFallBetweenItsNeighbours() {
        String fields = """
                {'periodStart': '2024-03-01', 'periodEnd': '2024-03-31',
                 'transactions': [{'date': '2024-03-05'}, {'date': '2024-03-02'}, {'date': '2024-04-02'}]}""";

        RuleResult result = evaluate(PERIOD, fields);

        assertThat(result.outcome()).isEqualTo(RuleOutcome.FAILED);
        assertThat(result.message()).isEqualTo("periodEnd 2024-03-31 is before transactions/2/date 2024-04-02");
        assertThat(result.fields()).containsExactly("/transactions/2/date", "/periodEnd");
        assertThat(evaluate(PERIOD, fields.replace("2024-04-02", "2024-03-30")).message())
                .isEqualTo("periodStart 2024-03-01 <= 3 values from 2024-03-02 to 2024-03-30 <= periodEnd 2024-03-31");
    }

    @Test
    void anAbsentLinkDropsOutOfTheChain() {
        assertThat(evaluate(PERIOD, "{'periodStart': '2024-03-31', 'periodEnd': '2024-03-01'}").message())
                .isEqualTo("periodEnd 2024-03-01 is before periodStart 2024-03-31");
    }

    @Test
    void numbersCompareAsNumbers() {
        assertThat(evaluate("{'id': 'n', 'check': 'order', 'fields': ['/subtotal', '/total']}", "{'subtotal': 9.5, 'total': 10}").outcome())
                .isEqualTo(RuleOutcome.PASSED);
    }
}
