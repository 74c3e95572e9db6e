package io.docflow.jobs;

import java.time.Instant;

/**
 * A job's review as its item holds it: the claim of a NEEDS_REVIEW job (who holds it, until when) and, once reviewed,
 * who reviewed it, when and how. Every member may be null.
 */
public record ReviewState(String reviewer, Instant claimExpiresAt, String reviewedBy, String reviewedAt,
                          String action) {

    public static final ReviewState NONE = new ReviewState(null, null, null, null, null);

    /** Whether {@code reviewer} holds an unexpired claim at {@code now}. */
    public boolean claimedBy(String who, Instant now) {
        return reviewer != null && reviewer.equals(who) && claimExpiresAt != null && claimExpiresAt.isAfter(now);
    }

    /** Whether anyone holds an unexpired claim at {@code now}. */
    public boolean claimed(Instant now) {
        return reviewer != null && claimExpiresAt != null && claimExpiresAt.isAfter(now);
    }
}
