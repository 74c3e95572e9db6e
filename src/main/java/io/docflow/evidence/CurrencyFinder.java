package io.docflow.evidence;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an ISO 4217 code in a quote as the code itself or as a symbol that stands for it. A symbol several
 * currencies share ($, ¥, kr) grounds each of them, with a note that the symbol alone does not decide.
 */
final class CurrencyFinder {

    private static final Map<String, List<String>> SYMBOLS = Map.ofEntries(
            Map.entry("USD", List.of("US$", "$")),
            Map.entry("CAD", List.of("CA$", "C$", "$")),
            Map.entry("AUD", List.of("AU$", "A$", "$")),
            Map.entry("NZD", List.of("NZ$", "$")),
            Map.entry("HKD", List.of("HK$", "$")),
            Map.entry("SGD", List.of("S$", "$")),
            Map.entry("MXN", List.of("MX$", "$")),
            Map.entry("BRL", List.of("R$")),
            Map.entry("EUR", List.of("€")),
            Map.entry("GBP", List.of("£")),
            Map.entry("JPY", List.of("¥", "円")),
            Map.entry("CNY", List.of("¥", "元", "RMB")),
            Map.entry("INR", List.of("₹")),
            Map.entry("KRW", List.of("₩")),
            Map.entry("RUB", List.of("₽")),
            Map.entry("TRY", List.of("₺")),
            Map.entry("ILS", List.of("₪")),
            Map.entry("PLN", List.of("zł")),
            Map.entry("CHF", List.of("SFr.", "Fr.")),
            Map.entry("SEK", List.of("kr")),
            Map.entry("NOK", List.of("kr")),
            Map.entry("DKK", List.of("kr")));

    private CurrencyFinder() {
    }

    static ValueMatch find(String text, int from, int to, String value) {
        String code = value.strip().toUpperCase(Locale.ROOT);
        Matcher asCode = Pattern.compile("(?<!\\p{L})" + Pattern.quote(code) + "(?!\\p{L})", Pattern.CASE_INSENSITIVE)
                .matcher(text).region(from, to).useTransparentBounds(true);
        if (asCode.find()) {
            return ValueMatch.at(asCode.start(), asCode.end(), null);
        }
        String region = text.substring(from, to);
        for (String symbol : SYMBOLS.getOrDefault(code, List.of())) {
            for (int at = region.indexOf(symbol); at >= 0; at = region.indexOf(symbol, at + 1)) {
                if (standsAlone(region, at, symbol)) {
                    return ValueMatch.at(from + at, from + at + symbol.length(), sharedNote(symbol, code));
                }
            }
        }
        List<String> symbols = SYMBOLS.getOrDefault(code, List.of());
        return ValueMatch.missing("the quote shows neither " + code + (symbols.isEmpty() ? "" : " nor " + String.join(" or ", symbols)));
    }

    /** Not part of a word: "kr" in "Kreditkarte" is no krona, and "$" in "A$" belongs to the longer symbol. */
    private static boolean standsAlone(String region, int at, String symbol) {
        boolean letterFirst = Character.isLetter(symbol.charAt(0)) || symbol.equals("$");
        boolean letterLast = Character.isLetter(symbol.charAt(symbol.length() - 1));
        int end = at + symbol.length();
        return !(letterFirst && at > 0 && Character.isLetter(region.charAt(at - 1)))
                && !(letterLast && end < region.length() && Character.isLetter(region.charAt(end)));
    }

    private static String sharedNote(String symbol, String code) {
        List<String> others = SYMBOLS.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(code) && entry.getValue().contains(symbol))
                .map(Map.Entry::getKey).sorted().toList();
        return others.isEmpty() ? null : symbol + " is read as " + code + "; it also stands for " + String.join(", ", others);
    }
}
