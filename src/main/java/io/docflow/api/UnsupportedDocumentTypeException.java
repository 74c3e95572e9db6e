package io.docflow.api;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** An upload whose sniffed type docflow does not read: 415 {@code unsupported_document_type}, naming the type. */
class UnsupportedDocumentTypeException extends ProblemException {

    private final String detectedType;

    UnsupportedDocumentTypeException(String fileName, String detectedType) {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_document_type", "Unsupported document type",
                "'" + fileName + "' is " + detectedType + " (detected from its content), which docflow does not read; "
                        + "accepted: docflow.security.uploads.accepted-types");
        this.detectedType = detectedType;
    }

    String detectedType() {
        return detectedType;
    }

    @Override
    Map<String, Object> members() {
        return Map.of("detectedType", detectedType);
    }
}
