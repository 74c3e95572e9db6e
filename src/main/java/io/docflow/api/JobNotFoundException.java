package io.docflow.api;

class JobNotFoundException extends RuntimeException {

    JobNotFoundException(String jobId) {
        super("No job with id " + jobId);
    }
}
