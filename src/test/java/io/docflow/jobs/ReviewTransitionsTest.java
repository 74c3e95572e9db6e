package io.docflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.docflow.local.LocalAwsInitializer;
import io.docflow.local.LocalClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The review's transitions of the jobs table, applied by the local DynamoDB through the real SDK, on a clock the test
 * sets: a claim is a lease that its holder renews and another reviewer takes over once it has run out, and only the
 * holder of an unexpired claim ends the review.
 */
class ReviewTransitionsTest {

    private static final String TABLE = "review-transitions-test";
    private static final Duration LEASE = Duration.ofMinutes(15);

    private static LocalClients clients;
    private static JobFixtures fixtures;
    private static JobsTable jobs;
    private static final JobFixtures.SettableClock clock = new JobFixtures.SettableClock();

    @BeforeAll
    static void table() {
        clients = new LocalClients(LocalAwsInitializer.sharedServices());
        DynamoDbClient dynamoDb = clients.dynamoDb();
        try {
            dynamoDb.createTable(b -> b.tableName(TABLE).billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName(JobAttributes.JOB_ID).attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName(JobAttributes.JOB_ID).keyType(KeyType.HASH)));
        } catch (ResourceInUseException e) {
            // created by an earlier run in this JVM
        }
        fixtures = new JobFixtures(dynamoDb, TABLE);
        jobs = new JobsTable(dynamoDb, TABLE, clock, documentClass -> List.of("invoiceNumber"), 3);
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    private static String needingReview(String key) {
        return fixtures.job("in", key + "-" + System.nanoTime(), Instant.now(), JobStatus.NEEDS_REVIEW, "invoice",
                FailureReason.FIELDS_NEED_REVIEW);
    }

    @Test
    void aClaimIsALeaseRenewedByItsHolderAndTakenOverOnceItRunsOut() {
        String jobId = needingReview("lease");
        clock.now = Instant.parse("2026-12-03T10:00:00Z");

        ReviewClaim alice = jobs.claimReview(jobId, "alice", LEASE);
        assertThat(alice.outcome()).isEqualTo(ReviewClaim.Outcome.CLAIMED);
        assertThat(alice.job().review().claimExpiresAt()).isEqualTo(Instant.parse("2026-12-03T10:15:00Z"));

        clock.now = Instant.parse("2026-12-03T10:10:00Z");
        ReviewClaim bob = jobs.claimReview(jobId, "bob", LEASE);
        assertThat(bob.outcome()).isEqualTo(ReviewClaim.Outcome.HELD_BY_OTHER);
        assertThat(bob.job().review().reviewer()).isEqualTo("alice");
        assertThat(jobs.claimReview(jobId, "alice", LEASE).job().review().claimExpiresAt())
                .as("renewed").isEqualTo(Instant.parse("2026-12-03T10:25:00Z"));

        clock.now = Instant.parse("2026-12-03T10:24:59.999Z");
        assertThat(jobs.claimReview(jobId, "bob", LEASE).outcome()).isEqualTo(ReviewClaim.Outcome.HELD_BY_OTHER);
        clock.now = Instant.parse("2026-12-03T10:25:00Z");
        assertThat(jobs.claimReview(jobId, "bob", LEASE).outcome()).as("expired").isEqualTo(ReviewClaim.Outcome.CLAIMED);
        assertThat(jobs.find(jobId).orElseThrow().review().reviewer()).isEqualTo("bob");
    }

    @Test
    void onlyTheHolderOfAnUnexpiredClaimEndsTheReviewOnce() {
        String jobId = needingReview("finish");
        clock.now = Instant.parse("2026-12-03T11:00:00Z");
        jobs.claimReview(jobId, "carol", LEASE);
        ReviewOutcome byDan = new ReviewOutcome("dan", clock.now, ReviewAction.APPROVE, "invoice", Map.of(), null);
        assertThat(jobs.finishReview(jobId, byDan)).isFalse();

        clock.now = Instant.parse("2026-12-03T11:20:00Z");
        ReviewOutcome late = new ReviewOutcome("carol", clock.now, ReviewAction.APPROVE, "invoice", Map.of(), null);
        assertThat(jobs.finishReview(jobId, late)).as("the lease ran out").isFalse();

        jobs.claimReview(jobId, "carol", LEASE);
        ReviewOutcome corrected = new ReviewOutcome("carol", clock.now, ReviewAction.RECLASSIFY, "receipt",
                Map.of("total", "4.50"), "a receipt");
        assertThat(jobs.finishReview(jobId, corrected)).isTrue();
        assertThat(jobs.finishReview(jobId, corrected)).as("once").isFalse();

        JobRecord job = jobs.find(jobId).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.documentClass()).isEqualTo("receipt");
        assertThat(job.keyFields()).containsExactly(Map.entry("total", "4.50"));
        assertThat(job.reason()).isNull();
        assertThat(job.review().reviewer()).isNull();
        assertThat(job.review().reviewedBy()).isEqualTo("carol");
        assertThat(job.review().action()).isEqualTo("reclassify");
        assertThat(jobs.claimReview(jobId, "carol", LEASE).outcome()).isEqualTo(ReviewClaim.Outcome.NOT_IN_REVIEW);
    }

    @Test
    void aRejectionFailsTheJobNamingTheReviewerAndAReleaseLetsAnotherClaim() {
        String jobId = needingReview("reject");
        clock.now = Instant.parse("2026-12-03T12:00:00Z");
        jobs.claimReview(jobId, "erin", LEASE);
        assertThat(jobs.releaseReview(jobId, "frank")).isFalse();
        assertThat(jobs.releaseReview(jobId, "erin")).isTrue();
        assertThat(jobs.claimReview(jobId, "frank", LEASE).outcome()).isEqualTo(ReviewClaim.Outcome.CLAIMED);

        assertThat(jobs.finishReview(jobId, new ReviewOutcome("frank", clock.now, ReviewAction.REJECT, "invoice",
                Map.of(), "a duplicate"))).isTrue();

        JobRecord job = jobs.find(jobId).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.reason()).isEqualTo("REJECTED_IN_REVIEW");
        assertThat(job.error()).isEqualTo("Rejected in review by frank: a duplicate");
        assertThat(jobs.claimReview("no-such-job", "frank", LEASE).outcome()).isEqualTo(ReviewClaim.Outcome.NOT_FOUND);
    }
}
