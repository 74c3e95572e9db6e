package io.docflow.exchange;

import java.util.List;

import io.docflow.ingest.SourceObject;
import io.docflow.jobs.Claim;
import io.docflow.jobs.DocumentJob;
import io.docflow.jobs.JobRecord;
import io.docflow.legacy.LegacyAnswer;
import io.docflow.legacy.LegacyRequest;
import io.docflow.legacy.StoredDocument;
import io.docflow.model.ModelRequest;
import io.docflow.notify.DocumentReviewed;

/**
 * Every variable the routes share, in one place. ExchangeVariablesTest checks routes/ against this list: a variable a
 * route sets or reads must be declared here, and each declared one must be used.
 */
public final class Variables {

    // ingest and processing (routes/ingest, process, store, notify, error-handling)
    public static final Variable<String> INGEST_MESSAGE = new Variable<>("ingestMessage", String.class,
            "ingest-from-queue (the SQS message's body)", "dead-letter-ingest-message (a crash loop's message)");
    public static final Variable<String> MESSAGE_ID = new Variable<>("messageId", String.class,
            "ingest-from-queue (the SQS message id)", "register-job (the claim), park-document");
    public static final Variable<Object> PARK_COUNT = new Variable<>("parkCount", Object.class,
            "ingest-from-queue (message attribute docflowParkCount, text), park-document (the next count, a number)",
            "register-job (only a message back from parking may take a parked job), park-document");
    public static final Variable<SourceObject> SOURCE = new Variable<>("source", SourceObject.class,
            "register-job, legacy-process-document; ReviewAnnouncer", "the job steps, store-result, park-document, legacy-reply-if-needed, legacy-reply-after-review");
    public static final Variable<String> JOB_ID = new Variable<>("jobId", String.class,
            "register-job, legacy-process-document, legacy-get-status; ReviewAnnouncer", "every job step; JobCorrelation; review-completed");
    public static final Variable<Claim> CLAIM = new Variable<>("claim", Claim.class,
            "register-job (jobsTable.claim)", "register-job");
    public static final Variable<DocumentJob> JOB = new Variable<>("job", DocumentJob.class,
            "process-document (documentOutcomes.begin); register-job (a finished job to announce)",
            "the stages, store-result, announce, process-errors; StageTimer");
    public static final Variable<Boolean> FINALIZED = new Variable<>("finalized", Boolean.class,
            "store-result (this exchange wrote the final status); register-job (announcement pending)",
            "announce");

    // one model call (routes/model.camel.yaml, ConverseExchange, ModelPacing, ModelRetryHook, ModelFallback)
    public static final Variable<ModelRequest> MODEL_REQUEST = new Variable<>("modelRequest", ModelRequest.class,
            "ConverseExchange.prepare; ModelFallback (the fallback model); ConverseExchange.send (the text form for a "
                    + "model that refused tool use)",
            "converse; ConverseExchange, ModelPacing, ModelRetryHook, ModelFallback, ToolUseSupport, ToolUseRefusalHook");
    public static final Variable<Integer> MODEL_ATTEMPTS = new Variable<>("modelAttempts", Integer.class,
            "ConverseExchange.prepare; ModelPacing (each attempt)", "ConverseExchange (the reply's attempts)");
    public static final Variable<Boolean> MODEL_FALLBACK = new Variable<>("modelFallback", Boolean.class,
            "ConverseExchange.prepare; ModelFallback (switched to the fallback model)", "ConverseExchange");

    // the legacy bridge (routes/legacy.camel.yaml)
    public static final Variable<String> SQS_MESSAGE_ID = new Variable<>("sqsMessageId", String.class,
            "legacy-requests (the request's SQS message id)", "legacy-requests, legacy-errors");
    public static final Variable<LegacyRequest> REQUEST = new Variable<>("request", LegacyRequest.class,
            "legacy-requests", "legacy-process-document, legacy-get-status, legacy-errors");
    public static final Variable<StoredDocument> STORED = new Variable<>("stored", StoredDocument.class,
            "legacy-process-document", "legacy-process-document");
    public static final Variable<DocumentReviewed> REVIEW = new Variable<>("review", DocumentReviewed.class,
            "ReviewAnnouncer (a finished review, sent to review-completed)", "review-completed");
    public static final Variable<JobRecord> LEGACY_JOB = new Variable<>("legacyJob", JobRecord.class,
            "legacy-process-document (legacyJobs.register)", "legacy-process-document");
    public static final Variable<LegacyAnswer> ANSWER = new Variable<>("answer", LegacyAnswer.class,
            "legacy-send-reply", "legacy-send-reply");
    public static final Variable<String> REPLY_QUEUE = new Variable<>("replyQueue", String.class,
            "legacy-send-reply (legacyReplyQueues.resolve)", "legacy-send-reply");

    public static final List<Variable<?>> ALL = List.of(INGEST_MESSAGE, MESSAGE_ID, PARK_COUNT, SOURCE, JOB_ID, CLAIM, JOB, FINALIZED,
            MODEL_REQUEST, MODEL_ATTEMPTS, MODEL_FALLBACK, SQS_MESSAGE_ID, REQUEST, STORED, LEGACY_JOB, ANSWER,
            REPLY_QUEUE, REVIEW);

    private Variables() {
    }
}
