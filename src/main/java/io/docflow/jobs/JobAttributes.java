package io.docflow.jobs;

/** The attribute names of a job's item in the jobs table, in one place ({@link JobsTable} writes them all). */
public final class JobAttributes {

    public static final String JOB_ID = "jobId";
    /** {@code s3://bucket/key#version-or-etag}; the second key (index) of the table. */
    public static final String SOURCE_KEY = "sourceKey";
    public static final String STATUS = "status";
    public static final String BUCKET = "bucket";
    public static final String KEY = "key";
    public static final String SIZE = "size";
    public static final String E_TAG = "eTag";
    public static final String VERSION_ID = "versionId";
    public static final String RECEIVED_VIA = "receivedVia";
    public static final String CREATED_AT = "createdAt";
    /** The UTC day the job was created ({@code yyyy-MM-dd}): the partition key of the newest-first index. */
    public static final String CREATED_DAY = "createdDay";
    /** Fixed-width creation time, '#', job id: the sort key of the listing indexes ({@link JobIndexes}). */
    public static final String CREATED_KEY = "createdKey";
    public static final String UPDATED_AT = "updatedAt";
    /** The SQS message id whose exchange processes the job; its redelivery may resume the job, no other message may. */
    public static final String CLAIMED_BY = "claimedBy";
    /** Times processing started (markProcessing); minus parkings and failed attempts, the attempts that crashed. */
    public static final String ATTEMPTS = "attempts";
    /** Attempts that ended with an exception docflow saw (the message then comes back), not with the process. */
    public static final String FAILED_ATTEMPTS = "failedAttempts";
    /** The stage the job is in or was last in: what a crash loop's error names. */
    public static final String STAGE = "stage";
    public static final String PROCESSING_STARTED_AT = "processingStartedAt";
    public static final String PARKED_REASON = "parkedReason";
    public static final String PARKINGS = "parkings";
    public static final String FINISHED_AT = "finishedAt";
    public static final String RESULT_LOCATION = "resultLocation";
    public static final String DOCUMENT_CLASS = "documentClass";
    public static final String CONFIDENCE = "confidence";
    public static final String REASON = "reason";
    public static final String ERROR = "error";
    public static final String MODEL = "model";
    public static final String INPUT_TOKENS = "inputTokens";
    public static final String OUTPUT_TOKENS = "outputTokens";
    /** Per model task (CLASSIFY, EXTRACT, REPAIR): tool_use, text or mixed. */
    public static final String OUTPUT = "output";
    public static final String COST_USD = "costUsd";
    public static final String STAGE_MILLIS = "stageMillis";
    public static final String KEY_FIELDS = "keyFields";
    public static final String PAGE_SOURCES = "pageSources";
    public static final String OCR_ENGINE = "ocrEngine";
    public static final String OCR_PAGE_CONFIDENCE = "ocrPageConfidence";
    public static final String OCR_CONFIDENCE = "ocrConfidence";
    public static final String PAGES_LEFT_OUT = "pagesLeftOut";
    public static final String ANNOUNCED = "announced";
    /** Who asked for the job over the legacy SOAP bridge, where and how its answers go, when its result went. */
    public static final String LEGACY_CORRELATION_ID = "legacyCorrelationId";
    public static final String LEGACY_REPLY_QUEUE = "legacyReplyQueue";
    public static final String LEGACY_SOAP_VERSION = "legacySoapVersion";
    public static final String LEGACY_RESULT_SENT_AT = "legacyResultSentAt";
    /** When the ProcessDocumentResult of a reviewed legacy job went out (its second result, after review). */
    public static final String LEGACY_REVIEW_RESULT_SENT_AT = "legacyReviewResultSentAt";
    /**
     * The review of a NEEDS_REVIEW job: who holds its claim (a lease) and until when (fixed-width UTC time, so that
     * text order is time order), then who reviewed it, when, and what they did ({@link ReviewAction}).
     */
    public static final String REVIEWER = "reviewer";
    public static final String REVIEW_CLAIM_EXPIRES_AT = "reviewClaimExpiresAt";
    public static final String REVIEWED_BY = "reviewedBy";
    public static final String REVIEWED_AT = "reviewedAt";
    /** The UTC day of reviewedAt: the partition key of the reviewed index ({@link JobIndexes#REVIEWED_INDEX}). */
    public static final String REVIEWED_DAY = "reviewedDay";
    public static final String REVIEW_ACTION = "reviewAction";

    private JobAttributes() {
    }
}
