package io.docflow.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** The review's problems (docs/api.md, "Review"): each a {@link ProblemException} with the members it names. */
final class ReviewProblems {

    private ReviewProblems() {
    }

    /** 409: another reviewer holds an unexpired claim on the job. */
    static final class Claimed extends ProblemException {
        private final String jobId;
        private final String claimedBy;
        private final Instant claimExpiresAt;

        Claimed(String jobId, String claimedBy, Instant claimExpiresAt) {
            super(HttpStatus.CONFLICT, "review_claimed", "Claimed by another reviewer", "Job " + jobId
                    + " is claimed by " + claimedBy + " until " + claimExpiresAt + "; try again after that");
            this.jobId = jobId;
            this.claimedBy = claimedBy;
            this.claimExpiresAt = claimExpiresAt;
        }

        @Override
        Map<String, Object> members() {
            return Map.of("jobId", jobId, "claimedBy", claimedBy, "claimExpiresAt", claimExpiresAt.toString());
        }
    }

    /** 409: the job is not NEEDS_REVIEW (never was, or its review is done). */
    static final class NotInReview extends ProblemException {
        private final String jobId;
        private final String status;

        NotInReview(String jobId, String status) {
            super(HttpStatus.CONFLICT, "not_in_review", "Not in review",
                    "Job " + jobId + " is " + status + ", not NEEDS_REVIEW: there is nothing to review");
            this.jobId = jobId;
            this.status = status;
        }

        @Override
        Map<String, Object> members() {
            return Map.of("jobId", jobId, "jobStatus", status);
        }
    }

    /** 409: the caller holds no unexpired claim on the job; members say who does, if anyone. */
    static final class NotClaimed extends ProblemException {
        private final String jobId;
        private final String claimedBy;
        private final Instant claimExpiresAt;

        NotClaimed(String jobId, String claimedBy, Instant claimExpiresAt) {
            super(HttpStatus.CONFLICT, "review_not_claimed", "Claim the job first", "Claim job " + jobId
                    + " (POST /api/v1/jobs/" + jobId + "/review/claim) before reviewing it"
                    + (claimedBy == null ? "" : "; it is claimed by " + claimedBy + " until " + claimExpiresAt));
            this.jobId = jobId;
            this.claimedBy = claimedBy;
            this.claimExpiresAt = claimExpiresAt;
        }

        @Override
        Map<String, Object> members() {
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("jobId", jobId);
            if (claimedBy != null) {
                members.put("claimedBy", claimedBy);
                members.put("claimExpiresAt", claimExpiresAt.toString());
            }
            return members;
        }
    }

    /** 422: the reviewed fields break the class's schema; {@code errors} lists each with its JSON pointer. */
    static final class InvalidFields extends ProblemException {
        private final String jobId;
        private final String documentClass;
        private final List<Map<String, String>> errors;

        InvalidFields(String jobId, String documentClass, List<Map<String, String>> errors) {
            super(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_fields", "Invalid fields", "The fields break the schema of "
                    + "class " + documentClass + " in " + errors.size() + (errors.size() == 1 ? " place" : " places")
                    + "; nothing was changed");
            this.jobId = jobId;
            this.documentClass = documentClass;
            this.errors = List.copyOf(errors);
        }

        @Override
        Map<String, Object> members() {
            return Map.of("jobId", jobId, "documentClass", documentClass, "errors", errors);
        }
    }
}
