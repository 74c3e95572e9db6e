package io.docflow.api;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** The job exists but no extracted text is stored for it (not extracted yet, or it failed before). */
class TextNotFoundException extends ProblemException {

    private final String jobId;
    private final String status;

    TextNotFoundException(String jobId, String status) {
        super(HttpStatus.NOT_FOUND, "text_not_found", "No extracted text",
                "Job " + jobId + " (" + status + ") has no extracted text stored");
        this.jobId = jobId;
        this.status = status;
    }

    @Override
    Map<String, Object> members() {
        return Map.of("jobId", jobId, "jobStatus", status);
    }
}
