package io.docflow.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.UUID;

import io.docflow.config.DocflowProperties;
import io.docflow.ingest.SourceObject;
import io.docflow.ingest.SourceOrigins;
import io.docflow.jobs.JobsTable;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * An HTTP upload: the file goes into the input bucket like any other document, under {@link SourceOrigins#HTTP_UPLOADS},
 * and its job is registered at once (unclaimed) so its status can be asked for right away. The S3 event that follows
 * claims and processes it; should the event register the job first, the key still tells it the job came over HTTP.
 */
@Service
class DocumentUploads {

    private final S3Client s3;
    private final JobsTable jobs;
    private final String bucket;

    DocumentUploads(S3Client s3, JobsTable jobs, DocflowProperties properties) {
        this.s3 = s3;
        this.jobs = jobs;
        this.bucket = properties.buckets().input();
    }

    String upload(String fileName, String contentType, long size, InputStream content) throws IOException {
        String key = SourceOrigins.HTTP_UPLOADS + LocalDate.now() + "/" + UUID.randomUUID() + "/" + safeName(fileName);
        PutObjectResponse put;
        try (content) {
            put = s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).contentLength(size),
                    RequestBody.fromInputStream(content, size));
        }
        SourceObject source = new SourceObject(bucket, key, size, put.eTag(), put.versionId(), null, SourceOrigins.HTTP);
        jobs.registerUnclaimed(source);
        return source.jobId();
    }

    /** Keeps the name readable in the key but drops path parts and control characters. */
    static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "document" : name;
    }
}
