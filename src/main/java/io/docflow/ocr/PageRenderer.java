package io.docflow.ocr;

import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Turns one page of a scan into a PNG for an {@link OcrEngine}: a page of a PDF rendered at a resolution, or a frame
 * of an image decoded. Decoding is where a hostile file does its harm (a frame that decodes to gigabytes, a content
 * stream that never ends), so docflow does it in a parser worker ({@code ParserWorkerPool}) when parsing is isolated,
 * and with {@link InProcessPageRenderer} otherwise. Thread-safe.
 */
public interface PageRenderer {

    /**
     * @param document    the spooled document
     * @param contentType its detected type: {@code application/pdf} or {@code image/*}
     * @param page        the page (PDF) or frame (image), from 1
     * @param dpi         a PDF page's resolution; ignored for images
     * @param maxPixels   a page larger than this is left out ({@link LeftOut#IMAGE_TOO_LARGE}) without being decoded
     * @param png         where to write the page's image
     * @param timeout     the time the rendering may take
     */
    RenderedPage render(Path document, String contentType, int page, int dpi, long maxPixels, Path png, Duration timeout);

    /**
     * What became of one page.
     *
     * @param pages   the document's pages (PDF) or frames (TIFF; 1 for other images), 0 when it cannot be read
     * @param leftOut null when the PNG was written; else why not, with the {@code reason}
     */
    record RenderedPage(int pages, LeftOut leftOut, String reason) {

        public static RenderedPage written(int pages) {
            return new RenderedPage(pages, null, null);
        }

        public static RenderedPage leftOut(int pages, LeftOut why, String reason) {
            return new RenderedPage(pages, why, reason);
        }

        @JsonIgnore
        public boolean isWritten() {
            return leftOut == null;
        }
    }
}
