package io.docflow.evidence;

import static io.docflow.evidence.TestRules.evaluate;
import static io.docflow.evidence.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecksumRuleTest {

    private static final String IBAN = "{'id': 'iban', 'check': 'checksum', 'field': '/iban', 'algorithm': 'iban'}";
    private static final String CARD = "{'id': 'card', 'check': 'checksum', 'field': '/cardNumber', 'algorithm': 'luhn'}";

    @Test
    void aValidIbanPassesWhateverItsSpacing() {
        assertThat(evaluate(IBAN, "{'iban': 'DE89 3704 0044 0532 0130 00'}").outcome()).isEqualTo(RuleOutcome.PASSED);
        assertThat(evaluate(IBAN, "{'iban': 'GB82WEST12345698765432'}").message())
                .isEqualTo("iban GB82WEST12345698765432 has valid check digits");
    }

    @Test
    void anIbanWithAWrongDigitFails() {
        RuleResult result = evaluate(IBAN, "{'iban': 'DE89 3704 0044 0532 0130 01'}");

        assertThat(result.outcome()).isEqualTo(RuleOutcome.FAILED);
        assertThat(result.message()).isEqualTo("iban DE89 3704 0044 0532 0130 01 fails the IBAN check (mod 97 gives 28, not 1)");
        assertThat(evaluate(IBAN, "{'iban': '12345'}").message()).startsWith("iban 12345 is not shaped like an IBAN");
    }

    @Test
    void aCardNumberPassesOrFailsTheLuhnCheckWithoutShowingItsDigits() {
        assertThat(evaluate(CARD, "{'cardNumber': '4111 1111 1111 1111'}").message())
                .isEqualTo("cardNumber ending 1111 has valid check digits");
        RuleResult failed = evaluate(CARD, "{'cardNumber': '4111-1111-1111-1112'}");

        assertThat(failed.outcome()).isEqualTo(RuleOutcome.FAILED);
        assertThat(failed.message()).isEqualTo("cardNumber ending 1112 fails the Luhn check");
    }

    @Test
    void aCardPrintedMaskedOrByItsLastDigitsCannotBeChecked() {
        assertThat(evaluate(CARD, "{'cardNumber': '************1111'}").outcome()).isEqualTo(RuleOutcome.SKIPPED);
        RuleResult lastDigits = evaluate(CARD, "{'cardNumber': 'VISA ending 1111'}");

        assertThat(lastDigits.outcome()).isEqualTo(RuleOutcome.SKIPPED);
        assertThat(lastDigits.message()).isEqualTo("printed masked or in part, nothing to check: cardNumber");
        assertThat(evaluate(CARD, "{}").message()).isEqualTo("cardNumber absent");
    }

    @Test
    void luhnRulesMaskByDefaultAndIbanRulesDoNot() {
        assertThat(((ChecksumRule) rule(CARD)).mask()).isTrue();
        assertThat(((ChecksumRule) rule(IBAN)).mask()).isFalse();
        assertThat(((ChecksumRule) rule("{'id': 'c', 'check': 'checksum', 'field': '/cardNumber', 'algorithm': 'luhn', 'mask': false}")).mask())
                .isFalse();
    }
}
