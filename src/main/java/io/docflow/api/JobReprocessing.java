package io.docflow.api;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import io.docflow.ingest.ObjectCreatedEvents;
import io.docflow.ingest.SourceObject;
import io.docflow.jobs.JobRecord;
import io.docflow.jobs.JobsTable;
import io.docflow.store.ResultDocuments;
import io.docflow.store.ResultVersions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Re-processes a finished job: a new run of the same object version with the current prompts, models and settings.
 * The current result is kept as a version ({@link ResultVersions}), the job goes back to QUEUED
 * ({@link JobsTable#reopenForReprocess}), and an "Object Created" event for its object goes on the ingest queue, so
 * the run takes the pipeline's usual path and ends with a new result and a new announcement.
 */
@Component
class JobReprocessing {

    /** What a re-process started: the job, and where its result before this run is kept (null when it had none). */
    record Started(String jobId, String previousResult) {
    }

    private final JobsTable jobs;
    private final S3Client s3;
    private final SqsClient sqs;
    private final ObjectMapper mapper;
    private final DocflowProperties properties;

    JobReprocessing(JobsTable jobs, S3Client s3, SqsClient sqs, ObjectMapper mapper, DocflowProperties properties) {
        this.jobs = jobs;
        this.s3 = s3;
        this.sqs = sqs;
        this.mapper = mapper;
        this.properties = properties;
    }

    Started reprocess(String jobId) {
        JobRecord job = jobs.find(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
        if (!job.status().isFinal()) {
            throw new NotReprocessable(jobId, job.status().name(), "it is " + job.status() + ": wait for it to end");
        }
        SourceObject source = currentObject(job);
        String previous = keepResult(job);
        if (!jobs.reopenForReprocess(jobId)) {
            throw new NotReprocessable(jobId, job.status().name(), "it is held by a reviewer or started again meanwhile");
        }
        String queue = sqs.getQueueUrl(b -> b.queueName(properties.queues().ingest())).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody(ObjectCreatedEvents.of(mapper, source, "docflow re-process")));
        return new Started(jobId, previous);
    }

    /** The job's object as it is now; it must still be the version the job was made of. */
    private SourceObject currentObject(JobRecord job) {
        HeadObjectResponse head;
        try {
            head = s3.headObject(b -> b.bucket(job.bucket()).key(job.key()));
        } catch (NoSuchKeyException e) {
            throw new NotReprocessable(job.jobId(), job.status().name(),
                    "its document s3://" + job.bucket() + "/" + job.key() + " is gone");
        }
        SourceObject source = new SourceObject(job.bucket(), job.key(), head.contentLength(), head.eTag(), head.versionId(),
                null, job.receivedVia());
        if (!source.jobId().equals(job.jobId())) {
            throw new NotReprocessable(job.jobId(), job.status().name(), "s3://" + job.bucket() + "/" + job.key()
                    + " holds another version of the document now, which is a job of its own");
        }
        return source;
    }

    private String keepResult(JobRecord job) {
        if (job.resultLocation() == null) {
            return null;
        }
        String bucket = properties.buckets().results();
        String kept = ResultVersions.nextVersionKey(s3, bucket, job.jobId());
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(ResultDocuments.resultKey(job.jobId()))
                .destinationBucket(bucket).destinationKey(kept));
        return "s3://" + bucket + "/" + kept;
    }

    /** 409: the job cannot run again now, and why. */
    static final class NotReprocessable extends ProblemException {

        private final String jobId;
        private final String status;

        NotReprocessable(String jobId, String status, String why) {
            super(HttpStatus.CONFLICT, "not_reprocessable", "Cannot re-process the job", "Job " + jobId + " cannot run again: " + why);
            this.jobId = jobId;
            this.status = status;
        }

        @Override
        Map<String, Object> members() {
            return Map.of("jobId", jobId, "jobStatus", status);
        }
    }
}
