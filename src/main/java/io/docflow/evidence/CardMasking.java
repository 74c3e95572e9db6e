package io.docflow.evidence;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Card numbers shown only by their last four digits: every other digit becomes {@code *}, spacing kept
 * ({@code 4111 1111 1111 1111} → {@code **** **** **** 1111}).
 */
final class CardMasking {

    /** 12 to 19 digits, possibly grouped by single spaces or dashes, not part of a longer number. */
    private static final Pattern CARD_LIKE = Pattern.compile("(?<![\\d])\\d(?:[ -]?\\d){11,18}(?![\\d])");

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

    /** {@code text} with those card-like numbers masked whose digits are among {@code cards} (digits only). */
    static String maskIn(String text, Set<String> cards) {
        if (text == null || cards.isEmpty()) {
            return text;
        }
        Matcher matcher = CARD_LIKE.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            String found = matcher.group();
            String replacement = cards.contains(found.replaceAll("\\D", "")) ? mask(found) : found;
            matcher.appendReplacement(masked, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(masked).toString();
    }

    static String lastFour(String written) {
        String digits = written.replaceAll("\\D", "");
        return digits.length() <= 4 ? digits : digits.substring(digits.length() - 4);
    }
}
