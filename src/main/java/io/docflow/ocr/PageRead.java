package io.docflow.ocr;

/**
 * What an engine read on one page image.
 *
 * @param text       lines separated by '\n', paragraphs by a blank line; empty when nothing was read
 * @param confidence mean word confidence, 0-100, weighted by word length; null when no word was read
 */
public record PageRead(String text, Double confidence) {

    /** True when the text holds at least one letter or digit: punctuation-only noise is not text. */
    public boolean readable() {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
