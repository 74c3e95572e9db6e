package io.docflow.jobs;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.docflow.ingest.SourceObject;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/**
 * DynamoDB items and conditions for the jobs table, for the routes' aws2-ddb calls.
 * <p>
 * A job's id is a name-based UUID of its source key ({@code s3://bucket/key#version-or-etag}), so every path that
 * announces the same object version (S3 notification, EventBridge, HTTP upload, legacy bridge) arrives at the same
 * id, and a conditional put makes the first one win: one object version, one job.
 */
@Component("jobItems")
public class JobItems {

    public static final String JOB_ID = "jobId";
    public static final String SOURCE_KEY = "sourceKey";
    public static final String STATUS = "status";
    /** The SQS message id whose exchange processes the job; its redelivery may resume the job, no other message may. */
    public static final String CLAIMED_BY = "claimedBy";
    /** Prefix of {@link #CLAIMED_BY} while a job is parked. */
    static final String PARKED_BY = "parked:";
    public static final String ANNOUNCED = "announced";

    private final Clock clock;
    private final java.util.function.Function<String, java.util.List<String>> keyFieldNames;

    @org.springframework.beans.factory.annotation.Autowired
    public JobItems(io.docflow.model.DocumentClassCatalog catalog) {
        this(Clock.systemUTC(), name -> catalog.get(name).keyFields());
    }

    JobItems(Clock clock, java.util.function.Function<String, java.util.List<String>> keyFieldNames) {
        this.clock = clock;
        this.keyFieldNames = keyFieldNames;
    }

    public static String jobIdFor(SourceObject source) {
        return UUID.nameUUIDFromBytes(source.sourceKey().getBytes(StandardCharsets.UTF_8)).toString();
    }

    public String jobId(SourceObject source) {
        return jobIdFor(source);
    }

    /** The item of a job registered for {@code source} and claimed by the ingest message {@code claimedBy}. */
    public Map<String, AttributeValue> queued(SourceObject source, String claimedBy) {
        Map<String, AttributeValue> item = queued(source);
        if (claimedBy != null) {
            item.put(CLAIMED_BY, s(claimedBy));
        }
        return item;
    }

    /** The item of a job registered for {@code source}, not yet claimed by any ingest message. */
    public Map<String, AttributeValue> queued(SourceObject source) {
        String now = clock.instant().toString();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(JOB_ID, s(jobIdFor(source)));
        item.put(SOURCE_KEY, s(source.sourceKey()));
        item.put(STATUS, s(JobStatus.QUEUED.name()));
        item.put("bucket", s(source.bucket()));
        item.put("key", s(source.key()));
        if (source.size() >= 0) {
            item.put("size", AttributeValue.fromN(Long.toString(source.size())));
        }
        if (source.eTag() != null) {
            item.put("eTag", s(source.eTag()));
        }
        if (source.versionId() != null) {
            item.put("versionId", s(source.versionId()));
        }
        item.put("receivedVia", s(source.via()));
        item.put("createdAt", s(now));
        item.put("updatedAt", s(now));
        return item;
    }

    /** Condition for the put of a new job: no job with this id exists yet. */
    public Map<String, ExpectedAttributeValue> newJobOnly() {
        return Map.of(JOB_ID, ExpectedAttributeValue.builder().exists(false).build());
    }

    /**
     * Condition for claiming an existing job: a job parked by {@link #parked} may be taken back only by a message that
     * comes back from parking ({@code parkCount} set); any other message only claims a job nobody has claimed yet
     * (registered by an HTTP upload or the legacy bridge). A duplicate announcement of a parked job's object is thus
     * dropped instead of cutting the park short.
     */
    public Map<String, ExpectedAttributeValue> claimableBy(String parkCount) {
        return parkCount == null || parkCount.isBlank() ? unclaimedOnly() : parkedOnly();
    }

    private Map<String, ExpectedAttributeValue> parkedOnly() {
        return Map.of(CLAIMED_BY, ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.BEGINS_WITH)
                        .attributeValueList(s(PARKED_BY)).build(),
                JOB_ID, ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.NOT_NULL).build());
    }

    /** Condition for claiming a job an HTTP upload registered: nobody has claimed it yet. */
    public Map<String, ExpectedAttributeValue> unclaimedOnly() {
        // jobId NOT_NULL: the item must exist, else UpdateItem would create one
        return Map.of(CLAIMED_BY, ExpectedAttributeValue.builder().exists(false).build(),
                JOB_ID, ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.NOT_NULL).build());
    }

    public Map<String, AttributeValueUpdate> claim(String messageId) {
        return Map.of(CLAIMED_BY, put(s(messageId)), "updatedAt", put(s(clock.instant().toString())));
    }

    /**
     * Whether the ingest message {@code messageId} may (re)process the job in {@code item}: it claimed the job and the
     * job has not reached a final status. A redelivered message resumes its job after a crash; any other announcement
     * of the same object is a duplicate.
     */
    public boolean resumableBy(Map<String, AttributeValue> item, String messageId) {
        if (item == null || item.isEmpty()) {
            return false;
        }
        AttributeValue claimedBy = item.get(CLAIMED_BY);
        // the message that parked the job, received again: the process stopped before the park message was sent
        boolean claimed = claimedBy != null
                && (claimedBy.s().equals(messageId) || claimedBy.s().equals(PARKED_BY + messageId));
        return claimed && !JobStatus.valueOf(item.get(STATUS).s()).isFinal();
    }

    /**
     * Whether the job in {@code item} reached its final status through the ingest message {@code messageId} but its
     * announcement was not recorded (the process failed in between): the redelivered message announces it.
     */
    public boolean announcementPendingFor(Map<String, AttributeValue> item, String messageId) {
        if (item == null || item.isEmpty() || item.containsKey(ANNOUNCED)) {
            return false;
        }
        AttributeValue claimedBy = item.get(CLAIMED_BY);
        return claimedBy != null && claimedBy.s().equals(messageId) && JobStatus.valueOf(item.get(STATUS).s()).isFinal();
    }

    /** Update to PROCESSING, allowed from QUEUED or (a resumed job) PROCESSING. */
    public Map<String, AttributeValueUpdate> processing() {
        return Map.of(STATUS, put(s(JobStatus.PROCESSING.name())),
                "processingStartedAt", put(s(clock.instant().toString())),
                "updatedAt", put(s(clock.instant().toString())),
                "attempts", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(AttributeValue.fromN("1")).build());
    }

    public Map<String, ExpectedAttributeValue> notFinal() {
        return Map.of(STATUS, ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.IN)
                .attributeValueList(s(JobStatus.QUEUED.name()), s(JobStatus.PROCESSING.name())).build());
    }

    public Map<String, ExpectedAttributeValue> statusIs(JobStatus status) {
        return Map.of(STATUS, ExpectedAttributeValue.builder().value(s(status.name())).build());
    }

    /** Update recording the job's final status and what the result holds, for look-ups without reading S3. */
    public Map<String, AttributeValueUpdate> finished(DocumentJob job, String resultLocation, java.math.BigDecimal cost) {
        Map<String, AttributeValueUpdate> updates = new HashMap<>();
        String now = clock.instant().toString();
        updates.put(STATUS, put(s(job.status().name())));
        updates.put("updatedAt", put(s(now)));
        updates.put("finishedAt", put(s(now)));
        updates.put("resultLocation", put(s(resultLocation)));
        if (job.documentClass() != null) {
            updates.put("documentClass", put(s(job.documentClass())));
            updates.put("confidence", put(AttributeValue.fromN(Double.toString(job.confidence()))));
        }
        if (job.ocr() != null) {
            ocr(job.ocr(), updates);
        }
        if (job.failureReason() != null) {
            updates.put("reason", put(s(job.failureReason())));
            updates.put("error", put(s(job.failureMessage())));
        }
        var calls = job.modelCalls();
        if (!calls.isEmpty()) {
            updates.put("model", put(s(calls.get(calls.size() - 1).modelId())));
            updates.put("inputTokens", put(AttributeValue.fromN(Integer.toString(calls.stream().mapToInt(c -> c.inputTokens()).sum()))));
            updates.put("outputTokens", put(AttributeValue.fromN(Integer.toString(calls.stream().mapToInt(c -> c.outputTokens()).sum()))));
        }
        if (cost != null) {
            updates.put("costUsd", put(AttributeValue.fromN(cost.toPlainString())));
        }
        Map<String, AttributeValue> timings = new HashMap<>();
        job.stageMillis().forEach((stage, ms) -> timings.put(stage, AttributeValue.fromN(Long.toString(ms))));
        updates.put("stageMillis", put(AttributeValue.fromM(timings)));
        Map<String, AttributeValue> keyFields = keyFields(job);
        if (!keyFields.isEmpty()) {
            updates.put("keyFields", put(AttributeValue.fromM(keyFields)));
        }
        return updates;
    }

    /**
     * Where the pages' text came from, compact enough for any page count: page ranges per source
     * ({@code pageSources: {TEXT_LAYER: "1-3", OCR: "4"}}), the OCR confidence per OCR'd page (at most
     * docflow.ocr.max-pages of them), and the pages left out per reason.
     */
    private static void ocr(io.docflow.ocr.OcrReport report, Map<String, AttributeValueUpdate> updates) {
        Map<String, AttributeValue> sources = new HashMap<>();
        report.pagesBySource().forEach((source, pages) -> sources.put(source.name(), s(pages)));
        updates.put("pageSources", put(AttributeValue.fromM(sources)));
        updates.put("ocrEngine", put(s(report.engine())));
        Map<String, AttributeValue> confidences = new HashMap<>();
        report.pages().stream().filter(p -> p.source() == io.docflow.ocr.PageSource.OCR && p.confidence() != null)
                .forEach(p -> confidences.put(Integer.toString(p.page()), AttributeValue.fromN(p.confidence().toString())));
        if (!confidences.isEmpty()) {
            updates.put("ocrPageConfidence", put(AttributeValue.fromM(confidences)));
        }
        Double mean = report.meanConfidence();
        if (mean != null) {
            updates.put("ocrConfidence", put(AttributeValue.fromN(Double.toString(Math.round(mean * 10) / 10.0))));
        }
        Map<String, AttributeValue> leftOut = new HashMap<>();
        report.leftOutPages().forEach((why, pages) -> leftOut.put(why.name(), s(pages)));
        if (!leftOut.isEmpty()) {
            updates.put("pagesLeftOut", put(AttributeValue.fromM(leftOut)));
        }
    }

    private Map<String, AttributeValue> keyFields(DocumentJob job) {
        Map<String, AttributeValue> values = new HashMap<>();
        if (job.fields() != null && keyFieldNames != null && job.documentClass() != null) {
            for (String field : keyFieldNames.apply(job.documentClass())) {
                var value = job.fields().get(field);
                if (value != null && !value.isNull() && value.isValueNode()) {
                    values.put(field, s(value.asText()));
                }
            }
        }
        return values;
    }

    /**
     * Update for a parked job: back to QUEUED, claimed by "parked:" and the message that parked it, so only the message
     * that brings it back (a new one, sent with a delay, see {@link #claimableBy}) can claim it again, or the parking
     * message itself should it be received again before that one was sent.
     */
    public Map<String, AttributeValueUpdate> parked(String reason, String messageId) {
        return Map.of(STATUS, put(s(JobStatus.QUEUED.name())),
                CLAIMED_BY, put(s(PARKED_BY + messageId)),
                "parkedReason", put(s(reason == null ? "models unavailable" : reason)),
                "parkings", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(AttributeValue.fromN("1")).build(),
                "updatedAt", put(s(clock.instant().toString())));
    }

    public Map<String, AttributeValueUpdate> announced() {
        return Map.of(ANNOUNCED, put(AttributeValue.fromBool(true)));
    }

    public Map<String, ExpectedAttributeValue> notAnnounced() {
        return Map.of(ANNOUNCED, ExpectedAttributeValue.builder().exists(false).build());
    }

    public Map<String, AttributeValue> key(String jobId) {
        return Map.of(JOB_ID, s(jobId));
    }

    private static AttributeValueUpdate put(AttributeValue value) {
        return AttributeValueUpdate.builder().action(AttributeAction.PUT).value(value).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
