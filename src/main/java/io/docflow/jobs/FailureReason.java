package io.docflow.jobs;

/** Why a job ended FAILED or NEEDS_REVIEW: the machine-readable {@code reason} of the job and its result. */
public enum FailureReason {
    /** The document has no extractable text (an image-only scan, an empty file). */
    NO_TEXT,
    /** Tika recognises no parser for the detected type. */
    UNSUPPORTED_TYPE,
    /** The parser failed on the file: broken or truncated. */
    CORRUPT_DOCUMENT,
    /** Every page needing OCR was larger than docflow.ocr.max-image-pixels, so no text was read. */
    IMAGE_TOO_LARGE,
    /** OCR ran out of docflow.ocr.page-timeout or docflow.ocr.document-timeout before reading any text. */
    OCR_TIMEOUT,
    /**
     * No text was read because the scan is written in a script no configured OCR language reads (the error names the
     * script and the tesseract-ocr-* pack to install, and docflow.ocr.languages).
     */
    OCR_LANGUAGE_MISSING,
    /** NEEDS_REVIEW: the mean OCR confidence is below docflow.ocr.review-below. */
    LOW_OCR_CONFIDENCE,
    /** The file is password-protected. */
    ENCRYPTED,
    /** The parser ran longer than docflow.extract.parse-timeout; its worker was killed. */
    PARSE_TIMEOUT,
    /**
     * A decompression bomb: the document expands far beyond its size (zip entries past
     * docflow.extract.max-expansion-ratio, XML entity expansion), or its parse exhausted a parser worker's heap.
     */
    TOO_LARGE_EXPANDED,
    /** Markup, archives or embedded documents nested deeper than a parser follows. */
    TOO_DEEPLY_NESTED,
    /** The parser worker died on the document (a JVM or native crash), not of its heap or time limit. */
    PARSER_CRASHED,
    /**
     * The job was started docflow.jobs.max-unfinished-attempts times and never finished: each attempt ended with the
     * process (an out-of-memory kill, a crash); the error names the stage it was last in.
     */
    CRASHED_REPEATEDLY,
    /** More pages than docflow.extract.max-pages: refused as its parser reaches the page past the limit. */
    TOO_MANY_PAGES,
    /** Larger than docflow.extract.max-document-bytes. */
    TOO_LARGE,
    /** The object named by the event no longer exists. */
    SOURCE_NOT_FOUND,
    /** The model's answers could not be read or validated, even after repair. */
    INVALID_MODEL_OUTPUT,
    /**
     * NEEDS_REVIEW: the fields are valid but their review asks for a person: a rule of the class failed, a value is
     * not grounded in the text or its confidence is below its threshold; the error lists the reasons.
     */
    FIELDS_NEED_REVIEW,
    /** The model rejected the request for good (validation, access, unknown model). */
    MODEL_REJECTED,
    /** The message kept failing until SQS moved it to the dead-letter queue (maxReceiveCount receives). */
    POISON_MESSAGE,
    /** A reviewer rejected the NEEDS_REVIEW job (POST /api/v1/jobs/{jobId}/review, action reject); the error holds their comment. */
    REJECTED_IN_REVIEW
}
