package io.docflow.api;

/** An upload whose sniffed type docflow does not read (415). */
class UnsupportedDocumentTypeException extends RuntimeException {

    private final String detectedType;

    UnsupportedDocumentTypeException(String fileName, String detectedType) {
        super("'" + fileName + "' is " + detectedType + " (detected from its content), which docflow does not read; "
                + "accepted: docflow.security.uploads.accepted-types");
        this.detectedType = detectedType;
    }

    String detectedType() {
        return detectedType;
    }
}
