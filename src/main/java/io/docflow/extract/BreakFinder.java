package io.docflow.extract;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Finds the places where a text may be cut: paragraph starts (after a blank line), sentence starts, word starts.
 * Each position is the offset of the first character after the cut, so whitespace stays with the text before it.
 * Not thread-safe: one instance per text.
 */
final class BreakFinder {

    /** A line break, a line holding at most whitespace, a line break, then any further whitespace. */
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n\\s*");

    /** Context a sentence boundary is judged with, beyond the range asked about. */
    private static final int CONTEXT = 64;

    private final String text;
    private final int[] paragraphStarts;
    private final BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);

    BreakFinder(String text) {
        this.text = text;
        this.paragraphStarts = paragraphStarts(text);
    }

    /**
     * Sentence boundaries are looked for in the range asked about (and a little context), never in the whole text:
     * on a text without a sentence boundary (one enormous line) the iterator would otherwise scan back to the start
     * for every chunk, which made chunking quadratic (45 s for 2 million characters).
     */
    private BreakIterator sentencesIn(int from, int to) {
        int begin = Math.max(0, from - CONTEXT);
        int end = Math.min(text.length(), to + CONTEXT);
        sentences.setText(new StringCharacterIterator(text, begin, end, begin));
        return sentences;
    }

    /** The last paragraph start in (after, atMost], or -1. */
    int lastParagraphStart(int after, int atMost) {
        int found = Arrays.binarySearch(paragraphStarts, atMost);
        int candidate = found >= 0 ? atMost : lastBelow(-found - 1);
        return candidate > after ? candidate : -1;
    }

    /** The last sentence start in (after, atMost], or -1. */
    int lastSentenceStart(int after, int atMost) {
        BreakIterator sentences = sentencesIn(after, atMost);
        int candidate = sentences.isBoundary(atMost) ? atMost : sentences.preceding(atMost);
        return candidate != BreakIterator.DONE && candidate > after ? candidate : -1;
    }

    /** The last offset in (after, atMost] that follows whitespace, or -1. */
    int lastWordStart(int after, int atMost) {
        for (int offset = atMost; offset > after; offset--) {
            if (Character.isWhitespace(text.charAt(offset - 1))) {
                return offset;
            }
        }
        return -1;
    }

    /** The first sentence start in [from, atMost], or -1. */
    int firstSentenceStart(int from, int atMost) {
        BreakIterator sentences = sentencesIn(from, atMost);
        int candidate = sentences.isBoundary(from) ? from : sentences.following(from);
        return candidate != BreakIterator.DONE && candidate <= atMost ? candidate : -1;
    }

    /** The first offset in [from, atMost] where a word begins after whitespace, or -1. */
    int firstWordStart(int from, int atMost) {
        for (int offset = Math.max(from, 1); offset <= atMost; offset++) {
            if (Character.isWhitespace(text.charAt(offset - 1)) && !Character.isWhitespace(text.charAt(offset))) {
                return offset;
            }
        }
        return -1;
    }

    /** {@code offset}, or one less if cutting there would split a surrogate pair. */
    int codePointBoundary(int offset) {
        boolean insidePair = offset > 0 && offset < text.length()
                && Character.isHighSurrogate(text.charAt(offset - 1)) && Character.isLowSurrogate(text.charAt(offset));
        return insidePair ? offset - 1 : offset;
    }

    private int lastBelow(int insertionPoint) {
        return insertionPoint == 0 ? -1 : paragraphStarts[insertionPoint - 1];
    }

    private static int[] paragraphStarts(String text) {
        return BLANK_LINES.matcher(text).results().mapToInt(MatchResult::end).filter(end -> end < text.length()).toArray();
    }
}
