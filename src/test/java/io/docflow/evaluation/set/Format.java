package io.docflow.evaluation.set;

/** How a document of the set is delivered: a PDF with a text layer, a Word file, or a scan without any text. */
enum Format {
    PDF("pdf", "pdf"),
    DOCX("docx", "docx"),
    SCANNED_PDF("pdf", "scan"),
    SCANNED_PNG("png", "scan");

    private final String extension;
    private final String family;

    Format(String extension, String family) {
        this.extension = extension;
        this.family = family;
    }

    String extension() {
        return extension;
    }

    /** {@code pdf}, {@code docx} or {@code scan}. */
    String family() {
        return family;
    }

    boolean isScan() {
        return "scan".equals(family);
    }
}
