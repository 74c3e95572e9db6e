package io.docflow.jobs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Which jobs to list, newest first: every criterion may be null (not asked for).
 *
 * @param status        served by the status index
 * @param from          created at or after (inclusive); with {@code to}, served by the index's sort key
 * @param to            created before (exclusive)
 * @param documentClass a filter on the indexed query (DynamoDB reads, then drops, the other jobs)
 * @param sourcePrefix  a filter: the source object's key starts with it
 * @param reason        a filter: the job's reason (FAILED, NEEDS_REVIEW)
 * @param limit         the page size, at least 1
 * @param cursor        where the previous page ended ({@link JobPage#nextCursor()}), or null for the first page
 */
public record JobSearch(JobStatus status, Instant from, Instant to, String documentClass, String sourcePrefix,
                        FailureReason reason, int limit, String cursor) {

    public JobSearch {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
    }

    /** The first page of all jobs, newest first. */
    public static JobSearch all(int limit) {
        return new JobSearch(null, null, null, null, null, null, limit, null);
    }

    public JobSearch withCursor(String nextCursor) {
        return new JobSearch(status, from, to, documentClass, sourcePrefix, reason, limit, nextCursor);
    }

    boolean hasFilter() {
        return documentClass != null || sourcePrefix != null || reason != null;
    }

    /**
     * Names the criteria (not the page size or the cursor): a cursor carries it, so that a cursor is only ever used
     * with the search it came from.
     */
    String fingerprint() {
        String criteria = String.join("\u0000", Objects.toString(status), Objects.toString(from), Objects.toString(to),
                Objects.toString(documentClass), Objects.toString(sourcePrefix), Objects.toString(reason));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(criteria.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 9));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
