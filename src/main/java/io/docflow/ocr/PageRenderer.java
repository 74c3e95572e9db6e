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
     * @param preparation what is done to the decoded page before it is written (normalisation, orientation)
     * @param png         where to write the page's image
     * @param timeout     the time the rendering may take
     */
    RenderedPage render(Path document, String contentType, int page, int dpi, long maxPixels, Preparation preparation,
                        Path png, Duration timeout);

    /**
     * @param deskew      straighten a page scanned a few degrees askew ({@code docflow.ocr.deskew})
     * @param orientation Tesseract's orientation pass run on the normalised page, which is then turned upright; null:
     *                    the page is written as it was decoded (Textract finds the orientation itself)
     */
    record Preparation(boolean deskew, OrientationPass orientation) {

        /** Normalised, not deskewed, no orientation pass. */
        public static final Preparation NORMALISED = new Preparation(false, null);
    }

    /** How to run Tesseract's orientation and script detection ({@code --psm 0}). */
    record OrientationPass(String command, String dataPath) {
    }

    /**
     * What became of one page.
     *
     * @param pages    the document's pages (PDF) or frames (TIFF; 1 for other images), 0 when it cannot be read
     * @param leftOut  null when the PNG was written; else why not, with the {@code reason}
     * @param scale    how much the page was enlarged to make its text readable (1: not)
     * @param deskewed degrees the page was turned to straighten it (0: not)
     * @param rotation degrees the page was turned clockwise to stand upright (0: not)
     * @param script   the script the orientation pass found ({@code Latin}, {@code Japanese}...); null when not run
     *                 or unsure
     */
    record RenderedPage(int pages, LeftOut leftOut, String reason, double scale, double deskewed, int rotation,
                        String script) {

        public static RenderedPage written(int pages) {
            return new RenderedPage(pages, null, null, 1, 0, 0, null);
        }

        public static RenderedPage leftOut(int pages, LeftOut why, String reason) {
            return new RenderedPage(pages, why, reason, 1, 0, 0, null);
        }

        @JsonIgnore
        public boolean isWritten() {
            return leftOut == null;
        }
    }
}
