package io.docflow.legacy;

import java.util.Optional;

import io.docflow.config.DocflowProperties;
import io.docflow.ingest.SourceObject;
import io.docflow.jobs.JobRecord;
import io.docflow.jobs.JobsTable;
import io.docflow.jobs.LegacyRequester;
import org.springframework.stereotype.Component;

/**
 * The legacy bridge's side of the jobs table: who asked for a job over SOAP (correlation id), where its answers go
 * (reply queue, absent: the default queue) and in which SOAP version, and whether its ProcessDocumentResult is still
 * to be sent. A job gets its requester when the bridge registers it, or, when the document's S3 event registered
 * it first, when the bridge attaches it; the first request wins.
 */
@Component("legacyJobs")
public class LegacyJobs {

    private final JobsTable jobs;
    private final LegacyAnswers answers;
    private final String inputBucket;
    private final String keyPrefix;

    public LegacyJobs(JobsTable jobs, LegacyAnswers answers, DocflowProperties properties) {
        this.jobs = jobs;
        this.answers = answers;
        this.inputBucket = properties.buckets().input();
        this.keyPrefix = properties.legacy().keyPrefix();
    }

    /** Registers (or finds) the job of a document the bridge stored for {@code request}; answers it as it is now. */
    public JobRecord register(SourceObject source, LegacyRequest request) {
        return jobs.registerForLegacy(source, new LegacyRequester(request.correlationId(), request.version().label(),
                request.context().replyQueue()));
    }

    /** The job as it is now, or null when it has no item yet. */
    public JobRecord find(String jobId) {
        return jobs.find(jobId).orElse(null);
    }

    /**
     * The ProcessDocumentResult of a finished legacy job that is this caller's to send (it is recorded as sent), or
     * null: not a legacy job, not final, or sent already. Only documents the bridge stored can be legacy jobs: no
     * DynamoDB call for any other.
     */
    public LegacyAnswer resultToSend(SourceObject source, String jobId) {
        if (!mayBeLegacy(source)) {
            return null;
        }
        Optional<JobRecord> job = jobs.markLegacyResultSent(jobId);
        return job.map(j -> answers.result(replyTarget(j), j)).orElse(null);
    }

    /**
     * The ProcessDocumentResult of a legacy job after its review (its reviewed status, class and fields), once, or
     * null: not a legacy job, not reviewed, or sent already.
     */
    public LegacyAnswer reviewedResultToSend(SourceObject source, String jobId) {
        if (!mayBeLegacy(source)) {
            return null;
        }
        return jobs.markLegacyReviewResultSent(jobId).map(j -> answers.result(replyTarget(j), j)).orElse(null);
    }

    boolean mayBeLegacy(SourceObject source) {
        return source != null && inputBucket.equals(source.bucket()) && source.key().startsWith(keyPrefix);
    }

    /** Where the job's ProcessDocumentResult goes, as its legacy request asked. */
    static ReplyTarget replyTarget(JobRecord job) {
        LegacyRequester requester = job.legacy();
        String version = requester.soapVersion();
        return new ReplyTarget(requester.replyQueue(),
                SoapVersion.ofLabel(version == null ? SoapVersion.SOAP_11.label() : version),
                requester.correlationId(), requester.correlationId());
    }
}
