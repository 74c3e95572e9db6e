package io.docflow.evaluation.set;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a document writes its dates. A document uses one style throughout; the numeric day/month styles say so in the
 * document ("Dates: DD/MM/YYYY") so that no date is ambiguous. The truth always holds ISO dates.
 */
enum DateStyle {
    ISO("yyyy-MM-dd", null),
    DAY_MONTH_NAME("d MMMM yyyy", null),
    MONTH_NAME_DAY("MMMM d, yyyy", null),
    DAY_SHORT_MONTH("d MMM yyyy", null),
    DAY_MONTH_SLASHES("dd/MM/yyyy", "DD/MM/YYYY"),
    MONTH_DAY_SLASHES("MM/dd/yyyy", "MM/DD/YYYY"),
    DAY_MONTH_DOTS("dd.MM.yyyy", "DD.MM.YYYY");

    private final DateTimeFormatter formatter;
    private final String hint;

    DateStyle(String pattern, String hint) {
        this.formatter = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
        this.hint = hint;
    }

    String format(LocalDate date) {
        return formatter.format(date);
    }

    /** The order to state in the document, e.g. {@code DD/MM/YYYY}, or null when the style is unambiguous. */
    String hint() {
        return hint;
    }
}
