package io.docflow.pipeline;

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

/** Puts documents into a test context's input bucket and waits for their jobs' outcome and result. */
final class PipelineDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DocflowProperties config;
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;

    PipelineDocuments(DocflowProperties config, S3Client s3, DynamoDbClient dynamoDb) {
        this.config = config;
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
    }

    /** Puts the object into the input bucket and returns the id its job will have. */
    String put(String key, byte[] content) {
        String bucket = config.buckets().input();
        String eTag = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content)).eTag();
        return (new SourceObject(bucket, key, content.length, eTag, null, null, "test")).jobId();
    }

    /** The job item once the job is final and announced. */
    Map<String, AttributeValue> awaitFinal(String jobId, Duration atMost) {
        return await().atMost(atMost).until(() -> dynamoDb.getItem(b -> b.tableName(config.jobs().table())
                        .key(Map.of("jobId", AttributeValue.fromS(jobId))).consistentRead(true)).item(),
                item -> item != null && item.containsKey("status")
                        && List.of("COMPLETED", "NEEDS_REVIEW", "FAILED").contains(item.get("status").s())
                        && item.containsKey("announced"));
    }

    JsonNode result(String jobId) {
        try {
            return JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(config.buckets().results())
                    .key("results/" + jobId + ".json")).asUtf8String());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The extracted text stored for the job whose result this is (its textLocation). */
    String text(JsonNode result) {
        java.net.URI location = java.net.URI.create(result.at("/textLocation").asText());
        return s3.getObjectAsBytes(b -> b.bucket(location.getHost()).key(location.getPath().substring(1))).asUtf8String();
    }
}
