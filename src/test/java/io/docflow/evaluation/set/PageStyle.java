package io.docflow.evaluation.set;

/**
 * The page a document is set on: size in points ({@code height} 0 grows one page to its content, as a till roll),
 * margin, type face and size, and whether pages carry "Page n of N".
 */
record PageStyle(float width, float height, float margin, Face face, float fontSize, boolean pageNumbers) {

    enum Face { SANS, SERIF, MONO }

    static PageStyle letter(Face face, float fontSize) {
        return new PageStyle(612, 792, 54, face, fontSize, false);
    }

    static PageStyle a4(Face face, float fontSize) {
        return new PageStyle(595, 842, 56, face, fontSize, false);
    }

    /** An 80 mm till roll, as long as the receipt. */
    static PageStyle tillRoll(Face face, float fontSize) {
        return new PageStyle(227, 0, 14, face, fontSize, false);
    }

    PageStyle numbered() {
        return new PageStyle(width, height, margin, face, fontSize, true);
    }

    boolean growsToContent() {
        return height <= 0;
    }
}
