package io.docflow.ocr;

/** Why a page needing OCR was not read; the page's {@link PageText#reason()} gives the details. */
public enum LeftOut {
    /** OCR is switched off ({@code docflow.ocr.enabled=false}). */
    OCR_DISABLED,
    /** More pages needed OCR than {@code docflow.ocr.max-pages}. */
    PAGE_LIMIT,
    /** The frame or rendered page is larger than {@code docflow.ocr.max-image-pixels} (or the engine's own limit). */
    IMAGE_TOO_LARGE,
    /** The page's OCR took longer than {@code docflow.ocr.page-timeout}. */
    PAGE_TIMEOUT,
    /** The document's OCR reached {@code docflow.ocr.document-timeout} before this page was read. */
    DOCUMENT_TIMEOUT,
    /** The image format cannot be decoded for OCR (e.g. WebP, a broken frame). */
    UNREADABLE_IMAGE,
    /** The engine refused the page (Textract: bad or unsupported document). */
    ENGINE_REJECTED,
    /** The engine failed on the page (e.g. tesseract exited with an error). */
    OCR_FAILED,
    /**
     * The orientation pass found the page written in a script (e.g. Japanese) that no configured language reads; the
     * reason names the script and the language pack to install.
     */
    OCR_LANGUAGE_MISSING
}
