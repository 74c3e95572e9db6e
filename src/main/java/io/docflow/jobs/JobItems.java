package io.docflow.jobs;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.docflow.ingest.SourceObject;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/**
 * DynamoDB items and conditions for the jobs table, for the routes' aws2-ddb calls.
 * <p>
 * A job's id is a name-based UUID of its source key ({@code s3://bucket/key#version-or-etag}), so every path that
 * announces the same object version (S3 notification, EventBridge, HTTP upload, legacy bridge) arrives at the same
 * id, and a conditional put makes the first one win: one object version, one job.
 */
@Component("jobItems")
public class JobItems {

    public static final String JOB_ID = "jobId";
    public static final String SOURCE_KEY = "sourceKey";
    public static final String STATUS = "status";

    private final Clock clock;

    public JobItems() {
        this(Clock.systemUTC());
    }

    JobItems(Clock clock) {
        this.clock = clock;
    }

    public static String jobIdFor(SourceObject source) {
        return UUID.nameUUIDFromBytes(source.sourceKey().getBytes(StandardCharsets.UTF_8)).toString();
    }

    public String jobId(SourceObject source) {
        return jobIdFor(source);
    }

    /** The item of a job just registered for {@code source}. */
    public Map<String, AttributeValue> queued(SourceObject source) {
        String now = clock.instant().toString();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(JOB_ID, s(jobIdFor(source)));
        item.put(SOURCE_KEY, s(source.sourceKey()));
        item.put(STATUS, s(JobStatus.QUEUED.name()));
        item.put("bucket", s(source.bucket()));
        item.put("key", s(source.key()));
        if (source.size() >= 0) {
            item.put("size", AttributeValue.fromN(Long.toString(source.size())));
        }
        if (source.eTag() != null) {
            item.put("eTag", s(source.eTag()));
        }
        if (source.versionId() != null) {
            item.put("versionId", s(source.versionId()));
        }
        item.put("receivedVia", s(source.via()));
        item.put("createdAt", s(now));
        item.put("updatedAt", s(now));
        return item;
    }

    /** Condition for the put of a new job: no job with this id exists yet. */
    public Map<String, ExpectedAttributeValue> newJobOnly() {
        return Map.of(JOB_ID, ExpectedAttributeValue.builder().exists(false).build());
    }

    public Map<String, AttributeValue> key(String jobId) {
        return Map.of(JOB_ID, s(jobId));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
