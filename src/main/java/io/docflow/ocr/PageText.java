package io.docflow.ocr;

import java.util.List;

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
 * @param reading    how the page image was prepared and read; null when no image of it was made
 */
public record PageText(int page, PageSource source, int characters, String engine, Double confidence,
                       LeftOut leftOut, String reason, Reading reading) {

    public PageText(int page, PageSource source, int characters, String engine, Double confidence, LeftOut leftOut,
                    String reason) {
        this(page, source, characters, engine, confidence, leftOut, reason, null);
    }

    /**
     * @param rotation  degrees the page was turned clockwise to stand upright: by docflow after Tesseract's orientation
     *                  pass, or by Textract itself
     * @param languages the languages the engine read with (Tesseract); empty for Textract, which detects them
     * @param script    the script the orientation pass found; null when not run or unsure
     * @param scale     how much the page image was enlarged for small text (1: not)
     * @param deskewed  degrees the page was straightened by (0: not)
     */
    public record Reading(int rotation, List<String> languages, String script, double scale, double deskewed) {

        public Reading {
            languages = List.copyOf(languages);
        }

        Reading rotated(int degrees) {
            return new Reading(degrees, languages, script, scale, deskewed);
        }
    }

    static PageText textLayer(int page, int characters) {
        return new PageText(page, PageSource.TEXT_LAYER, characters, null, null, null, null);
    }

    static PageText leftOut(int page, String engine, LeftOut why, String reason) {
        return new PageText(page, PageSource.NONE, 0, engine, null, why, reason);
    }

    PageText withCharacters(int count) {
        return new PageText(page, source, count, engine, confidence, leftOut, reason, reading);
    }

    PageText withReading(Reading how) {
        return new PageText(page, source, characters, engine, confidence, leftOut, reason, how);
    }

    /** True when an engine read the page, whether or not it found text. */
    public boolean ocrRan() {
        return engine != null && leftOut == null;
    }
}
