package io.docflow.ocr;

/**
 * OCR cannot run now: every OCR slot stayed busy, or the engine (Textract) is throttling, failing or behind an open
 * breaker. Not the document's fault: routes/error-handling.camel.yaml parks the document, as when no model is
 * available, and it comes back later.
 */
public class OcrUnavailableException extends RuntimeException {

    public OcrUnavailableException(String message) {
        super(message);
    }

    public OcrUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
