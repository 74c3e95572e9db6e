package io.docflow.extract;

import java.io.IOException;
import java.nio.file.Path;

import io.docflow.jobs.FailureReason;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Refuses a PDF whose page tree declares more than docflow.extract.max-pages pages before it is parsed: Tika's PDF
 * parser walks the whole page tree before its first page, which for 100,000 pages outlasts the parse timeout. Reading
 * the declared count costs the cross-reference table only. A file that lies about its count is still stopped as its
 * parser reaches the page past the limit ({@link PageStarts}).
 */
final class PdfPageCount {

    private PdfPageCount() {
    }

    static void check(Path pdf, int maxPages, String description) {
        int pages;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            pages = document.getNumberOfPages();
        } catch (IOException | RuntimeException e) {
            // encrypted, broken: the parse that follows says what is wrong with it
            return;
        }
        if (pages > maxPages) {
            throw new DocumentExtractionException(FailureReason.TOO_MANY_PAGES, "PDF document " + description
                    + " has " + pages + " pages, more than docflow.extract.max-pages (" + maxPages + ")");
        }
    }
}
