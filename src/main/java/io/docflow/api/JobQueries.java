package io.docflow.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.docflow.config.DocflowProperties;
import io.docflow.jobs.JobItems;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** Reads a job's item and its result for the HTTP API. */
@Service
class JobQueries {

    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final DocflowProperties properties;

    JobQueries(DynamoDbClient dynamoDb, S3Client s3, DocflowProperties properties) {
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        this.properties = properties;
    }

    Map<String, AttributeValue> item(String jobId) {
        try {
            UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            throw new JobNotFoundException(jobId);
        }
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(properties.jobs().table())
                .key(Map.of(JobItems.JOB_ID, AttributeValue.fromS(jobId))).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            throw new JobNotFoundException(jobId);
        }
        return item;
    }

    /** The job as the API shows it: status, class, timings, errors and where the result is. */
    Map<String, Object> status(String jobId) {
        Map<String, AttributeValue> item = item(jobId);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("jobId", jobId);
        status.put("status", text(item, "status"));
        status.put("documentClass", text(item, "documentClass"));
        status.put("confidence", number(item, "confidence"));
        status.put("reason", text(item, "reason"));
        status.put("error", text(item, "error"));
        status.put("source", Map.of("bucket", text(item, "bucket"), "key", text(item, "key")));
        status.put("receivedVia", text(item, "receivedVia"));
        status.put("createdAt", text(item, "createdAt"));
        status.put("finishedAt", text(item, "finishedAt"));
        status.put("model", text(item, "model"));
        status.put("costUsd", number(item, "costUsd"));
        Map<String, Object> timings = new LinkedHashMap<>();
        if (item.containsKey("stageMillis")) {
            item.get("stageMillis").m().forEach((stage, ms) -> timings.put(stage, Long.parseLong(ms.n())));
        }
        status.put("stageMillis", timings);
        Map<String, Object> keyFields = new LinkedHashMap<>();
        if (item.containsKey("keyFields")) {
            item.get("keyFields").m().forEach((field, value) -> keyFields.put(field, value.s()));
        }
        status.put("keyFields", keyFields);
        status.put("resultLocation", text(item, "resultLocation"));
        return status;
    }

    /** The result document, or null while the job has none yet. */
    ResponseInputStream<GetObjectResponse> result(String jobId) {
        Map<String, AttributeValue> item = item(jobId);
        if (!item.containsKey("resultLocation")) {
            return null;
        }
        return s3.getObject(b -> b.bucket(properties.buckets().results()).key("results/" + jobId + ".json"));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static Double number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Double.valueOf(value.n());
    }
}
