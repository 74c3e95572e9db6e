package io.docflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import io.docflow.config.DocflowProperties;
import io.docflow.local.DocflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** routes/ingest.camel.yaml driven through local S3, SQS and DynamoDB with the real SDK. */
@DocflowTest
class IngestRouteTest {

    @Autowired DocflowProperties config;
    @Autowired S3Client s3;
    @Autowired SqsClient sqs;
    @Autowired DynamoDbClient dynamoDb;

    @Test
    void anObjectPutInTheInputBucketBecomesAJob() {
        String key = "ingest-test/Größe report 2026.txt";
        String eTag = s3.putObject(b -> b.bucket(config.buckets().input()).key(key),
                RequestBody.fromString("quarterly report")).eTag();
        String jobId = (new SourceObject(config.buckets().input(), key, 16, eTag, null, null, "test")).jobId();

        Map<String, AttributeValue> job = awaitJob(jobId);

        assertThat(job.get("status").s()).isIn("QUEUED", "PROCESSING", "COMPLETED");
        assertThat(job.get("bucket").s()).isEqualTo(config.buckets().input());
        assertThat(job.get("key").s()).isEqualTo(key);
        assertThat(job.get("size").n()).isEqualTo("16");
        assertThat(job.get("sourceKey").s()).isEqualTo("s3://" + config.buckets().input() + "/" + key + "#" + eTag.replace("\"", ""));
        // local S3 announces it both ways, as a bucket with S3 and EventBridge notifications does; the first wins
        assertThat(job.get("receivedVia").s()).isIn("s3-notification", "eventbridge");
    }

    @Test
    void theSameObjectVersionAnnouncedTwiceIsOneJob() {
        String notification = """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                 "s3":{"bucket":{"name":"%s"},"object":{"key":"twice.txt","size":3,"eTag":"e-twice","sequencer":"01"}}}]}
                """.formatted(config.buckets().input());
        String eventBridge = """
                {"version":"0","id":"x","detail-type":"Object Created","source":"aws.s3",
                 "detail":{"bucket":{"name":"%s"},"object":{"key":"twice.txt","size":3,"etag":"e-twice"},"reason":"PutObject"}}
                """.formatted(config.buckets().input());
        String ingestUrl = queueUrl(config.queues().ingest());
        sqs.sendMessage(b -> b.queueUrl(ingestUrl).messageBody(notification));
        sqs.sendMessage(b -> b.queueUrl(ingestUrl).messageBody(eventBridge));

        String jobId = (new SourceObject(config.buckets().input(), "twice.txt", 3, "e-twice", null, null, "test")).jobId();
        awaitJob(jobId);
        await().atMost(Duration.ofSeconds(10)).until(() -> queueDepth(ingestUrl) == 0);
        var jobsForSource = dynamoDb.query(b -> b.tableName(config.jobs().table()).indexName("sourceKey-index")
                .keyConditionExpression("sourceKey = :s")
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("s3://" + config.buckets().input() + "/twice.txt#e-twice"))));
        assertThat(jobsForSource.items()).hasSize(1);
    }

    @Test
    void anUnrecognizedMessageGoesStraightToTheDeadLetterQueue() {
        String ingestUrl = queueUrl(config.queues().ingest());
        String dlqUrl = queueUrl(config.queues().ingestDlq());
        sqs.sendMessage(b -> b.queueUrl(ingestUrl).messageBody("{\"hello\":\"world\"}"));

        var parked = await().atMost(Duration.ofSeconds(10)).until(
                () -> sqs.receiveMessage(b -> b.queueUrl(dlqUrl).waitTimeSeconds(1)).messages(), m -> !m.isEmpty());
        assertThat(parked).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("{\"hello\":\"world\"}"));
        await().atMost(Duration.ofSeconds(10)).until(() -> queueDepth(ingestUrl) == 0);
    }

    private Map<String, AttributeValue> awaitJob(String jobId) {
        return await().atMost(Duration.ofSeconds(15)).until(
                () -> dynamoDb.getItem(b -> b.tableName(config.jobs().table()).key(Map.of("jobId", AttributeValue.fromS(jobId)))).item(),
                item -> item != null && !item.isEmpty());
    }

    private String queueUrl(String name) {
        return sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
    }

    private int queueDepth(String url) {
        var attributes = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings(
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
        return Integer.parseInt(attributes.get("ApproximateNumberOfMessages"))
                + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
    }
}
