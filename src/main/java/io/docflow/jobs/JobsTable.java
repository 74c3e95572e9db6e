package io.docflow.jobs;

import static io.docflow.jobs.JobAttributes.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.docflow.config.DocflowProperties;
import io.docflow.ingest.SourceObject;
import io.docflow.model.DocumentClassCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The one owner of the jobs table: every read and write of a job's item, as named transitions, each a conditional
 * write from the state before it, so that concurrent messages, pods and front doors agree on who does what.
 * <pre>
 *   register (ingest) ─┐
 *   registerUnclaimed (HTTP upload, legacy bridge) ─► QUEUED ─ claim ─► markProcessing ─► PROCESSING
 *   PROCESSING ─ park ─► QUEUED (claimed "parked:&lt;message&gt;") ─ claim by the message back from parking ─► ...
 *   PROCESSING ─ finish ─► COMPLETED | NEEDS_REVIEW | FAILED ─ markAnnounced ─► (announced)
 *   PROCESSING ─ claim by its own message, after max-unfinished-attempts attempts that ended with the process ─►
 *       CRASH_LOOP: finish as FAILED (CRASHED_REPEATEDLY), without processing
 *   FAILED (POISON_MESSAGE, CRASHED_REPEATEDLY) ─ reopen (DLQ redrive) ─► QUEUED
 *   NEEDS_REVIEW ─ claimReview (a lease: taken, taken over when expired, renewed) / releaseReview ─► NEEDS_REVIEW
 *   NEEDS_REVIEW (claimed by the reviewer, lease unexpired) ─ finishReview ─► COMPLETED | FAILED (REJECTED_IN_REVIEW)
 * </pre>
 * Reads: {@link #find} (one job, consistent) and {@link #list} (newest first by status, time, class, source and
 * reason, through the global secondary indexes of {@link JobIndexes}).
 * A job's id is a name-based UUID of its source key ({@link SourceObject#jobId()}), so every path that announces the
 * same object version arrives at the same id and the first registration wins: one object version, one job.
 */
@Component("jobsTable")
public class JobsTable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JobsTable.class);

    static final String PARKED_BY = "parked:";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;
    private final OutcomeAttributes outcomes;
    private final int maxUnfinishedAttempts;
    private final JobListing listing;
    private final ReviewListing reviewListing;

    @Autowired
    public JobsTable(DynamoDbClient dynamoDb, DocflowProperties properties, DocumentClassCatalog catalog) {
        this(dynamoDb, properties.jobs().table(), Clock.systemUTC(), name -> catalog.get(name).keyFields(),
                properties.jobs().maxUnfinishedAttempts(), properties.jobs().listing().maxQueriesPerPage());
    }

    JobsTable(DynamoDbClient dynamoDb, String table, Clock clock, Function<String, List<String>> keyFieldNames,
              int maxUnfinishedAttempts) {
        this(dynamoDb, table, clock, keyFieldNames, maxUnfinishedAttempts, 30);
    }

    JobsTable(DynamoDbClient dynamoDb, String table, Clock clock, Function<String, List<String>> keyFieldNames,
              int maxUnfinishedAttempts, int maxQueriesPerPage) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
        this.outcomes = new OutcomeAttributes(keyFieldNames);
        this.maxUnfinishedAttempts = maxUnfinishedAttempts;
        this.listing = new JobListing(dynamoDb, table, clock, maxQueriesPerPage);
        this.reviewListing = new ReviewListing(dynamoDb, table);
    }

    /**
     * The ingest message {@code messageId} announcing {@code source}: registers its job and claims it, or claims the
     * job a front door registered, or (with {@code parkCount}, the message back from parking) the parked job, or finds
     * that this very message claimed it before; anything else is a duplicate.
     */
    public Claim claim(SourceObject source, String messageId, String parkCount) {
        String jobId = source.jobId();
        Map<String, AttributeValue> item = queued(source);
        item.put(CLAIMED_BY, s(messageId));
        if (putIfAbsent(item)) {
            return new Claim(Claim.Outcome.REGISTERED, null);
        }
        boolean backFromParking = parkCount != null && !parkCount.isBlank();
        ItemUpdate take = new ItemUpdate().set(CLAIMED_BY, messageId).set(UPDATED_AT, now());
        take.condition(backFromParking
                ? "attribute_exists(" + take.name(JOB_ID) + ") AND begins_with(" + take.name(CLAIMED_BY) + ", "
                        + take.value("parked", s(PARKED_BY)) + ")"
                : "attribute_exists(" + take.name(JOB_ID) + ") AND attribute_not_exists(" + take.name(CLAIMED_BY) + ")");
        if (update(jobId, take)) {
            return new Claim(Claim.Outcome.TAKEN_OVER, null);
        }
        JobRecord job = find(jobId).orElseThrow(() -> new IllegalStateException("Job " + jobId + " vanished"));
        // the message that parked the job, received again: the process stopped before the park message was sent
        boolean claimedByThis = messageId.equals(job.claimedBy()) || (PARKED_BY + messageId).equals(job.claimedBy());
        if (claimedByThis && job.unfinishedAttempts() >= maxUnfinishedAttempts) {
            return new Claim(Claim.Outcome.CRASH_LOOP, job);
        }
        if (claimedByThis && !job.isFinal()) {
            return new Claim(Claim.Outcome.RESUMED, null);
        }
        if (messageId.equals(job.claimedBy()) && job.isFinal() && !job.announced()) {
            return new Claim(Claim.Outcome.ANNOUNCEMENT_PENDING, job);
        }
        return new Claim(Claim.Outcome.DUPLICATE, job);
    }

    /**
     * Registers the job of a document a front door stored (HTTP upload), unclaimed: the object's S3 event claims it.
     * Answers false when the event was quicker and registered it already.
     */
    public boolean registerUnclaimed(SourceObject source) {
        return putIfAbsent(queued(source));
    }

    /**
     * Registers the job of a document the legacy bridge stored, unclaimed, with who asked for it; when the S3 event
     * registered the job first, gives it the requester unless another request did so before. Answers the job.
     */
    public JobRecord registerForLegacy(SourceObject source, LegacyRequester requester) {
        Map<String, AttributeValue> item = queued(source);
        item.putAll(legacyAttributes(requester));
        if (putIfAbsent(item)) {
            return JobRecord.of(item);
        }
        ItemUpdate attach = new ItemUpdate().setAll(legacyAttributes(requester));
        attach.condition("attribute_exists(" + attach.name(JOB_ID) + ") AND attribute_not_exists("
                + attach.name(LEGACY_CORRELATION_ID) + ")");
        return updateReturning(source.jobId(), attach).orElseGet(() -> find(source.jobId()).orElseThrow());
    }

    /** QUEUED (or PROCESSING, a resumed job) to PROCESSING, counting the attempt; its first stage is {@code stage}. */
    public void markProcessing(String jobId, String stage) {
        ItemUpdate processing = new ItemUpdate().set(STATUS, JobStatus.PROCESSING.name()).set(STAGE, stage)
                .set(PROCESSING_STARTED_AT, now()).set(UPDATED_AT, now()).increment(ATTEMPTS);
        processing.condition(processing.name(STATUS) + " IN ("
                + processing.value("queued", s(JobStatus.QUEUED.name())) + ", "
                + processing.value("processing", s(JobStatus.PROCESSING.name())) + ")");
        if (!update(jobId, processing)) {
            throw new IllegalStateException("Job " + jobId + " is no longer QUEUED or PROCESSING");
        }
    }

    /**
     * PROCESSING to the job's final status, with what its item records of the outcome. Answers false when another
     * exchange finished the job first: exactly one exchange finishes (and announces) a job.
     */
    public boolean finish(DocumentJob job, String resultLocation, BigDecimal cost) {
        return update(job.jobId(), whileProcessing(new ItemUpdate().setAll(outcomes.of(job, resultLocation, cost, now()))));
    }

    /**
     * PROCESSING back to QUEUED for a job no model can serve now, held for the message that brings it back from
     * parking (see {@link #claim}), or for the parking message itself should it be received again before that one
     * was sent.
     */
    public void park(String jobId, String reason, String messageId) {
        ItemUpdate park = new ItemUpdate().set(STATUS, JobStatus.QUEUED.name()).set(CLAIMED_BY, PARKED_BY + messageId)
                .set(PARKED_REASON, reason == null ? "models unavailable" : reason).set(UPDATED_AT, now())
                .increment(PARKINGS);
        if (!update(jobId, whileProcessing(park))) {
            throw new IllegalStateException("Job " + jobId + " is no longer PROCESSING and cannot be parked");
        }
    }

    /** The PROCESSING job enters {@code stage}: what its error names should the attempt end with the process. */
    public void enterStage(String jobId, String stage) {
        update(jobId, whileProcessing(new ItemUpdate().set(STAGE, stage)));
    }

    /**
     * The PROCESSING job's attempt ended with an exception docflow saw and left to the message's next receive: not
     * a crash, so it does not count towards max-unfinished-attempts (the message's receive count limits these).
     */
    public void attemptFailed(String jobId) {
        try {
            update(jobId, whileProcessing(new ItemUpdate().increment(FAILED_ATTEMPTS)));
        } catch (SdkException e) {
            // the table may be why the attempt failed; the attempt then counts as a crash, which only ends sooner
            log.warn("Job {}: could not record its failed attempt: {}", jobId, e.toString());
        }
    }

    /** Records that the job's outcome was announced; answers false if it had been already. */
    public boolean markAnnounced(String jobId) {
        ItemUpdate announced = new ItemUpdate().set(ANNOUNCED, AttributeValue.fromBool(true));
        announced.condition("attribute_not_exists(" + announced.name(ANNOUNCED) + ")");
        return update(jobId, announced);
    }

    /**
     * Records that a legacy job's ProcessDocumentResult is being sent, if it is a legacy job in a final status whose
     * result has not been sent: whoever writes it first (the pipeline finishing the job, or the bridge finding it
     * finished) sends the result, once. Answers the job when the result is the caller's to send.
     */
    public Optional<JobRecord> markLegacyResultSent(String jobId) {
        ItemUpdate sent = new ItemUpdate().set(LEGACY_RESULT_SENT_AT, now());
        sent.condition("attribute_exists(" + sent.name(LEGACY_CORRELATION_ID) + ") AND attribute_not_exists("
                + sent.name(LEGACY_RESULT_SENT_AT) + ") AND " + sent.name(STATUS) + " IN ("
                + sent.value("completed", s(JobStatus.COMPLETED.name())) + ", "
                + sent.value("review", s(JobStatus.NEEDS_REVIEW.name())) + ", "
                + sent.value("failed", s(JobStatus.FAILED.name())) + ")");
        return updateReturning(jobId, sent);
    }

    /**
     * A job FAILED as a poison message or a crash loop (its message went to the dead-letter queue) back to QUEUED,
     * unclaimed and unannounced, its attempts counted afresh, for its redriven message to process it again. Answers
     * false for any other job, which is left as it is.
     */
    public boolean reopenPoisoned(String jobId) {
        ItemUpdate reopen = new ItemUpdate().set(STATUS, JobStatus.QUEUED.name()).set(UPDATED_AT, now())
                .remove(CLAIMED_BY).remove(ANNOUNCED).remove(ATTEMPTS).remove(PARKINGS).remove(FAILED_ATTEMPTS);
        reopen.condition(reopen.name(REASON) + " IN (" + reopen.value("poisoned", s(FailureReason.POISON_MESSAGE.name()))
                + ", " + reopen.value("crashed", s(FailureReason.CRASHED_REPEATEDLY.name())) + ")");
        return update(jobId, reopen);
    }

    /**
     * The reviewer {@code reviewer} claims the NEEDS_REVIEW job for {@code lease}: taken when nobody holds it, taken
     * over when its holder's lease has run out, renewed when the caller holds it already. One conditional write.
     */
    public ReviewClaim claimReview(String jobId, String reviewer, java.time.Duration lease) {
        Instant now = clock.instant();
        ItemUpdate claim = new ItemUpdate().set(REVIEWER, reviewer)
                .set(REVIEW_CLAIM_EXPIRES_AT, JobIndexes.timePrefix(now.plus(lease))).set(UPDATED_AT, now.toString());
        claim.condition(claim.name(STATUS) + " = " + claim.value("review", s(JobStatus.NEEDS_REVIEW.name()))
                + " AND (attribute_not_exists(" + claim.name(REVIEWER) + ") OR " + claim.name(REVIEW_CLAIM_EXPIRES_AT)
                + " <= " + claim.value("now", s(JobIndexes.timePrefix(now))) + " OR " + claim.name(REVIEWER) + " = "
                + claim.value("reviewer", s(reviewer)) + ")");
        Optional<JobRecord> claimed = updateReturning(jobId, claim);
        if (claimed.isPresent()) {
            return new ReviewClaim(ReviewClaim.Outcome.CLAIMED, claimed.get());
        }
        return find(jobId).map(job -> new ReviewClaim(job.status() == JobStatus.NEEDS_REVIEW
                        ? ReviewClaim.Outcome.HELD_BY_OTHER : ReviewClaim.Outcome.NOT_IN_REVIEW, job))
                .orElse(new ReviewClaim(ReviewClaim.Outcome.NOT_FOUND, null));
    }

    /** The reviewer gives their claim back; answers false when they did not hold it (nothing changes then). */
    public boolean releaseReview(String jobId, String reviewer) {
        ItemUpdate release = new ItemUpdate().remove(REVIEWER).remove(REVIEW_CLAIM_EXPIRES_AT);
        release.condition(release.name(REVIEWER) + " = " + release.value("reviewer", s(reviewer)));
        return update(jobId, release);
    }

    /**
     * NEEDS_REVIEW to COMPLETED, or FAILED ({@link FailureReason#REJECTED_IN_REVIEW}) for a rejection, if
     * {@code outcome.reviewer()} still holds an unexpired claim: records who reviewed it, when and how, the class and
     * key fields after the review, and removes the claim. Answers false (nothing written) when the claim is gone.
     */
    public boolean finishReview(String jobId, ReviewOutcome outcome) {
        String reviewedAt = JobIndexes.timePrefix(outcome.reviewedAt());
        ItemUpdate finish = new ItemUpdate().set(STATUS, outcome.action().finalStatus().name())
                .set(REVIEWED_BY, outcome.reviewer()).set(REVIEWED_AT, reviewedAt)
                .set(REVIEWED_DAY, JobIndexes.createdDay(outcome.reviewedAt()))
                .set(REVIEW_ACTION, outcome.action().label()).set(UPDATED_AT, outcome.reviewedAt().toString())
                .remove(REVIEWER).remove(REVIEW_CLAIM_EXPIRES_AT);
        if (outcome.action() == ReviewAction.REJECT) {
            finish.set(REASON, FailureReason.REJECTED_IN_REVIEW.name()).set(ERROR, "Rejected in review by "
                    + outcome.reviewer() + (outcome.comment() == null || outcome.comment().isBlank() ? "" : ": " + outcome.comment()));
        } else {
            finish.remove(REASON).remove(ERROR);
            if (outcome.documentClass() != null) {
                finish.set(DOCUMENT_CLASS, outcome.documentClass());
            }
            Map<String, AttributeValue> keyFields = new HashMap<>();
            outcome.keyFields().forEach((name, value) -> keyFields.put(name, s(value)));
            finish.set(KEY_FIELDS, AttributeValue.fromM(keyFields));
        }
        finish.condition(finish.name(STATUS) + " = " + finish.value("review", s(JobStatus.NEEDS_REVIEW.name())) + " AND "
                + finish.name(REVIEWER) + " = " + finish.value("reviewer", s(outcome.reviewer())) + " AND "
                + finish.name(REVIEW_CLAIM_EXPIRES_AT) + " > " + finish.value("now", s(JobIndexes.timePrefix(clock.instant()))));
        return update(jobId, finish);
    }

    /**
     * Records that a reviewed legacy job's ProcessDocumentResult (its result after review) is being sent, once;
     * answers the job when it is the caller's to send, empty for any other job.
     */
    public Optional<JobRecord> markLegacyReviewResultSent(String jobId) {
        ItemUpdate sent = new ItemUpdate().set(LEGACY_REVIEW_RESULT_SENT_AT, now());
        sent.condition("attribute_exists(" + sent.name(LEGACY_CORRELATION_ID) + ") AND attribute_exists("
                + sent.name(REVIEWED_AT) + ") AND attribute_not_exists(" + sent.name(LEGACY_REVIEW_RESULT_SENT_AT) + ")");
        return updateReturning(jobId, sent);
    }

    /** One page of the NEEDS_REVIEW jobs, newest first (the status index), with their current claims. */
    public JobPage reviewQueue(int limit, String cursor) {
        return list(new JobSearch(JobStatus.NEEDS_REVIEW, null, null, null, null, null, limit, cursor));
    }

    /** The current claims of {@code jobIds} (a consistent read), by job id. */
    public Map<String, ReviewState> reviewClaims(List<String> jobIds) {
        return reviewListing.claims(jobIds);
    }

    /** The jobs reviewed at or after {@code from} and before {@code to}, through the reviewed index. */
    public List<JobRecord> reviewedBetween(Instant from, Instant to) {
        return reviewListing.reviewedBetween(from, to);
    }

    /** The job as stored now (a consistent read), or empty. */
    public Optional<JobRecord> find(String jobId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(key(jobId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(JobRecord.of(item));
    }

    /**
     * One page of the jobs {@code search} asks for, newest first, through the listing indexes ({@link JobListing});
     * {@link InvalidCursorException} when its cursor is not one this search handed out.
     */
    public JobPage list(JobSearch search) {
        return listing.list(search);
    }

    private Map<String, AttributeValue> queued(SourceObject source) {
        Instant created = clock.instant();
        String now = created.toString();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(JOB_ID, s(source.jobId()));
        item.put(SOURCE_KEY, s(source.sourceKey()));
        item.put(STATUS, s(JobStatus.QUEUED.name()));
        item.put(BUCKET, s(source.bucket()));
        item.put(KEY, s(source.key()));
        if (source.size() >= 0) {
            item.put(SIZE, AttributeValue.fromN(Long.toString(source.size())));
        }
        if (source.eTag() != null) {
            item.put(E_TAG, s(source.eTag()));
        }
        if (source.versionId() != null) {
            item.put(VERSION_ID, s(source.versionId()));
        }
        item.put(RECEIVED_VIA, s(source.via()));
        item.put(CREATED_AT, s(now));
        item.put(CREATED_DAY, s(JobIndexes.createdDay(created)));
        item.put(CREATED_KEY, s(JobIndexes.createdKey(created, source.jobId())));
        item.put(UPDATED_AT, s(now));
        return item;
    }

    private static Map<String, AttributeValue> legacyAttributes(LegacyRequester requester) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        attributes.put(LEGACY_CORRELATION_ID, s(requester.correlationId()));
        attributes.put(LEGACY_SOAP_VERSION, s(requester.soapVersion()));
        if (requester.replyQueue() != null) {
            attributes.put(LEGACY_REPLY_QUEUE, s(requester.replyQueue()));
        }
        return attributes;
    }

    private static ItemUpdate whileProcessing(ItemUpdate update) {
        return update.condition(update.name(STATUS) + " = " + update.value("whileProcessing", s(JobStatus.PROCESSING.name())));
    }

    private boolean putIfAbsent(Map<String, AttributeValue> item) {
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(#jobId)")
                    .expressionAttributeNames(Map.of("#jobId", JOB_ID)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private boolean update(String jobId, ItemUpdate update) {
        try {
            dynamoDb.updateItem(request(jobId, update).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private Optional<JobRecord> updateReturning(String jobId, ItemUpdate update) {
        try {
            return Optional.of(JobRecord.of(dynamoDb.updateItem(request(jobId, update).returnValues(ReturnValue.ALL_NEW).build())
                    .attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private UpdateItemRequest.Builder request(String jobId, ItemUpdate update) {
        return update.applyTo(UpdateItemRequest.builder().tableName(table).key(key(jobId)));
    }

    private static Map<String, AttributeValue> key(String jobId) {
        return Map.of(JOB_ID, s(jobId));
    }

    private String now() {
        return clock.instant().toString();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
