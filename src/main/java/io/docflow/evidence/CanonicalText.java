package io.docflow.evidence;

import java.util.Arrays;

/**
 * Text reduced to what quotes are compared on, keeping for each character the offset it came from. Reduced are:
 * all whitespace (PDF text gains and loses spaces and line breaks), soft hyphens, a hyphen that ends a line after a
 * letter ("invoice-\nnumber"), a hyphen between two letters ("invoice-number"), so that all of these and
 * "invoicenumber" compare equal; case; and typographic dashes and quotes, which become their ASCII forms.
 */
final class CanonicalText {

    private final String chars;
    private final int[] origin;

    private CanonicalText(String chars, int[] origin) {
        this.chars = chars;
        this.origin = origin;
    }

    static CanonicalText of(String text) {
        return of(text, 0, text.length());
    }

    /** The reduced form of {@code text[from, to)}; offsets stay those of {@code text}. */
    static CanonicalText of(String text, int from, int to) {
        StringBuilder kept = new StringBuilder(Math.min(to - from, 1 << 20));
        int[] origin = new int[to - from];
        int count = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (isSpace(c) || c == '\u00AD' || isHyphen(c) && isHyphenation(text, i, from, to)) {
                continue;
            }
            kept.append(fold(c));
            origin[count++] = i;
        }
        return new CanonicalText(kept.toString(), Arrays.copyOf(origin, count));
    }

    static String canonical(String text) {
        return of(text).chars;
    }

    String chars() {
        return chars;
    }

    int length() {
        return chars.length();
    }

    /** Where the reduced range {@code [start, end)} lies in the original text. */
    int originalStart(int start) {
        return origin[start];
    }

    int originalEnd(int end) {
        return origin[end - 1] + 1;
    }

    /** The first reduced index whose character comes from {@code offset} or later; {@link #length()} if none. */
    int indexAtOrAfter(int offset) {
        int found = Arrays.binarySearch(origin, offset);
        return found >= 0 ? found : -found - 1;
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }

    private static boolean isHyphenation(String text, int at, int from, int to) {
        if (at == from || !Character.isLetter(text.charAt(at - 1))) {
            return false;
        }
        if (at + 1 < to && Character.isLetter(text.charAt(at + 1))) {
            return true;
        }
        for (int i = at + 1; i < to && isSpace(text.charAt(i)); i++) {
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                return true;
            }
        }
        return false;
    }

    private static char fold(char c) {
        return switch (c) {
            case '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
            case '\u2018', '\u2019', '\u201A', '\u2032' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u2033' -> '"';
            default -> Character.toLowerCase(c);
        };
    }
}
