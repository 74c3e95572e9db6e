package io.docflow.evaluation;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The forms strings are compared in: differences of case, width, accents' encoding and spacing do not count. */
final class TextNormaliser {

    /** Aligning 500 rows compares each text with 500 others; its forms are computed once (per comparison). */
    static final class Cached {
        private static final int LIMIT = 50_000;
        private final UnaryOperator<String> form;
        private final Map<String, String> forms = new HashMap<>();

        Cached(UnaryOperator<String> form) {
            this.form = form;
        }

        String apply(String text) {
            if (forms.size() > LIMIT) {
                forms.clear();
            }
            return forms.computeIfAbsent(text, form);
        }
    }

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
