package io.docflow.evidence;

/** Finds a text value in a quote, compared in {@link CanonicalText} form or by its letters and digits only. */
final class TextFinder {

    private TextFinder() {
    }

    static ValueMatch find(String text, int from, int to, String value) {
        String wanted = CanonicalText.canonical(value);
        if (wanted.isEmpty()) {
            return ValueMatch.missing("the value is blank");
        }
        CanonicalText quote = CanonicalText.of(text, from, to);
        int at = quote.chars().indexOf(wanted);
        return at < 0
                ? ValueMatch.missing("the quote does not contain \"" + value + "\"")
                : ValueMatch.at(quote.originalStart(at), quote.originalEnd(at + wanted.length()), null);
    }

    /** Letters and digits only, ignoring case: "DE89 3704-0044" is DE8937040044, "****1234" is 1234. */
    static ValueMatch findAlphanumeric(String text, int from, int to, String value) {
        String wanted = alphanumeric(value, 0, value.length(), null);
        if (wanted.isEmpty()) {
            return ValueMatch.missing("the value \"" + value + "\" has no letters or digits to look for");
        }
        int[] origin = new int[to - from];
        int at = alphanumeric(text, from, to, origin).indexOf(wanted);
        return at < 0
                ? ValueMatch.missing("the quote does not contain \"" + value + "\" (letters and digits compared)")
                : ValueMatch.at(origin[at], origin[at + wanted.length() - 1] + 1, null);
    }

    private static String alphanumeric(String text, int from, int to, int[] origin) {
        StringBuilder kept = new StringBuilder();
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (origin != null) {
                    origin[kept.length()] = i;
                }
                kept.append(Character.toLowerCase(c));
            }
        }
        return kept.toString();
    }
}
