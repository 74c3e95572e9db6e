package io.docflow.store;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * Earlier results of a job kept beside its current one: {@code results/{jobId}.v1.json}, {@code .v2.json}, ... in
 * the order they were replaced (by a review or a re-process), so no result docflow wrote is ever overwritten.
 */
public final class ResultVersions {

    private ResultVersions() {
    }

    static String versionKey(String jobId, int version) {
        return "results/" + jobId + ".v" + version + ".json";
    }

    /** The key the current result should be kept under before it is replaced: the next free version. */
    public static String nextVersionKey(S3Client s3, String bucket, String jobId) {
        int kept = s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("results/" + jobId + ".v")).contents().stream()
                .mapToInt(o -> o.key().endsWith(".json") ? 1 : 0).sum();
        return versionKey(jobId, kept + 1);
    }
}
