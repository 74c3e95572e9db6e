package io.docflow.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BreakFinderTest {

    //                          0         1         2         3
    //                          0123456789012345678901234567890123456789
    private static final String PARAGRAPHS = "First para.\n\nSecond para here.\n  \n\n  Third.";
    private static final String SENTENCES = "One. Two! Three?";
    private static final String WORDS = "alpha beta gamma";

    @Test
    void paragraphsStartAfterABlankLineAndItsFollowingWhitespace() {
        BreakFinder breaks = new BreakFinder(PARAGRAPHS);

        assertThat(PARAGRAPHS.substring(13)).startsWith("Second");
        assertThat(PARAGRAPHS.substring(37)).isEqualTo("Third.");
        assertThat(breaks.lastParagraphStart(0, PARAGRAPHS.length())).isEqualTo(37);
        assertThat(breaks.lastParagraphStart(0, 36)).isEqualTo(13);
    }

    @Test
    void theParagraphSearchIsExclusiveBelowAndInclusiveAbove() {
        BreakFinder breaks = new BreakFinder(PARAGRAPHS);

        assertThat(breaks.lastParagraphStart(0, 37)).isEqualTo(37);
        assertThat(breaks.lastParagraphStart(13, 36)).isEqualTo(-1);
        assertThat(breaks.lastParagraphStart(12, 36)).isEqualTo(13);
        assertThat(breaks.lastParagraphStart(0, 12)).isEqualTo(-1);
        assertThat(breaks.lastParagraphStart(37, PARAGRAPHS.length())).isEqualTo(-1);
    }

    @Test
    void aSingleLineBreakIsNoParagraphAndNeitherIsABlankLineAtTheEnd() {
        assertThat(new BreakFinder("one\ntwo\nthree").lastParagraphStart(0, 13)).isEqualTo(-1);
        assertThat(new BreakFinder("abc\n\n").lastParagraphStart(0, 5)).isEqualTo(-1);
        assertThat(new BreakFinder("abc\n\t\r\ndef").lastParagraphStart(0, 10)).isEqualTo(7);
    }

    @Test
    void lastSentenceStartFindsTheLatestBoundaryInRange() {
        BreakFinder breaks = new BreakFinder(SENTENCES);

        assertThat(breaks.lastSentenceStart(0, 12)).isEqualTo(10);
        assertThat(breaks.lastSentenceStart(0, 10)).isEqualTo(10);
        assertThat(breaks.lastSentenceStart(0, 9)).isEqualTo(5);
        assertThat(breaks.lastSentenceStart(5, 9)).isEqualTo(-1);
        assertThat(breaks.lastSentenceStart(0, 4)).isEqualTo(-1);
    }

    @Test
    void firstSentenceStartFindsTheEarliestBoundaryInRange() {
        BreakFinder breaks = new BreakFinder(SENTENCES);

        assertThat(breaks.firstSentenceStart(1, 16)).isEqualTo(5);
        assertThat(breaks.firstSentenceStart(5, 5)).isEqualTo(5);
        assertThat(breaks.firstSentenceStart(6, 12)).isEqualTo(10);
        assertThat(breaks.firstSentenceStart(6, 9)).isEqualTo(-1);
    }

    @Test
    void lastWordStartIsTheLatestOffsetAfterWhitespace() {
        BreakFinder breaks = new BreakFinder(WORDS);

        assertThat(breaks.lastWordStart(0, 13)).isEqualTo(11);
        assertThat(breaks.lastWordStart(0, 11)).isEqualTo(11);
        assertThat(breaks.lastWordStart(0, 10)).isEqualTo(6);
        assertThat(breaks.lastWordStart(11, 15)).isEqualTo(-1);
        assertThat(breaks.lastWordStart(0, 5)).isEqualTo(-1);
    }

    @Test
    void firstWordStartSkipsRunsOfWhitespace() {
        BreakFinder breaks = new BreakFinder(WORDS);
        assertThat(breaks.firstWordStart(0, 15)).isEqualTo(6);
        assertThat(breaks.firstWordStart(6, 15)).isEqualTo(6);
        assertThat(breaks.firstWordStart(7, 15)).isEqualTo(11);
        assertThat(breaks.firstWordStart(12, 15)).isEqualTo(-1);
        assertThat(breaks.firstWordStart(0, 5)).isEqualTo(-1);

        BreakFinder spaced = new BreakFinder("a   b");
        assertThat(spaced.firstWordStart(0, 4)).isEqualTo(4);
        assertThat(spaced.firstWordStart(0, 3)).isEqualTo(-1);
    }

    @Test
    void aTextWithoutWhitespaceHasNoWordStarts() {
        BreakFinder breaks = new BreakFinder("x".repeat(50));

        assertThat(breaks.lastWordStart(0, 50)).isEqualTo(-1);
        assertThat(breaks.firstWordStart(0, 49)).isEqualTo(-1);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String text = "a\uD83D\uDE00b"; // a, grinning face (two chars), b
        BreakFinder breaks = new BreakFinder(text);

        assertThat(breaks.codePointBoundary(2)).isEqualTo(1);
        assertThat(breaks.codePointBoundary(1)).isEqualTo(1);
        assertThat(breaks.codePointBoundary(3)).isEqualTo(3);
        assertThat(breaks.codePointBoundary(0)).isZero();
        assertThat(breaks.codePointBoundary(text.length())).isEqualTo(text.length());
    }

    @Test
    void anEmptyTextHasNoBreaks() {
        BreakFinder breaks = new BreakFinder("");

        assertThat(breaks.lastParagraphStart(-1, 0)).isEqualTo(-1);
        assertThat(breaks.lastWordStart(0, 0)).isEqualTo(-1);
        assertThat(breaks.codePointBoundary(0)).isZero();
    }
}
