package io.docflow.extract;

/** Why a document yielded no usable text; stable codes for job statuses, metrics and alerts. */
public enum ExtractionFailure {

    /** No parser exists for the type detected from the document's bytes. */
    UNSUPPORTED_TYPE,

    /** The parser for the detected type failed on the document's content. */
    CORRUPT_DOCUMENT,

    /** The document is password protected or encrypted. */
    ENCRYPTED_DOCUMENT,

    /** The document is larger than {@code docflow.extract.max-document-bytes}. */
    TOO_LARGE,

    /** The spooled copy of the document could not be read: a local I/O problem, not the document's fault. */
    READ_FAILED,
    /** The parser ran longer than docflow.extract.parse-timeout. */
    PARSE_TIMEOUT,

    /**
     * The document parsed but holds no text, e.g. a scan or an image. {@link TextExtractor} never throws this;
     * it returns a result whose {@link ExtractedDocument#hasText()} is false and the caller decides.
     */
    NO_TEXT
}
