package io.docflow.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.docflow.config.DocflowProperties;
import io.docflow.jobs.JobRecord;
import io.docflow.jobs.JobsTable;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** Reads a job's item and its result for the HTTP API. */
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
        return status;
    }

    /** The result document, or null while the job has none yet. */
    ResponseInputStream<GetObjectResponse> result(String jobId) {
        if (job(jobId).resultLocation() == null) {
            return null;
        }
        return s3.getObject(b -> b.bucket(properties.buckets().results()).key("results/" + jobId + ".json"));
    }
}
