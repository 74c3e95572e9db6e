package io.docflow.evaluation.set;

/** The bytes of a planned document in its format. */
final class Renderings {

    private Renderings() {
    }

    static byte[] render(DocumentSpec spec) {
        return switch (spec.format()) {
            case PDF -> PdfRendering.render(spec);
            case DOCX -> DocxRendering.render(spec);
            case SCANNED_PDF, SCANNED_PNG -> ScanRendering.render(spec);
        };
    }
}
