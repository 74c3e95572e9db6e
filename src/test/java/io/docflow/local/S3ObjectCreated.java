package io.docflow.local;

import java.time.Instant;

/**
 * An object the local S3 has just stored, with what S3's notifications tell about it.
 *
 * @param eventName S3's name for how it was created: {@code Put}, {@code Copy}, {@code CompleteMultipartUpload}
 */
public record S3ObjectCreated(String bucket, String key, long size, String eTag, String versionId, String sequencer,
                              String eventName, Instant time) {
}
