package io.docflow.jobs;

import io.docflow.extract.ChunkPlan;
import io.docflow.extract.ExtractedDocument;
import io.docflow.ocr.OcrReport;

/**
 * What the extract-text stage found: the document's text and properties, where each page's text came from, and how
 * the text is chunked for extraction.
 *
 * @param ocr    null for types that are not OCR'd (neither images nor PDFs)
 * @param chunks null when the document has no text
 */
public record TextExtraction(ExtractedDocument document, OcrReport ocr, ChunkPlan chunks) {

    public boolean hasText() {
        return document.hasText();
    }
}
