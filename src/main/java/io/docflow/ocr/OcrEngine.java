package io.docflow.ocr;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Reads the text of one page image. Implementations are thread-safe; each call is one page. */
public interface OcrEngine {

    /** The engine's name in results and reasons: {@code tesseract}, {@code textract}. */
    String name();

    /**
     * @param image   a grayscale PNG of the page
     * @param dpi     the image's resolution when known (a rendered PDF page), else 0
     * @param timeout the page's time limit
     * @throws OcrPageException        the page cannot be read (left out with the exception's reason)
     * @throws OcrUnavailableException the engine cannot be reached now; the document waits and tries again
     */
    PageRead read(Path image, int dpi, Duration timeout) throws IOException, InterruptedException;

    /**
     * The orientation pass the renderer should run before the page is read, or null: the engine reads pages as they
     * come and finds their orientation itself (Textract), or detection is off.
     */
    default PageRenderer.OrientationPass orientationPass() {
        return null;
    }
}
