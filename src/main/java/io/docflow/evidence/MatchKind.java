package io.docflow.evidence;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a value is looked for in its quote. Chosen from the schema's type and format unless a property says otherwise
 * with {@code "x-docflow-match"} (docs/document-classes.md, "Evidence-friendly schemas").
 */
enum MatchKind {
    /** Letters and digits as written, ignoring case, spacing and line-break hyphenation. */
    TEXT("text"),
    /** The same number in any common notation: 1.234,50 / 1,234.50 / 1234.50, currency signs ignored. */
    NUMBER("number"),
    /** The same calendar day in any common notation (ISO, numeric day/month, month names). */
    DATE("date"),
    /** An ISO 4217 code, found as the code or as its symbol (EUR or €). */
    CURRENCY("currency"),
    /** Letters and digits only, everything else ignored: account numbers, IBANs, references. */
    ALPHANUMERIC("alphanumeric"),
    /** Only the quote is looked for, not the value: yes/no values and values the model derives (a summary). */
    QUOTE("quote");

    private final String keyword;

    MatchKind(String keyword) {
        this.keyword = keyword;
    }

    String keyword() {
        return keyword;
    }

    static Optional<MatchKind> fromKeyword(String keyword) {
        return Arrays.stream(values()).filter(kind -> kind.keyword.equals(keyword)).findFirst();
    }

    static String keywords() {
        return Arrays.stream(values()).map(MatchKind::keyword).collect(Collectors.joining(", "));
    }
}
