package io.docflow.evidence;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Month names and their usual abbreviations in English, German and French, for dates written in words. */
final class MonthNames {

    private static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        add(1, "january", "jan", "januar", "jänner", "janvier", "janv");
        add(2, "february", "feb", "februar", "febr", "février", "fevrier", "févr", "fevr");
        add(3, "march", "mar", "märz", "maerz", "mars", "mrz");
        add(4, "april", "apr", "avril", "avr");
        add(5, "may", "mai");
        add(6, "june", "jun", "juni", "juin");
        add(7, "july", "jul", "juli", "juillet", "juil");
        add(8, "august", "aug", "août", "aout");
        add(9, "september", "sep", "sept", "septembre");
        add(10, "october", "oct", "oktober", "okt", "octobre");
        add(11, "november", "nov", "novembre");
        add(12, "december", "dec", "dezember", "dez", "décembre", "decembre", "déc");
    }

    private MonthNames() {
    }

    private static void add(int month, String... names) {
        for (String name : names) {
            MONTHS.put(name, month);
        }
    }

    /** The month (1 to 12) a word names, or null. */
    static Integer month(String word) {
        return MONTHS.get(word.toLowerCase(Locale.ROOT));
    }
}
