package io.docflow.ingest;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One object version in S3 that should become a document job, whichever way its arrival was announced.
 *
 * @param eTag      without the surrounding quotes S3 puts on the ETag header
 * @param versionId null when the bucket is not versioned
 * @param via       how docflow heard of it: {@code s3-notification}, {@code eventbridge}, {@code http}, ...
 */
public record SourceObject(String bucket, String key, long size, String eTag, String versionId, String sequencer,
                           String via) {

    public SourceObject {
        eTag = unquote(eTag);
    }

    /** {@code s3://bucket/key#version-or-etag}: what makes two announcements the same document. */
    public String sourceKey() {
        String version = versionId != null && !versionId.isBlank() ? versionId : eTag;
        return "s3://" + bucket + "/" + key + "#" + version;
    }

    /**
     * The id of this object version's job: a name-based UUID of {@link #sourceKey()}, so every path that announces the
     * same object version (S3 notification, EventBridge, HTTP upload, legacy bridge) arrives at the same job.
     */
    public String jobId() {
        return UUID.nameUUIDFromBytes(sourceKey().getBytes(StandardCharsets.UTF_8)).toString();
    }

    public String uri() {
        return "s3://" + bucket + "/" + key;
    }

    private static String unquote(String value) {
        if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
