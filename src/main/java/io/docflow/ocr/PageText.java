package io.docflow.ocr;

/**
 * Where one page's text came from.
 *
 * @param page       page (or image frame) number, from 1
 * @param source     text layer, OCR, or none
 * @param characters characters of text the page contributes
 * @param engine     the OCR engine that read (or was to read) the page; null for text-layer pages
 * @param confidence the engine's mean word confidence, 0-100, weighted by word length; null when not OCR'd
 * @param leftOut    why the page was not OCR'd; null when it was read (or needed no OCR)
 * @param reason     the details of {@code leftOut}, or what OCR found; null when there is nothing to say
 */
public record PageText(int page, PageSource source, int characters, String engine, Double confidence,
                       LeftOut leftOut, String reason) {

    static PageText textLayer(int page, int characters) {
        return new PageText(page, PageSource.TEXT_LAYER, characters, null, null, null, null);
    }

    static PageText leftOut(int page, String engine, LeftOut why, String reason) {
        return new PageText(page, PageSource.NONE, 0, engine, null, why, reason);
    }

    /** True when an engine read the page, whether or not it found text. */
    public boolean ocrRan() {
        return engine != null && leftOut == null;
    }
}
