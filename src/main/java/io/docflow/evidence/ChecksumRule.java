package io.docflow.evidence;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The value at {@code field} (each value, with {@code *}) carries valid check digits: {@code iban} (mod 97) or
 * {@code luhn} (payment cards). A value printed masked cannot be checked; with nothing checkable the rule is
 * skipped. Card numbers never appear in full in a message, and with {@code mask} (the default for {@code luhn})
 * the review's output shows only their last four digits.
 */
record ChecksumRule(String id, String description, String field, Algorithm algorithm, boolean mask) implements Rule {

    enum Algorithm {
        IBAN, LUHN
    }

    static String describe(String field, Algorithm algorithm) {
        return Pointers.display(field) + (algorithm == Algorithm.IBAN ? " is a valid IBAN" : " passes the Luhn check");
    }

    @Override
    public RuleResult evaluate(JsonNode fields) {
        List<Pointers.Located> values = Presence.stated(fields, field);
        if (values.isEmpty()) {
            return result(List.of(field), RuleOutcome.SKIPPED, Pointers.display(field) + " absent");
        }
        ItemFailures failures = new ItemFailures();
        List<String> checked = new ArrayList<>();
        List<String> masked = new ArrayList<>();
        for (Pointers.Located value : values) {
            String written = value.value().asText();
            if (isPartial(written)) {
                masked.add(Pointers.display(value.pointer()));
                continue;
            }
            checked.add(value.pointer());
            String problem = algorithm == Algorithm.IBAN ? ibanProblem(written) : cardProblem(written);
            if (problem != null) {
                failures.add(Pointers.display(value.pointer()) + " " + problem, List.of(value.pointer()));
            }
        }
        if (checked.isEmpty()) {
            return result(List.of(field), RuleOutcome.SKIPPED, "printed masked or in part, nothing to check: " + String.join(", ", masked));
        }
        if (!failures.isEmpty()) {
            return result(failures.fields(), RuleOutcome.FAILED, failures.describe());
        }
        return result(checked, RuleOutcome.PASSED, checked.size() == 1
                ? Pointers.display(checked.get(0)) + " " + shown(values.get(0).value().asText()) + " has valid check digits"
                : checked.size() + " values have valid check digits");
    }

    /** Printed masked (************1234), or a card shown only by its last digits: there is nothing to check. */
    private boolean isPartial(String written) {
        return Checksums.isMasked(written)
                || algorithm == Algorithm.LUHN && written.replaceAll("\\D", "").length() < 12;
    }

    private String shown(String written) {
        return algorithm == Algorithm.LUHN ? "ending " + CardMasking.lastFour(written) : written;
    }

    private static String ibanProblem(String written) {
        String compact = Checksums.compact(written);
        if (!Checksums.isIbanShaped(compact)) {
            return written + " is not shaped like an IBAN (country, 2 check digits, 11 to 30 letters or digits)";
        }
        int remainder = Checksums.ibanRemainder(compact);
        return remainder == 1 ? null : written + " fails the IBAN check (mod 97 gives " + remainder + ", not 1)";
    }

    private static String cardProblem(String written) {
        String digits = written.replaceAll("\\D", "");
        if (!Checksums.isCardShaped(digits)) {
            return "ending " + CardMasking.lastFour(written) + " has more than 19 digits";
        }
        return Checksums.passesLuhn(digits) ? null : "ending " + CardMasking.lastFour(written) + " fails the Luhn check";
    }
}
