package io.docflow.evidence;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Card numbers shown only by their last four digits: every other digit becomes {@code *}, spacing kept
 * ({@code 4111 1111 1111 1111} → {@code **** **** **** 1111}).
 */
final class CardMasking {

    private CardMasking() {
    }

    static String mask(String written) {
        int digits = (int) written.chars().filter(Character::isDigit).count();
        StringBuilder masked = new StringBuilder(written.length());
        int seen = 0;
        for (char c : written.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                masked.append(seen > digits - 4 ? c : '*');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }

    /**
     * {@code text} with every writing of the {@code cards} (digits only) masked: the card's own digits, grouped by
     * single spaces or dashes, not part of a longer number. Looking for each card rather than for any long run of
     * digits keeps a card masked when a number follows it after a space ({@code 4111111111111111 12.50}).
     */
    static String maskIn(String text, Set<String> cards) {
        if (text == null || cards.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String card : cards) {
            Matcher matcher = written(card).matcher(masked);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(out, Matcher.quoteReplacement(mask(matcher.group())));
            }
            masked = matcher.appendTail(out).toString();
        }
        return masked;
    }

    private static Pattern written(String card) {
        StringBuilder pattern = new StringBuilder("(?<!\\d)");
        for (int i = 0; i < card.length(); i++) {
            pattern.append(i == 0 ? "" : "[ -]?").append(card.charAt(i));
        }
        return Pattern.compile(pattern.append("(?!\\d)").toString());
    }

    static String lastFour(String written) {
        String digits = written.replaceAll("\\D", "");
        return digits.length() <= 4 ? digits : digits.substring(digits.length() - 4);
    }
}
