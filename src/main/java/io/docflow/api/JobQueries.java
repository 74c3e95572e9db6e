package io.docflow.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.docflow.config.DocflowProperties;
import io.docflow.jobs.JobPage;
import io.docflow.jobs.JobRecord;
import io.docflow.jobs.JobSearch;
import io.docflow.jobs.JobsTable;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Reads jobs for the HTTP API: one job, a page of jobs, a job's result and its extracted text. */
@Service
class JobQueries {

    private final JobsTable jobs;
    private final S3Client s3;
    private final DocflowProperties properties;

    JobQueries(JobsTable jobs, S3Client s3, DocflowProperties properties) {
        this.jobs = jobs;
        this.s3 = s3;
        this.properties = properties;
    }

    /** The job's item; JobNotFoundException when there is none, or when the id cannot be a job id (not asked for). */
    JobRecord job(String jobId) {
        if (!isJobId(jobId)) {
            throw new JobNotFoundException(jobId);
        }
        return jobs.find(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
    }

    /** Job ids are UUIDs (SourceObject.jobId): anything else is not looked up. */
    static boolean isJobId(String jobId) {
        try {
            UUID.fromString(jobId);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The job as the API shows it: status, class, timings, errors and where the result is. */
    Map<String, Object> status(String jobId) {
        return status(job(jobId));
    }

    static Map<String, Object> status(JobRecord job) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("jobId", job.jobId());
        status.put("status", job.status().name());
        status.put("documentClass", job.documentClass());
        status.put("confidence", job.confidence());
        status.put("reason", job.reason());
        status.put("error", job.error());
        status.put("source", Map.of("bucket", job.bucket(), "key", job.key()));
        status.put("receivedVia", job.receivedVia());
        status.put("createdAt", job.createdAt());
        status.put("finishedAt", job.finishedAt());
        status.put("model", job.model());
        status.put("costUsd", job.costUsd());
        status.put("stageMillis", job.stageMillis());
        status.put("keyFields", job.keyFields());
        status.put("output", job.output());
        status.put("resultLocation", job.resultLocation());
        if (job.review().reviewedBy() != null) {
            status.put("reviewedBy", job.review().reviewedBy());
            status.put("reviewedAt", job.review().reviewedAt());
            status.put("reviewAction", job.review().action());
        }
        return status;
    }

    /** The result document; ResultNotReadyException while the job has none. */
    ResponseInputStream<GetObjectResponse> result(String jobId) {
        JobRecord job = job(jobId);
        if (job.resultLocation() == null) {
            throw new ResultNotReadyException(jobId, job.status().name());
        }
        return s3.getObject(b -> b.bucket(properties.buckets().results()).key("results/" + jobId + ".json"));
    }

    /** The text extracted from the job's document (the result's textLocation); TextNotFoundException when none is stored. */
    ResponseInputStream<GetObjectResponse> text(String jobId) {
        JobRecord job = job(jobId);
        try {
            return s3.getObject(b -> b.bucket(properties.buckets().results()).key("text/" + jobId + ".txt"));
        } catch (NoSuchKeyException e) {
            throw new TextNotFoundException(jobId, job.status().name());
        }
    }

    /** One page of jobs, newest first, each as {@link #status(JobRecord)} shows it, and where the next page starts. */
    Map<String, Object> list(JobSearch search) {
        JobPage page = jobs.list(search);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobs", page.jobs().stream().map(JobQueries::status).toList());
        body.put("nextCursor", page.nextCursor());
        return body;
    }
}
