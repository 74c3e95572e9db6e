package io.docflow.jobs;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.docflow.ingest.SourceObject;
import io.docflow.model.Classification;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Jobs written through {@link JobsTable}'s own transitions at a chosen creation time, for tests of the listing: the
 * items carry exactly what production writes (index keys included).
 */
public final class JobFixtures {

    private final SettableClock clock = new SettableClock();
    private final JobsTable jobs;

    public JobFixtures(DynamoDbClient dynamoDb, String table) {
        jobs = new JobsTable(dynamoDb, table, clock, documentClass -> List.of(), 3);
    }

    public JobsTable table() {
        return jobs;
    }

    /**
     * A job for {@code bucket/key} created at {@code createdAt} and taken to {@code status} (with {@code documentClass}
     * and, for FAILED or NEEDS_REVIEW, {@code reason}); answers its id.
     */
    public String job(String bucket, String key, Instant createdAt, JobStatus status, String documentClass,
                      FailureReason reason) {
        clock.now = createdAt;
        SourceObject source = new SourceObject(bucket, key, 10, "etag-" + key, null, null, "test");
        jobs.registerUnclaimed(source);
        if (status == JobStatus.QUEUED) {
            return source.jobId();
        }
        jobs.markProcessing(source.jobId(), "extract-text");
        if (status == JobStatus.PROCESSING) {
            return source.jobId();
        }
        DocumentJob job = new DocumentJob(source.jobId(), source);
        if (documentClass != null) {
            job.classification(new Classification(documentClass, 0.9, "", documentClass));
        }
        String why = reason == null ? null : reason.name();
        job.outcome(status == JobStatus.COMPLETED ? JobOutcome.completed()
                : status == JobStatus.NEEDS_REVIEW ? JobOutcome.needsReview(why, "needs a look")
                : JobOutcome.failed(why, "failed"));
        jobs.finish(job, "s3://" + bucket + "/results/" + source.jobId() + ".json", BigDecimal.ZERO);
        return source.jobId();
    }

    /** A UTC clock that reads {@code now}, which a test sets. */
    static final class SettableClock extends Clock {

        volatile Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
