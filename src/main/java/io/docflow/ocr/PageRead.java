package io.docflow.ocr;

/**
 * What an engine read on one page image.
 *
 * @param text       lines separated by '\n', paragraphs by a blank line; empty when nothing was read
 * @param confidence mean word confidence, 0-100, weighted by word length; null when no word was read
 * @param rotation   degrees clockwise the engine found the page's text turned by and read it upright (Textract);
 *                   null when the engine does not say
 */
public record PageRead(String text, Double confidence, Integer rotation) {

    public PageRead(String text, Double confidence) {
        this(text, confidence, null);
    }

    /** True when the text holds at least one letter or digit: punctuation-only noise is not text. */
    public boolean readable() {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
