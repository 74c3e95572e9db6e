package io.docflow.evidence;

import static io.docflow.evidence.TestRules.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunningBalanceRuleTest {

    private static final String RUNNING = """
            {'id': 'running', 'check': 'running-balance', 'list': '/transactions', 'amount': '/amount',
             'balance': '/balance', 'opening': '/openingBalance'}""";

    @Test
    void balancesThatFollowFromTheOpeningBalanceAndTheAmountsPass() {
        RuleResult result = evaluate(RUNNING, """
                {'openingBalance': 100, 'transactions': [{'amount': -37.5, 'balance': 62.5}, {'amount': 20, 'balance': 82.5}]}""");

        assertThat(result.outcome()).isEqualTo(RuleOutcome.PASSED);
        assertThat(result.message()).isEqualTo("2 balances checked, each follows from the one before");
    }

    @Test
    void aMissingLineShowsAsABreakAtTheLineAfterIt() {
        RuleResult result = evaluate(RUNNING, """
                {'openingBalance': 100, 'transactions': [{'amount': -37.5, 'balance': 62.5}, {'amount': 20, 'balance': 72.5},
                 {'amount': 5, 'balance': 77.5}]}""");

        assertThat(result.outcome()).isEqualTo(RuleOutcome.FAILED);
        assertThat(result.message()).isEqualTo(
                "1 of 3 balances do not follow: transactions/1: balance before 62.50 + amount 20.00 = 82.50 != balance 72.50");
        assertThat(result.fields()).containsExactly("/transactions/1/amount", "/transactions/1/balance");
    }

    @Test
    void theOpeningBalanceIsCheckedAgainstTheFirstLine() {
        assertThat(evaluate(RUNNING, "{'openingBalance': 90, 'transactions': [{'amount': -37.5, 'balance': 62.5}]}").message())
                .isEqualTo("1 of 1 balances do not follow: transactions/0: openingBalance 90.00 + amount -37.50 = 52.50 != balance 62.50");
    }

    @Test
    void aStatementListedNewestFirstIsReadInThatOrder() {
        RuleResult result = evaluate(RUNNING, """
                {'openingBalance': 100, 'transactions': [{'amount': 20, 'balance': 82.5}, {'amount': -37.5, 'balance': 62.5}]}""");

        assertThat(result.outcome()).isEqualTo(RuleOutcome.PASSED);
        assertThat(result.message()).isEqualTo("2 balances checked, each follows from the one before (listed newest first)");
    }

    @Test
    void withoutPrintedBalancesTheRuleIsSkipped() {
        assertThat(evaluate(RUNNING, "{'transactions': [{'amount': 20}]}").outcome()).isEqualTo(RuleOutcome.SKIPPED);
        assertThat(evaluate(RUNNING, "{}").outcome()).isEqualTo(RuleOutcome.SKIPPED);
    }
}
