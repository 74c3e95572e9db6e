package io.docflow.local;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import io.docflow.ingest.SourceObject;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/** What the end-to-end tests do as a user: put documents into S3 and read their jobs and results back. */
public final class TestDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FINAL = List.of("COMPLETED", "NEEDS_REVIEW", "FAILED");

    private final DocflowProperties config;
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;

    public TestDocuments(DocflowProperties config, S3Client s3, DynamoDbClient dynamoDb) {
        this.config = config;
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
    }

    /** Puts {@code content} into the input bucket and returns the id its job will have. */
    public String put(String key, byte[] content) {
        return put(config.buckets().input(), key, content);
    }

    public String put(String bucket, String key, byte[] content) {
        String eTag = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content)).eTag();
        return (new SourceObject(bucket, key, content.length, eTag, null, null, "test")).jobId();
    }

    public Map<String, AttributeValue> item(String jobId) {
        return dynamoDb.getItem(b -> b.tableName(config.jobs().table())
                .key(Map.of("jobId", AttributeValue.fromS(jobId))).consistentRead(true)).item();
    }

    /** The job item once the job has its final status and has been announced. */
    public Map<String, AttributeValue> awaitFinal(String jobId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> item(jobId),
                item -> item != null && item.containsKey("status") && FINAL.contains(item.get("status").s())
                        && item.containsKey("announced"));
    }

    public JsonNode result(String jobId) {
        try {
            return JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(config.buckets().results())
                    .key("results/" + jobId + ".json")).asUtf8String());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
