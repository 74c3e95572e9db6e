package io.docflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.docflow.ingest.SourceObject;
import io.docflow.local.LocalAwsInitializer;
import io.docflow.local.LocalClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Who may take a job, with the conditions the routes send, applied by DynamoDB Local through the real SDK: a parked
 * job only by the message that comes back from parking (or the parking message itself, received again), never by a
 * duplicate announcement of its object.
 */
class JobClaimsTest {

    private static final String TABLE = "job-claims-test";

    private static LocalClients clients;
    private static DynamoDbClient dynamoDb;
    private final JobItems items = new JobItems(Clock.systemUTC(), documentClass -> List.of());

    @BeforeAll
    static void table() {
        clients = new LocalClients(LocalAwsInitializer.sharedServices());
        dynamoDb = clients.dynamoDb();
        try {
            dynamoDb.createTable(b -> b.tableName(TABLE)
                    .billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName(JobItems.JOB_ID).attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName(JobItems.JOB_ID).keyType(KeyType.HASH)));
        } catch (ResourceInUseException e) {
            // created by an earlier run in this JVM
        }
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    @Test
    void aParkedJobIsTakenBackOnlyByTheMessageThatReturnsFromParking() {
        String jobId = processedBy("original", "parked-1");
        park(jobId, "original");

        assertThatThrownBy(() -> claim(jobId, "duplicate", null))
                .as("a duplicate announcement arriving during the park").isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(items.resumableBy(item(jobId), "duplicate")).isFalse();

        claim(jobId, "returned", "1");
        assertThat(item(jobId).get(JobItems.CLAIMED_BY).s()).isEqualTo("returned");
        assertThatThrownBy(() -> claim(jobId, "second-copy", "1"))
                .as("a second copy back from parking").isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(items.resumableBy(item(jobId), "returned")).as("the returned message, received again").isTrue();
    }

    @Test
    void theParkingMessageReceivedAgainContinuesTheJobWhenTheCopyWasNeverSent() {
        String jobId = processedBy("original", "parked-2");
        park(jobId, "original");

        assertThatThrownBy(() -> claim(jobId, "original", null)).isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(items.resumableBy(item(jobId), "original")).isTrue();
    }

    @Test
    void aJobNobodyClaimedIsTakenByAnAnnouncementButNotByAStrayCopyFromParking() {
        SourceObject uploaded = source("uploaded");
        String jobId = JobItems.jobIdFor(uploaded);
        dynamoDb.putItem(b -> b.tableName(TABLE).item(items.queued(uploaded, null)));

        assertThatThrownBy(() -> claim(jobId, "stray-copy", "2")).isInstanceOf(ConditionalCheckFailedException.class);
        claim(jobId, "announcement", null);
        assertThat(item(jobId).get(JobItems.CLAIMED_BY).s()).isEqualTo("announcement");
    }

    private String processedBy(String messageId, String key) {
        SourceObject source = source(key);
        dynamoDb.putItem(b -> b.tableName(TABLE).item(items.queued(source, messageId)));
        String jobId = JobItems.jobIdFor(source);
        dynamoDb.updateItem(b -> b.tableName(TABLE).key(items.key(jobId)).attributeUpdates(items.processing()));
        return jobId;
    }

    private void park(String jobId, String messageId) {
        dynamoDb.updateItem(b -> b.tableName(TABLE).key(items.key(jobId))
                .attributeUpdates(items.parked("models unavailable", messageId))
                .expected(items.statusIs(JobStatus.PROCESSING)));
    }

    private void claim(String jobId, String messageId, String parkCount) {
        dynamoDb.updateItem(b -> b.tableName(TABLE).key(items.key(jobId))
                .attributeUpdates(items.claim(messageId)).expected(items.claimableBy(parkCount)));
    }

    private Map<String, AttributeValue> item(String jobId) {
        return dynamoDb.getItem(b -> b.tableName(TABLE).key(items.key(jobId)).consistentRead(true)).item();
    }

    private static SourceObject source(String key) {
        return new SourceObject("claims-bucket", "claims/" + key + "-" + System.nanoTime(), 10, "etag-" + key, null, null, "test");
    }
}
