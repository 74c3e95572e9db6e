package io.docflow.jobs;

import static io.docflow.jobs.JobAttributes.*;

import java.util.LinkedHashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A job's item as the jobs table holds it, typed.
 *
 * @param claimedBy       the ingest message processing the job, "parked:" and a message id while parked, or null
 * @param legacy          null unless the job was asked for over the legacy bridge
 * @param legacyResultSentAt when its ProcessDocumentResult went out, null before
 * @param output          per model task, whether it was asked with tool use or as text (empty before the outcome)
 * @param review          the review's claim and outcome ({@link ReviewState#NONE} when there is none)
 */
public record JobRecord(String jobId, JobStatus status, String bucket, String key, String receivedVia,
                        String claimedBy, boolean announced, String createdAt, String finishedAt,
                        String documentClass, Double confidence, String reason, String error, String model,
                        Double costUsd, String resultLocation, Map<String, Long> stageMillis,
                        Map<String, String> keyFields, LegacyRequester legacy, String legacyResultSentAt,
                        int attempts, int parkings, int failedAttempts, String stage, Map<String, String> output,
                        ReviewState review) {

    /** A job without a review. */
    public JobRecord(String jobId, JobStatus status, String bucket, String key, String receivedVia, String claimedBy,
                     boolean announced, String createdAt, String finishedAt, String documentClass, Double confidence,
                     String reason, String error, String model, Double costUsd, String resultLocation,
                     Map<String, Long> stageMillis, Map<String, String> keyFields, LegacyRequester legacy,
                     String legacyResultSentAt, int attempts, int parkings, int failedAttempts, String stage,
                     Map<String, String> output) {
        this(jobId, status, bucket, key, receivedVia, claimedBy, announced, createdAt, finishedAt, documentClass,
                confidence, reason, error, model, costUsd, resultLocation, stageMillis, keyFields, legacy,
                legacyResultSentAt, attempts, parkings, failedAttempts, stage, output, ReviewState.NONE);
    }

    public static JobRecord of(Map<String, AttributeValue> item) {
        String correlationId = text(item, LEGACY_CORRELATION_ID);
        return new JobRecord(text(item, JOB_ID), JobStatus.valueOf(text(item, STATUS)), text(item, BUCKET),
                text(item, KEY), text(item, RECEIVED_VIA), text(item, CLAIMED_BY),
                item.containsKey(ANNOUNCED) && Boolean.TRUE.equals(item.get(ANNOUNCED).bool()),
                text(item, CREATED_AT), text(item, FINISHED_AT), text(item, DOCUMENT_CLASS), number(item, CONFIDENCE),
                text(item, REASON), text(item, ERROR), text(item, MODEL), number(item, COST_USD),
                text(item, RESULT_LOCATION), longs(item, STAGE_MILLIS), texts(item, KEY_FIELDS),
                correlationId == null ? null : new LegacyRequester(correlationId, text(item, LEGACY_SOAP_VERSION),
                        text(item, LEGACY_REPLY_QUEUE)),
                text(item, LEGACY_RESULT_SENT_AT), (int) count(item, ATTEMPTS), (int) count(item, PARKINGS),
                (int) count(item, FAILED_ATTEMPTS), text(item, STAGE), texts(item, OUTPUT), review(item));
    }

    private static ReviewState review(Map<String, AttributeValue> item) {
        String expires = text(item, REVIEW_CLAIM_EXPIRES_AT);
        String reviewer = text(item, REVIEWER);
        String reviewedBy = text(item, REVIEWED_BY);
        if (reviewer == null && reviewedBy == null) {
            return ReviewState.NONE;
        }
        return new ReviewState(reviewer, expires == null ? null : java.time.Instant.parse(expires), reviewedBy,
                text(item, REVIEWED_AT), text(item, REVIEW_ACTION));
    }

    public boolean isFinal() {
        return status.isFinal();
    }

    /**
     * Attempts that started and ended neither in an outcome, a parking nor a failure docflow saw: each ended with its
     * process (SIGKILL, the OOM killer, a JVM crash). Only a PROCESSING job has them.
     */
    public int unfinishedAttempts() {
        return status == JobStatus.PROCESSING ? Math.max(0, attempts - parkings - failedAttempts) : 0;
    }

    private static long count(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static Double number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Double.valueOf(value.n());
    }

    private static Map<String, Long> longs(Map<String, AttributeValue> item, String name) {
        Map<String, Long> values = new LinkedHashMap<>();
        AttributeValue map = item.get(name);
        if (map != null && map.hasM()) {
            map.m().forEach((key, value) -> values.put(key, Long.parseLong(value.n())));
        }
        return values;
    }

    private static Map<String, String> texts(Map<String, AttributeValue> item, String name) {
        Map<String, String> values = new LinkedHashMap<>();
        AttributeValue map = item.get(name);
        if (map != null && map.hasM()) {
            map.m().forEach((key, value) -> values.put(key, value.s()));
        }
        return values;
    }
}
