package io.docflow.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.config.DocflowProperties;
import io.docflow.evidence.EvidenceClaim;
import io.docflow.evidence.ReviewInput;
import io.docflow.evidence.ReviewedFields;
import io.docflow.evidence.SchemaErrorLocations;
import io.docflow.ingest.SourceObject;
import io.docflow.jobs.FailureReason;
import io.docflow.jobs.JobPage;
import io.docflow.jobs.JobRecord;
import io.docflow.jobs.JobStatus;
import io.docflow.jobs.JobsTable;
import io.docflow.jobs.ReviewAction;
import io.docflow.jobs.ReviewClaim;
import io.docflow.jobs.ReviewOutcome;
import io.docflow.jobs.ReviewState;
import io.docflow.model.DocumentClass;
import io.docflow.model.DocumentClassCatalog;
import io.docflow.model.SchemaValidator;
import io.docflow.notify.DocumentReviewed;
import io.docflow.pipeline.FieldReviews;
import io.docflow.review.CorrectionsManifest;
import io.docflow.review.FieldChange;
import io.docflow.review.FieldChanges;
import io.docflow.review.ReviewSettings;
import io.docflow.store.ResultDocuments;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The review of NEEDS_REVIEW jobs for the HTTP API (docs/api.md, "Review"): the queue, claims (leases on the job's
 * item), the review itself and the corrections export. A review re-checks the fields the way the pipeline does (the
 * class's JSON Schema, then rules, grounding and confidence with the class's FieldReview against the stored text),
 * keeps the result before it ({@code results/{jobId}.v1.json}), ends the job with one conditional write that needs the
 * reviewer's unexpired claim, rewrites the result and announces the review (routes/review.camel.yaml).
 */
@Service
class ReviewService {

    private final JobsTable jobs;
    private final JobQueries queries;
    private final S3Client s3;
    private final ObjectMapper mapper;
    private final DocumentClassCatalog catalog;
    private final SchemaValidator validator;
    private final FieldReviews reviews;
    private final ResultDocuments results;
    private final ReviewAnnouncer announcer;
    private final ReviewSettings settings;
    private final DocflowProperties.Listing listing;
    private final String resultsBucket;
    private final Clock clock = Clock.systemUTC();

    ReviewService(JobsTable jobs, JobQueries queries, S3Client s3, ObjectMapper mapper, DocumentClassCatalog catalog,
                  SchemaValidator validator, FieldReviews reviews, ResultDocuments results, ReviewAnnouncer announcer,
                  ReviewSettings settings, DocflowProperties properties) {
        this.jobs = jobs;
        this.queries = queries;
        this.s3 = s3;
        this.mapper = mapper;
        this.catalog = catalog;
        this.validator = validator;
        this.reviews = reviews;
        this.results = results;
        this.announcer = announcer;
        this.settings = settings;
        this.listing = properties.jobs().listing();
        this.resultsBucket = properties.buckets().results();
    }

    /** One page of NEEDS_REVIEW jobs, newest first, each with why it needs review and who holds it now. */
    Map<String, Object> queue(Integer limit, String cursor) {
        int pageSize = limit == null ? listing.defaultLimit() : limit;
        if (pageSize < 1 || pageSize > listing.maxLimit()) {
            throw new InvalidParameterException("limit", "limit must be between 1 and " + listing.maxLimit() + ", was " + pageSize);
        }
        JobPage page = jobs.reviewQueue(pageSize, cursor == null || cursor.isEmpty() ? null : cursor);
        Map<String, ReviewState> claims = jobs.reviewClaims(page.jobs().stream().map(JobRecord::jobId).toList());
        Instant now = clock.instant();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JobRecord job : page.jobs()) {
            ReviewState claim = claims.getOrDefault(job.jobId(), ReviewState.NONE);
            boolean claimed = claim.claimed(now);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("jobId", job.jobId());
            row.put("documentClass", job.documentClass());
            row.put("confidence", job.confidence());
            row.put("reason", job.reason());
            row.put("reasons", reasons(job));
            row.put("source", Map.of("bucket", job.bucket(), "key", job.key()));
            row.put("createdAt", job.createdAt());
            row.put("claimedBy", claimed ? claim.reviewer() : null);
            row.put("claimExpiresAt", claimed ? claim.claimExpiresAt().toString() : null);
            rows.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobs", rows);
        body.put("nextCursor", page.nextCursor());
        return body;
    }

    /** The review's reasons from the job's result; the job's error when the result has none. */
    private List<String> reasons(JobRecord job) {
        ObjectNode result = job.resultLocation() == null ? null : readResult(job.jobId());
        List<String> reasons = new ArrayList<>();
        if (result != null) {
            result.path("review").path("reasons").forEach(reason -> reasons.add(reason.asText()));
        }
        if (reasons.isEmpty() && job.error() != null) {
            reasons.add(job.error());
        }
        return reasons;
    }

    Map<String, Object> claim(String jobId, String reviewer) {
        queries.job(jobId); // 404 for an id that is no job
        ReviewClaim claim = jobs.claimReview(jobId, reviewer, settings.lease());
        switch (claim.outcome()) {
            case CLAIMED:
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("jobId", jobId);
                body.put("claimedBy", claim.job().review().reviewer());
                body.put("claimExpiresAt", claim.job().review().claimExpiresAt().toString());
                return body;
            case HELD_BY_OTHER:
                throw new ReviewProblems.Claimed(jobId, claim.job().review().reviewer(), claim.job().review().claimExpiresAt());
            case NOT_IN_REVIEW:
                throw new ReviewProblems.NotInReview(jobId, claim.job().status().name());
            default:
                throw new JobNotFoundException(jobId);
        }
    }

    /** Gives the caller's claim back; nothing happens when they hold none. */
    void release(String jobId, String reviewer) {
        queries.job(jobId);
        jobs.releaseReview(jobId, reviewer);
    }

    Map<String, Object> review(String jobId, String reviewer, ReviewRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("Send the review as JSON: {\"action\": \"approve\"}");
        }
        ReviewAction action = ReviewAction.ofLabel(request.action());
        JobRecord job = queries.job(jobId);
        if (job.status() != JobStatus.NEEDS_REVIEW) {
            throw new ReviewProblems.NotInReview(jobId, job.status().name());
        }
        Instant now = clock.instant();
        if (!job.review().claimedBy(reviewer, now)) {
            boolean other = job.review().claimed(now);
            throw new ReviewProblems.NotClaimed(jobId, other ? job.review().reviewer() : null,
                    other ? job.review().claimExpiresAt() : null);
        }
        ObjectNode previous = readResult(jobId);
        if (previous == null) {
            throw new ResultNotReadyException(jobId, job.status().name());
        }
        String modelClass = previous.at("/classification/documentClass").isTextual()
                ? previous.at("/classification/documentClass").asText() : job.documentClass();
        JsonNode modelFields = previous.has("fields") ? previous.get("fields") : mapper.createObjectNode();

        String documentClass = modelClass;
        ReviewedFields reviewed = null;
        List<FieldChange> changes = List.of();
        if (action != ReviewAction.REJECT) {
            JsonNode fields = modelFields;
            if (action == ReviewAction.RECLASSIFY) {
                documentClass = knownClass(request.documentClass());
            }
            if (action == ReviewAction.RECLASSIFY && request.fields() == null) {
                // the model's values answer the wrong class's schema: without new ones, the document keeps none
                fields = JsonNodeFactory.instance.objectNode();
            } else if (action == ReviewAction.CORRECT || action == ReviewAction.RECLASSIFY) {
                if (request.fields() == null || !request.fields().isObject()) {
                    throw new InvalidParameterException("fields", "A review that " + action.label()
                            + "s gives the full fields object in \"fields\"");
                }
                fields = request.fields();
            }
            if (documentClass == null) {
                throw new IllegalArgumentException("Job " + jobId + " has no class: reclassify it, or reject it");
            }
            DocumentClass schema = catalog.get(documentClass);
            List<String> errors = validator.errors(schema, fields);
            if (!errors.isEmpty()) {
                throw new ReviewProblems.InvalidFields(jobId, schema.name(), errors.stream().map(ReviewService::error).toList());
            }
            reviewed = reviews.of(documentClass).review(reviewInput(jobId, previous, fields));
            changes = FieldChanges.between(modelFields, reviewed.fields());
        }

        ObjectNode humanReview = mapper.createObjectNode();
        humanReview.put("reviewedBy", reviewer);
        humanReview.put("reviewedAt", now.toString());
        humanReview.put("action", action.label());
        humanReview.put("comment", request.comment());
        if (!java.util.Objects.equals(documentClass, modelClass)) {
            humanReview.put("previousDocumentClass", modelClass);
            humanReview.put("documentClass", documentClass);
        }
        humanReview.set("changes", changesJson(changes));
        humanReview.set("rules", reviewed == null ? mapper.createArrayNode() : rulesJson(reviewed));
        humanReview.put("previousResult", "s3://" + resultsBucket + "/" + ResultDocuments.previousVersionKey(jobId));

        // the result as it was stays beside the reviewed one; written first, it is only a copy until the review ends
        putJson(ResultDocuments.previousVersionKey(jobId), previous.toPrettyString());
        ReviewOutcome outcome = new ReviewOutcome(reviewer, now, action, documentClass,
                reviewed == null ? Map.of() : keyFields(documentClass, reviewed.fields()), request.comment());
        if (!jobs.finishReview(jobId, outcome)) {
            JobRecord current = queries.job(jobId);
            if (current.status() != JobStatus.NEEDS_REVIEW) {
                throw new ReviewProblems.NotInReview(jobId, current.status().name());
            }
            throw new ReviewProblems.NotClaimed(jobId, current.review().reviewer(), current.review().claimExpiresAt());
        }
        JobRecord finished = queries.job(jobId);
        String status = action.finalStatus().name();
        String reason = action == ReviewAction.REJECT ? FailureReason.REJECTED_IN_REVIEW.name() : null;
        putJson(ResultDocuments.resultKey(jobId), results.reviewedJson(previous, status, reason, finished.error(),
                documentClass, reviewed, humanReview));

        String resultLocation = "s3://" + resultsBucket + "/" + ResultDocuments.resultKey(jobId);
        boolean announced = announcer.announce(new DocumentReviewed(jobId, status, documentClass, modelClass, reviewer,
                now.toString(), action.label(), FieldChanges.fields(changes), job.bucket(), job.key(), resultLocation,
                reason), new SourceObject(job.bucket(), job.key(), -1, null, null, null, job.receivedVia()));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobId", jobId);
        body.put("status", status);
        body.put("documentClass", documentClass);
        body.put("reviewedBy", reviewer);
        body.put("reviewedAt", now.toString());
        body.put("action", action.label());
        body.put("changes", humanReview.get("changes"));
        body.put("rules", humanReview.get("rules"));
        body.put("resultLocation", resultLocation);
        body.put("announced", announced);
        return body;
    }

    /** The ground-truth manifest of the jobs reviewed (approved, corrected, reclassified) in [from, to). */
    ObjectNode corrections(String from, String to) {
        Instant end = to == null ? clock.instant() : JobListParameters.time("to", to, true);
        Instant start = from == null ? end.minus(Duration.ofDays(settings.correctionsDays()))
                : JobListParameters.time("from", from, false);
        if (!start.isBefore(end)) {
            throw new InvalidParameterException("from", "from (" + start + ") must be before to (" + end + ")");
        }
        CorrectionsManifest manifest = new CorrectionsManifest(mapper);
        for (JobRecord job : jobs.reviewedBetween(start, end)) {
            if (job.status() != JobStatus.COMPLETED || ReviewAction.REJECT.label().equals(job.review().action())) {
                continue;
            }
            ObjectNode result = readResult(job.jobId());
            if (result != null && result.has("humanReview")) {
                manifest.add(job.key(), result.at("/classification/documentClass").asText(job.documentClass()),
                        result.get("fields"));
            }
        }
        return manifest.json();
    }

    private String knownClass(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidParameterException("documentClass", "A reclassification names the class in \"documentClass\"");
        }
        return catalog.find(name.strip()).map(DocumentClass::name).orElseThrow(() -> new InvalidParameterException(
                "documentClass", "Unknown class '" + name + "'; the classes are " + catalog.all().stream()
                        .map(DocumentClass::name).sorted().toList()));
    }

    /**
     * What the class's FieldReview checks: the reviewed fields against the stored text and its pages, with the model's
     * evidence for each value the reviewer left as it was; a value they changed is looked for in the text by itself.
     */
    private ReviewInput reviewInput(String jobId, ObjectNode previous, JsonNode fields) {
        List<Integer> pageStarts = new ArrayList<>();
        previous.at("/document/pageStarts").forEach(start -> pageStarts.add(start.asInt()));
        List<EvidenceClaim> claims = new ArrayList<>();
        for (JsonNode value : previous.at("/review/evidence")) {
            String field = value.path("field").asText();
            JsonNode now = field.startsWith("/") ? fields.at(field) : null;
            if (value.hasNonNull("quote") && now != null && !now.isMissingNode() && now.equals(value.get("value"))) {
                JsonNode page = value.hasNonNull("claimedPage") ? value.get("claimedPage") : value.get("page");
                claims.add(new EvidenceClaim(field, value.get("quote").asText(),
                        page == null || page.isNull() ? null : page.asInt(),
                        value.hasNonNull("modelConfidence") ? value.get("modelConfidence").asDouble() : null));
            }
        }
        return ReviewInput.of(text(jobId), pageStarts, fields, claims).withUnquotedValuesLookedUp(true);
    }

    private Map<String, String> keyFields(String documentClass, JsonNode fields) {
        Map<String, String> values = new HashMap<>();
        for (String field : catalog.get(documentClass).keyFields()) {
            JsonNode value = fields.get(field);
            if (value != null && !value.isNull() && value.isValueNode()) {
                values.put(field, value.asText());
            }
        }
        return values;
    }

    private static Map<String, String> error(String error) {
        String[] pointerAndMessage = SchemaErrorLocations.pointerAndMessage(error);
        return Map.of("pointer", pointerAndMessage[0], "message", pointerAndMessage[1]);
    }

    private ArrayNode changesJson(List<FieldChange> changes) {
        ArrayNode array = mapper.createArrayNode();
        for (FieldChange change : changes) {
            ObjectNode node = array.addObject();
            node.put("field", change.field());
            node.set("before", change.before());
            node.set("after", change.after());
        }
        return array;
    }

    private JsonNode rulesJson(ReviewedFields reviewed) {
        return results.reviewSection(reviewed).get("rules");
    }

    private ObjectNode readResult(String jobId) {
        try {
            JsonNode result = mapper.readTree(s3.getObjectAsBytes(b -> b.bucket(resultsBucket)
                    .key(ResultDocuments.resultKey(jobId))).asByteArray());
            return result instanceof ObjectNode object ? object : null;
        } catch (NoSuchKeyException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("The result of job " + jobId + " is not JSON", e);
        }
    }

    private String text(String jobId) {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(resultsBucket).key("text/" + jobId + ".txt")).asUtf8String();
        } catch (NoSuchKeyException e) {
            return "";
        }
    }

    private void putJson(String key, String json) {
        s3.putObject(b -> b.bucket(resultsBucket).key(key).contentType("application/json"), RequestBody.fromString(json));
    }
}
