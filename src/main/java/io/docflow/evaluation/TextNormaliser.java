package io.docflow.evaluation;

import java.text.Normalizer;
import java.util.Locale;

/** The forms strings are compared in: differences of case, width, accents' encoding and spacing do not count. */
final class TextNormaliser {

    private TextNormaliser() {
    }

    /** NFKC, lower case, typographic quotes and dashes made plain, runs of whitespace as one space, trimmed. */
    static String normalised(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\u2018\u2019]", "'").replaceAll("[\u201C\u201D]", "\"").replaceAll("[\u2010-\u2015]", "-");
        return s.replaceAll("\\s+", " ").trim();
    }

    /** Letters and digits only, lower case: "DE89 3704-0044" and "de8937040044" are the same account. */
    static String alphanumeric(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
