package io.docflow.evidence;

import static io.docflow.evidence.Json.json;
import static io.docflow.evidence.Json.shippedSchema;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The shipped class schemas' review settings load, and the bank statement's rules do what they say. */
class ShippedClassesReviewTest {

    private static final List<String> CLASSES = List.of("bank-statement", "contract", "form", "invoice", "letter", "other",
            "receipt", "report", "resume");

    @Test
    void everyShippedClassHasUsableReviewSettings() {
        for (String name : CLASSES) {
            FieldReview review = FieldReview.forClass(name + ".schema.json", shippedSchema(name));

            assertThat(review.review(ReviewInput.of("", List.of(), json("{}"), json("[]"))).rules())
                    .as(name).allSatisfy(rule -> assertThat(rule.outcome()).isEqualTo(RuleOutcome.SKIPPED));
        }
    }

    @Test
    void theStatementRulesCheckBalancesCountDatesAndIban() {
        FieldReview statement = FieldReview.forClass("bank-statement.schema.json", shippedSchema("bank-statement"));
        String fields = """
                {'accountNumber': '12345678', 'iban': 'DE89 3704 0044 0532 0130 00', 'statementPeriodStart': '2024-03-01',
                 'statementPeriodEnd': '2024-03-31', 'openingBalance': 1000.00, 'closingBalance': 2662.50,
                 'totalCredits': 2500.00, 'totalDebits': 837.50, 'transactionCount': 3,
                 'transactions': [
                   {'date': '2024-03-01', 'description': 'Rent', 'amount': -800.00, 'balance': 200.00},
                   {'date': '2024-03-02', 'description': 'Salary', 'amount': 2500.00, 'balance': 2700.00},
                   {'date': '2024-03-05', 'description': 'Grocer', 'amount': -37.50, 'balance': 2662.50}]}""";

        Map<String, RuleResult> rules = statement.review(ReviewInput.of("", List.of(), json(fields), json("[]"))).rules().stream()
                .collect(Collectors.toMap(RuleResult::ruleId, Function.identity()));

        assertThat(rules.get("statement.balance").message()).isEqualTo(
                "openingBalance 1000.00 + transactions/*/amount (sum of 3) 1662.50 = 2662.50 = closingBalance 2662.50");
        assertThat(rules.get("statement.summary").outcome()).isEqualTo(RuleOutcome.PASSED);
        assertThat(rules.get("statement.count").outcome()).isEqualTo(RuleOutcome.PASSED);
        assertThat(rules.get("statement.dates").outcome()).isEqualTo(RuleOutcome.PASSED);
        assertThat(rules.get("statement.iban").outcome()).isEqualTo(RuleOutcome.PASSED);
        assertThat(rules.get("statement.running-balance").message()).isEqualTo(
                "3 balances checked, each follows from the one before");

        Map<String, RuleResult> dropped = statement.review(ReviewInput.of("", List.of(),
                        json(fields.replace("{'date': '2024-03-02', 'description': 'Salary', 'amount': 2500.00, 'balance': 2700.00},", "")),
                        json("[]"))).rules().stream()
                .collect(Collectors.toMap(RuleResult::ruleId, Function.identity()));

        assertThat(dropped.get("statement.balance").message()).isEqualTo(
                "openingBalance 1000.00 + transactions/*/amount (sum of 2) -837.50 = 162.50 != closingBalance 2662.50 (difference 2500.00)");
        assertThat(dropped.get("statement.count").message()).isEqualTo("transactions has 2 items, transactionCount states 3");
        assertThat(dropped.get("statement.running-balance").outcome()).isEqualTo(RuleOutcome.FAILED);
        assertThat(dropped.get("statement.summary").outcome()).isEqualTo(RuleOutcome.PASSED);
    }
}
