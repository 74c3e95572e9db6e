package io.docflow.ocr;

/** Where a page's text came from. */
public enum PageSource {
    /** The document's own text layer (a born-digital PDF page). */
    TEXT_LAYER,
    /** Optical character recognition of the page's image. */
    OCR,
    /** Neither: OCR read nothing, or the page was left out (see {@link PageText#leftOut()}). */
    NONE
}
