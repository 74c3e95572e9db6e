package io.docflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import io.docflow.ingest.SourceObject;
import io.docflow.local.LocalAwsInitializer;
import io.docflow.local.LocalClients;
import io.docflow.model.Classification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The jobs table's transitions, applied by DynamoDB Local through the real SDK: who may take a job (a parked job only
 * the message that comes back from parking, or the parking message itself received again, never a duplicate
 * announcement), and that each transition happens once.
 */
class JobsTableTest {

    private static final String TABLE = "jobs-table-test";

    private static LocalClients clients;
    private static JobsTable jobs;

    @BeforeAll
    static void table() {
        clients = new LocalClients(LocalAwsInitializer.sharedServices());
        DynamoDbClient dynamoDb = clients.dynamoDb();
        try {
            dynamoDb.createTable(b -> b.tableName(TABLE)
                    .billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName(JobAttributes.JOB_ID).attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName(JobAttributes.JOB_ID).keyType(KeyType.HASH)));
        } catch (ResourceInUseException e) {
            // created by an earlier run in this JVM
        }
        jobs = new JobsTable(dynamoDb, TABLE, Clock.systemUTC(), documentClass -> List.of("invoiceNumber"), 3);
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    @Test
    void theFirstAnnouncementRegistersTheJobAndEveryOtherIsADuplicate() {
        SourceObject source = source("first");

        assertThat(jobs.claim(source, "m-1", null).outcome()).isEqualTo(Claim.Outcome.REGISTERED);
        assertThat(jobs.claim(source, "m-2", null).outcome()).isEqualTo(Claim.Outcome.DUPLICATE);

        JobRecord job = jobs.find(source.jobId()).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.claimedBy()).isEqualTo("m-1");
        assertThat(job.receivedVia()).isEqualTo("test");
        assertThat(job.key()).isEqualTo(source.key());
    }

    @Test
    void theClaimingMessageReceivedAgainResumesItsJob() {
        SourceObject source = source("resumed");
        jobs.claim(source, "m-1", null);
        jobs.markProcessing(source.jobId(), "extract-text");

        assertThat(jobs.claim(source, "m-1", null).outcome()).isEqualTo(Claim.Outcome.RESUMED);
    }

    @Test
    void attemptsThatEndedWithTheirProcessEndInACrashLoopNamingTheStage() {
        SourceObject source = source("crash-loop");
        jobs.claim(source, "m-1", null);
        jobs.markProcessing(source.jobId(), "extract-text");
        assertThat(jobs.claim(source, "m-1", null).outcome()).as("after one crash").isEqualTo(Claim.Outcome.RESUMED);
        jobs.markProcessing(source.jobId(), "extract-text");
        jobs.enterStage(source.jobId(), "classify");
        assertThat(jobs.claim(source, "m-1", null).outcome()).as("after two").isEqualTo(Claim.Outcome.RESUMED);
        jobs.markProcessing(source.jobId(), "extract-text");
        jobs.enterStage(source.jobId(), "extract-fields");

        Claim third = jobs.claim(source, "m-1", null);

        assertThat(third.outcome()).isEqualTo(Claim.Outcome.CRASH_LOOP);
        assertThat(third.job().unfinishedAttempts()).isEqualTo(3);
        assertThat(third.job().stage()).isEqualTo("extract-fields");
        assertThat(jobs.claim(source, "m-2", null).outcome()).as("another message").isEqualTo(Claim.Outcome.DUPLICATE);
    }

    @Test
    void failedAttemptsAndParkingsAreNoCrashes() {
        SourceObject source = source("failing-not-crashing");
        jobs.claim(source, "m-1", null);
        for (int attempt = 0; attempt < 3; attempt++) {
            jobs.markProcessing(source.jobId(), "extract-text");
            jobs.attemptFailed(source.jobId());
        }
        jobs.markProcessing(source.jobId(), "extract-text");
        jobs.park(source.jobId(), "models unavailable", "m-1");

        assertThat(jobs.claim(source, "m-1", "1").outcome()).isEqualTo(Claim.Outcome.TAKEN_OVER);
        jobs.markProcessing(source.jobId(), "extract-text");
        jobs.markProcessing(source.jobId(), "extract-text");
        assertThat(jobs.find(source.jobId()).orElseThrow().unfinishedAttempts()).isEqualTo(2);
        assertThat(jobs.claim(source, "m-1", null).outcome()).isEqualTo(Claim.Outcome.RESUMED);
    }

    @Test
    void aCrashLoopedJobIsReopenedByARedriveWithItsAttemptsCountedAfresh() {
        SourceObject source = source("crash-loop-redriven");
        jobs.claim(source, "m-1", null);
        jobs.markProcessing(source.jobId(), "extract-text");
        DocumentJob failed = new DocumentJob(source.jobId(), source);
        failed.outcome(JobOutcome.failed(FailureReason.CRASHED_REPEATEDLY.name(), "started 3 times"));
        assertThat(jobs.finish(failed, "s3://results/" + source.jobId() + ".json", BigDecimal.ZERO)).isTrue();

        assertThat(jobs.reopenPoisoned(source.jobId())).isTrue();

        JobRecord reopened = jobs.find(source.jobId()).orElseThrow();
        assertThat(reopened.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(reopened.attempts()).isZero();
        assertThat(reopened.claimedBy()).isNull();
    }

    @Test
    void aJobAFrontDoorRegisteredIsTakenByAnAnnouncementButNotByAStrayCopyFromParking() {
        SourceObject uploaded = source("uploaded");
        assertThat(jobs.registerUnclaimed(uploaded)).isTrue();
        assertThat(jobs.registerUnclaimed(uploaded)).as("registered once").isFalse();

        assertThat(jobs.claim(uploaded, "stray-copy", "2").outcome()).isEqualTo(Claim.Outcome.DUPLICATE);
        assertThat(jobs.claim(uploaded, "announcement", null).outcome()).isEqualTo(Claim.Outcome.TAKEN_OVER);
        assertThat(jobs.find(uploaded.jobId()).orElseThrow().claimedBy()).isEqualTo("announcement");
        assertThat(jobs.claim(uploaded, "second-announcement", null).outcome()).isEqualTo(Claim.Outcome.DUPLICATE);
    }

    @Test
    void aParkedJobIsTakenBackOnlyByTheMessageThatReturnsFromParking() {
        SourceObject source = processing("parked-1", "original");
        jobs.park(source.jobId(), "models unavailable", "original");

        assertThat(jobs.find(source.jobId()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        assertThat(jobs.claim(source, "duplicate", null).outcome()).as("a duplicate announcement during the park")
                .isEqualTo(Claim.Outcome.DUPLICATE);
        assertThat(jobs.claim(source, "returned", "1").outcome()).isEqualTo(Claim.Outcome.TAKEN_OVER);
        assertThat(jobs.claim(source, "second-copy", "1").outcome()).as("a second copy back from parking")
                .isEqualTo(Claim.Outcome.DUPLICATE);
        assertThat(jobs.claim(source, "returned", "1").outcome()).as("the returned message, received again")
                .isEqualTo(Claim.Outcome.RESUMED);
    }

    @Test
    void theParkingMessageReceivedAgainContinuesTheJobWhenTheCopyWasNeverSent() {
        SourceObject source = processing("parked-2", "original");
        jobs.park(source.jobId(), "models unavailable", "original");

        assertThat(jobs.claim(source, "original", null).outcome()).isEqualTo(Claim.Outcome.RESUMED);
    }

    @Test
    void onlyAProcessingJobCanBeParked() {
        SourceObject source = source("not-processing");
        jobs.claim(source, "m-1", null);

        assertThatThrownBy(() -> jobs.park(source.jobId(), "busy", "m-1")).hasMessageContaining("no longer PROCESSING");
    }

    @Test
    void aJobIsFinishedOnceAndAnnouncedOnce() {
        SourceObject source = processing("finished", "m-1");
        DocumentJob job = new DocumentJob(source.jobId(), source);
        job.classification(new Classification("invoice", 0.9, "", "invoice"));
        job.costs().stageTook("classify", 12);
        job.outcome(JobOutcome.completed());

        assertThat(jobs.finish(job, "s3://results/results/x.json", new BigDecimal("0.0012"))).isTrue();
        assertThat(jobs.finish(job, "s3://results/results/x.json", null)).as("finished by another exchange").isFalse();
        JobRecord stored = jobs.find(source.jobId()).orElseThrow();
        assertThat(stored.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(stored.documentClass()).isEqualTo("invoice");
        assertThat(stored.costUsd()).isEqualTo(0.0012);
        assertThat(stored.stageMillis()).containsEntry("classify", 12L);
        assertThat(stored.announced()).isFalse();

        assertThat(jobs.claim(source, "m-1", null).outcome()).as("finished through m-1, not announced")
                .isEqualTo(Claim.Outcome.ANNOUNCEMENT_PENDING);
        assertThat(jobs.markAnnounced(source.jobId())).isTrue();
        assertThat(jobs.markAnnounced(source.jobId())).isFalse();
        assertThat(jobs.claim(source, "m-1", null).outcome()).isEqualTo(Claim.Outcome.DUPLICATE);
    }

    @Test
    void markingProcessingCountsAttemptsAndStopsAtAFinalStatus() {
        SourceObject source = processing("attempts", "m-1");
        jobs.markProcessing(source.jobId(), "extract-text");
        DocumentJob job = new DocumentJob(source.jobId(), source);
        job.outcome(JobOutcome.failed("NO_TEXT", "nothing to read"));
        jobs.finish(job, "s3://results/results/y.json", null);

        assertThatThrownBy(() -> jobs.markProcessing(source.jobId(), "extract-text")).hasMessageContaining("no longer QUEUED or PROCESSING");
        JobRecord stored = jobs.find(source.jobId()).orElseThrow();
        assertThat(stored.reason()).isEqualTo("NO_TEXT");
        assertThat(stored.error()).isEqualTo("nothing to read");
    }

    @Test
    void aLegacyJobRemembersItsFirstRequesterAndItsResultIsSentOnce() {
        SourceObject source = source("legacy");
        JobRecord registered = jobs.registerForLegacy(source, new LegacyRequester("c-1", "1.2", "docflow-legacy-a"));
        assertThat(registered.legacy()).isEqualTo(new LegacyRequester("c-1", "1.2", "docflow-legacy-a"));
        assertThat(jobs.registerForLegacy(source, new LegacyRequester("c-2", "1.1", null)).legacy())
                .as("the first request wins").isEqualTo(new LegacyRequester("c-1", "1.2", "docflow-legacy-a"));
        assertThat(jobs.markLegacyResultSent(source.jobId())).as("not final yet").isEmpty();

        jobs.claim(source, "m-1", null);
        jobs.markProcessing(source.jobId(), "extract-text");
        DocumentJob job = new DocumentJob(source.jobId(), source);
        job.outcome(JobOutcome.completed());
        jobs.finish(job, "s3://results/results/z.json", null);

        assertThat(jobs.markLegacyResultSent(source.jobId())).hasValueSatisfying(sent ->
                assertThat(sent.legacyResultSentAt()).isNotNull());
        assertThat(jobs.markLegacyResultSent(source.jobId())).as("sent once").isEmpty();
    }

    @Test
    void aJobRegisteredByItsS3EventGetsTheLegacyRequesterAttached() {
        SourceObject source = source("event-first");
        jobs.claim(source, "m-1", null);

        assertThat(jobs.registerForLegacy(source, new LegacyRequester("c-9", "1.1", null)).legacy())
                .isEqualTo(new LegacyRequester("c-9", "1.1", null));
    }

    @Test
    void onlyAPoisonedJobIsReopenedByARedrive() {
        SourceObject poisoned = processing("poisoned", "m-1");
        DocumentJob failed = new DocumentJob(poisoned.jobId(), poisoned);
        failed.outcome(JobOutcome.failed("POISON_MESSAGE", "kept failing"));
        jobs.finish(failed, "s3://results/results/p.json", null);
        jobs.markAnnounced(poisoned.jobId());
        SourceObject other = processing("other-failure", "m-2");
        DocumentJob noText = new DocumentJob(other.jobId(), other);
        noText.outcome(JobOutcome.failed("NO_TEXT", "empty"));
        jobs.finish(noText, "s3://results/results/q.json", null);

        assertThat(jobs.reopenPoisoned(poisoned.jobId())).isTrue();
        assertThat(jobs.reopenPoisoned(other.jobId())).isFalse();
        JobRecord reopened = jobs.find(poisoned.jobId()).orElseThrow();
        assertThat(reopened.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(reopened.claimedBy()).isNull();
        assertThat(reopened.announced()).isFalse();
        assertThat(jobs.claim(poisoned, "redriven", null).outcome()).isEqualTo(Claim.Outcome.TAKEN_OVER);
    }

    @Test
    void anUnknownJobIsNotFound() {
        assertThat(jobs.find(source("unknown").jobId())).isEmpty();
    }

    private static SourceObject processing(String key, String messageId) {
        SourceObject source = source(key);
        jobs.claim(source, messageId, null);
        jobs.markProcessing(source.jobId(), "extract-text");
        return source;
    }

    private static SourceObject source(String key) {
        return new SourceObject("jobs-bucket", "jobs/" + key + "-" + System.nanoTime(), 10, "etag-" + key, null, null, "test");
    }
}
