package io.docflow.evidence;

import java.math.BigInteger;
import java.util.Locale;

/** Check digits of IBANs (ISO 13616, mod 97) and payment card numbers (Luhn). */
final class Checksums {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Checksums() {
    }

    /** The printed form without the spaces and dashes it is grouped with. */
    static String compact(String written) {
        return written.replaceAll("[\\s\\-.\u00A0]", "").toUpperCase(Locale.ROOT);
    }

    /** Printed masked, e.g. ************1234 or XXXX XXXX XXXX 1234: there is nothing to check. */
    static boolean isMasked(String written) {
        return written.matches(".*[*•xX#].*") && written.matches(".*\\d.*") && !compact(written).matches("[A-Z]{2}\\d{2}[A-Z0-9]+");
    }

    static boolean isIbanShaped(String compact) {
        return compact.matches("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");
    }

    /** The remainder mod 97 of the IBAN with its first four characters moved to the end and letters as numbers; 1 if valid. */
    static int ibanRemainder(String compact) {
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }

    static boolean isCardShaped(String compact) {
        return compact.matches("\\d{12,19}");
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
