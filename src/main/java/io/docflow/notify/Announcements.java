package io.docflow.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.evidence.ReviewedFields;
import io.docflow.jobs.DocumentJob;
import io.docflow.jobs.JobStatus;
import io.docflow.store.ResultDocuments;
import org.springframework.stereotype.Component;

/** The outcome announcement: the same JSON goes to SNS (message) and EventBridge (detail). */
@Component("announcements")
public class Announcements {

    private final ObjectMapper mapper;
    private final ResultDocuments results;

    public Announcements(ObjectMapper mapper, ResultDocuments results) {
        this.mapper = mapper;
        this.results = results;
    }

    public String message(DocumentJob job) {
        ObjectNode message = mapper.createObjectNode();
        message.put("jobId", job.jobId());
        message.put("status", job.outcome().status().name());
        message.put("documentClass", job.documentClass());
        message.put("bucket", job.source().bucket());
        message.put("key", job.source().key());
        message.put("resultLocation", results.resultLocation(job));
        if (job.outcome().reason() != null) {
            message.put("reason", job.outcome().reason());
        }
        ReviewedFields review = review(job);
        message.put("resultVersion", ResultDocuments.RESULT_VERSION);
        message.put("confidenceBand", ConfidenceBand.of(review).label());
        if (review != null) {
            message.put("documentConfidence", review.documentConfidence().confidence());
            message.set("reviewReasons", mapper.valueToTree(review.decision().reasons()));
        }
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SNS message attribute {@code documentClass}: subscribers filter on it, so it always has a value. */
    public String documentClassAttribute(DocumentJob job) {
        return job.documentClass() == null ? "none" : job.documentClass();
    }

    /** SNS message attribute {@code confidenceBand}: high, medium, low or none ({@link ConfidenceBand}). */
    public String confidenceBandAttribute(DocumentJob job) {
        return ConfidenceBand.of(review(job)).label();
    }

    private static ReviewedFields review(DocumentJob job) {
        return job.extraction() == null ? null : job.extraction().review();
    }

    public String detailType(DocumentJob job) {
        return job.outcome().status() == JobStatus.FAILED ? "Document Failed" : "Document Processed";
    }

    /** The EventBridge event's resource: the source object (the bucket when the key holds the list separator). */
    public String resourceArn(DocumentJob job) {
        String key = job.source().key();
        return key.contains(",") ? "arn:aws:s3:::" + job.source().bucket() : "arn:aws:s3:::" + job.source().bucket() + "/" + key;
    }

    /**
     * The "Document Reviewed" announcement: the job, its final status and class after the review, who reviewed it,
     * what they did and which fields they changed.
     */
    public String reviewMessage(DocumentReviewed review) {
        ObjectNode message = mapper.createObjectNode();
        message.put("jobId", review.jobId());
        message.put("status", review.status());
        message.put("documentClass", review.documentClass());
        if (!java.util.Objects.equals(review.modelClass(), review.documentClass())) {
            message.put("modelClass", review.modelClass());
        }
        message.put("bucket", review.bucket());
        message.put("key", review.key());
        message.put("resultLocation", review.resultLocation());
        if (review.reason() != null) {
            message.put("reason", review.reason());
        }
        message.put("reviewedBy", review.reviewedBy());
        message.put("reviewedAt", review.reviewedAt());
        message.put("action", review.action());
        message.set("changedFields", mapper.valueToTree(review.changedFields()));
        message.put("resultVersion", ResultDocuments.REVIEWED_RESULT_VERSION);
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SNS message attribute {@code documentClass} of a review announcement. */
    public String reviewDocumentClassAttribute(DocumentReviewed review) {
        return review.documentClass() == null ? "none" : review.documentClass();
    }

    public String reviewResourceArn(DocumentReviewed review) {
        String key = review.key();
        return key.contains(",") ? "arn:aws:s3:::" + review.bucket() : "arn:aws:s3:::" + review.bucket() + "/" + key;
    }

    public String reviewSubject(DocumentReviewed review) {
        return "docflow job " + review.status() + " (reviewed)";
    }

    public String subject(DocumentJob job) {
        // SNS subjects must be ASCII without line breaks: the key (any Unicode) stays in the message
        return "docflow job " + job.outcome().status().name();
    }
}
