package io.docflow.ocr;

/** One page could not be OCR'd: it is left out of the text for {@link #leftOut()}, and the result says why. */
public class OcrPageException extends RuntimeException {

    private final LeftOut leftOut;

    public OcrPageException(LeftOut leftOut, String message) {
        super(message);
        this.leftOut = leftOut;
    }

    public LeftOut leftOut() {
        return leftOut;
    }
}
