package io.docflow.extract;

import java.nio.file.Path;

/**
 * Turns a document spooled to a local file into its text. Failures throw {@link DocumentExtractionException} with
 * the reason; a document without text is a normal result ({@link ExtractedDocument#hasText()}).
 */
public interface DocumentParser {

    /**
     * @param document the document, read as a stream and never held whole in memory
     * @param nameHint the original file name or object key, may be null
     */
    ExtractedDocument extract(Path document, String nameHint);

    /** How messages name the document: its original name, else the spooled file's. */
    static String describe(Path document, String nameHint) {
        return "'" + (nameHint == null || nameHint.isBlank() ? document.getFileName() : nameHint) + "'";
    }
}
