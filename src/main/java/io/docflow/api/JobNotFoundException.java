package io.docflow.api;

import java.util.Map;

import org.springframework.http.HttpStatus;

class JobNotFoundException extends ProblemException {

    private final String jobId;

    JobNotFoundException(String jobId) {
        super(HttpStatus.NOT_FOUND, "job_not_found", "Job not found", "No job with id " + jobId);
        this.jobId = jobId;
    }

    @Override
    Map<String, Object> members() {
        return jobId == null ? Map.of() : Map.of("jobId", jobId);
    }
}
