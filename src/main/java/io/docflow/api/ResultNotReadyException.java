package io.docflow.api;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** The job exists but has no result (yet: it is queued or processing, or it failed before storing one). */
class ResultNotReadyException extends ProblemException {

    private final String jobId;
    private final String status;

    ResultNotReadyException(String jobId, String status) {
        super(HttpStatus.CONFLICT, "result_not_ready", "No result yet",
                "Job " + jobId + " has no result yet; follow /api/v1/jobs/" + jobId);
        this.jobId = jobId;
        this.status = status;
    }

    @Override
    Map<String, Object> members() {
        return Map.of("jobId", jobId, "jobStatus", status);
    }
}
