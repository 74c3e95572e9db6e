package io.docflow.resilience;

import static io.docflow.jobs.JobAttributes.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.docflow.config.DocflowProperties;
import io.docflow.ingest.SourceObject;
import io.docflow.local.DocflowTest;
import io.docflow.local.TestDocuments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The crash-loop rule through the real routes: an ingest message whose job was started three times, each attempt
 * ending with its process (as a pod killed by a hostile document would leave it), is not processed again: the job
 * ends FAILED (CRASHED_REPEATEDLY, naming the stage), is stored and announced, and the message goes to the
 * dead-letter queue. The job's state is written as the crashed attempts left it, while the message is delayed.
 */
@DocflowTest
@TestPropertySource(properties = {
        "docflow.buckets.input=crash-loop-input", "docflow.queues.ingest=crash-loop-ingest",
        "docflow.queues.legacy-requests=crash-loop-legacy-requests", "docflow.queues.legacy-responses=crash-loop-legacy-responses",
        "docflow.queues.ingest-dlq=crash-loop-ingest-dlq", "docflow.jobs.max-unfinished-attempts=3"})
class CrashLoopTest {

    @Autowired DocflowProperties config;
    @Autowired S3Client s3;
    @Autowired SqsClient sqs;
    @Autowired DynamoDbClient dynamoDb;

    @Test
    void aJobWhoseAttemptsKeptEndingWithTheProcessFailsAndItsMessageGoesToTheDeadLetterQueue() {
        String bucket = config.buckets().input();
        String key = "crash-loop/killer.txt";
        // the object itself is never read: the rule decides from the job's item alone
        String eTag = "5f2b51ca2fdc5baa31ec02e002f69aec";
        SourceObject source = new SourceObject(bucket, key, 22, eTag, null, null, "t");
        String ingest = sqs.getQueueUrl(b -> b.queueName(config.queues().ingest())).queueUrl();
        String body = """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                 "s3":{"bucket":{"name":"%s"},"object":{"key":"%s","size":22,"eTag":"%s"}}}]}
                """.formatted(bucket, key, eTag);

        String messageId = sqs.sendMessage(b -> b.queueUrl(ingest).messageBody(body).delaySeconds(2)).messageId();
        dynamoDb.putItem(b -> b.tableName(config.jobs().table()).item(crashedThreeTimes(source, messageId)));

        Map<String, AttributeValue> job = new TestDocuments(config, s3, dynamoDb).awaitFinal(source.jobId());

        assertThat(job.get(STATUS).s()).isEqualTo("FAILED");
        assertThat(job.get(REASON).s()).isEqualTo("CRASHED_REPEATEDLY");
        assertThat(job.get(ERROR).s()).contains("3 attempts ended with their process", "the last in stage classify");
        assertThat(job.get(ANNOUNCED).bool()).isTrue();
        JsonNode result = new TestDocuments(config, s3, dynamoDb).result(source.jobId());
        assertThat(result.path("reason").asText()).isEqualTo("CRASHED_REPEATEDLY");
        String dlq = sqs.getQueueUrl(b -> b.queueName(config.queues().ingestDlq())).queueUrl();
        List<Message> deadLetters = sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(5).maxNumberOfMessages(10)).messages();
        assertThat(deadLetters).extracting(Message::body).anySatisfy(dead -> assertThat(dead).contains(key, eTag));
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(ingest).attributeNamesWithStrings("ApproximateNumberOfMessages",
                "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings().values()).containsOnly("0");
    }

    /** The item three killed attempts leave: PROCESSING, claimed by the message, three attempts, none finished. */
    private Map<String, AttributeValue> crashedThreeTimes(SourceObject source, String messageId) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(JOB_ID, AttributeValue.fromS(source.jobId()));
        item.put(SOURCE_KEY, AttributeValue.fromS(source.sourceKey()));
        item.put(STATUS, AttributeValue.fromS("PROCESSING"));
        item.put(BUCKET, AttributeValue.fromS(source.bucket()));
        item.put(KEY, AttributeValue.fromS(source.key()));
        item.put(RECEIVED_VIA, AttributeValue.fromS(source.via()));
        item.put(CLAIMED_BY, AttributeValue.fromS(messageId));
        item.put(ATTEMPTS, AttributeValue.fromN("3"));
        item.put(STAGE, AttributeValue.fromS("classify"));
        item.put(CREATED_AT, AttributeValue.fromS("2026-12-03T10:00:00Z"));
        item.put(UPDATED_AT, AttributeValue.fromS("2026-12-03T10:00:00Z"));
        return item;
    }
}
