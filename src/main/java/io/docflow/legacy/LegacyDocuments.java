package io.docflow.legacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.docflow.config.DocflowProperties;
import io.docflow.config.DocflowStartupException;
import io.docflow.ingest.SourceObject;
import io.docflow.legacy.xml.FaultCode;
import io.docflow.legacy.xml.GetDocumentStatus;
import io.docflow.legacy.xml.InlineDocument;
import io.docflow.legacy.xml.ProcessDocument;
import io.docflow.legacy.xml.S3Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Puts a legacy request's document where the pipeline picks it up: {@code <key-prefix><correlationId>/<file name>} in
 * the input bucket. Inline content is written there, an S3Reference is copied there (S3 to S3, docflow never holds
 * it); the object's S3 event then makes it a job like any other. The key depends on the correlation id only, and a
 * correlation id that has a document already gets that document back, never a second one, so one correlation id is
 * one object version and so one job. The object carries the correlation id and a fingerprint of the request's
 * document in its metadata, so a correlation id reused for a different document is refused. Inline writes are
 * conditional (If-None-Match), so two copies of a request racing each other still write once; copies are not (the
 * SDK docflow builds with has no conditional CopyObject), so two racing copies of an S3Reference request may copy
 * twice, which in a versioned input bucket would make two versions.
 */
@Component("legacyDocuments")
public class LegacyDocuments {

    /** Reads of an object a concurrent copy of the request is still writing: 100 ms, 200 ms, ... 800 ms apart. */
    private static final int WRITE_IN_FLIGHT_ATTEMPTS = 9;

    static final String CORRELATION_METADATA = "docflow-correlation-id";
    static final String FINGERPRINT_METADATA = "docflow-request-fingerprint";
    static final String VIA = io.docflow.ingest.SourceOrigins.LEGACY_SOAP;
    private static final Logger log = LoggerFactory.getLogger(LegacyDocuments.class);

    private final S3Client s3;
    private final String inputBucket;
    private final String keyPrefix;
    private final Set<String> sourceBuckets;

    public LegacyDocuments(S3Client s3, DocflowProperties properties) {
        this.s3 = s3;
        this.inputBucket = properties.buckets().input();
        this.keyPrefix = properties.legacy().keyPrefix();
        Set<String> buckets = new LinkedHashSet<>(properties.legacy().sourceBuckets());
        if (buckets.isEmpty()) {
            buckets.add(inputBucket);
        }
        this.sourceBuckets = Set.copyOf(buckets);
        String ingestPrefix = properties.ingest().prefix();
        if (!keyPrefix.startsWith(ingestPrefix)) {
            throw new DocflowStartupException("docflow.legacy.key-prefix", "'" + keyPrefix + "' lies outside "
                    + "docflow.ingest.prefix '" + ingestPrefix + "', so legacy documents would never become jobs",
                    "Set docflow.legacy.key-prefix to a folder under '" + ingestPrefix + "'.", null);
        }
    }

    /** Stores the document of a ProcessDocument request, or finds the one an earlier request with its correlation id stored. */
    public StoredDocument store(LegacyRequest request) {
        ProcessDocument document = request.processDocument();
        String folder = folder(request.correlationId());
        String fingerprint = fingerprint(document);
        String existing = firstKeyUnder(folder);
        if (existing == null) {
            String key = folder + fileName(document);
            try {
                SourceObject written = document.getInlineDocument() != null
                        ? put(document.getInlineDocument(), key, request, fingerprint)
                        : copy(document.getS3Reference(), key, request, fingerprint);
                log.info("Legacy request {} stored its document at {}", request.correlationId(), written.uri());
                return new StoredDocument(written, false);
            } catch (S3Exception e) {
                if (e.statusCode() != 412 && e.statusCode() != 409) {
                    throw e;
                }
                // a copy of this request wrote it a moment ago
                existing = key;
            }
        }
        return earlier(existing, fingerprint, request);
    }

    /** The job a GetDocumentStatus request asks about: by its id, or by the correlation id's document. */
    public String jobIdOf(LegacyRequest request) {
        GetDocumentStatus query = request.getDocumentStatus();
        if (query.getJobId() != null) {
            return query.getJobId();
        }
        String key = firstKeyUnder(folder(query.getCorrelationId()));
        if (key == null) {
            throw LegacyFaultException.of(FaultCode.UNKNOWN_JOB, "No document was submitted with correlation id '"
                    + query.getCorrelationId() + "'", request.context());
        }
        return (source(key, head(key))).jobId();
    }

    private SourceObject put(InlineDocument inline, String key, LegacyRequest request, String fingerprint) {
        byte[] content = inline.getContent();
        PutObjectResponse put = s3.putObject(b -> b.bucket(inputBucket).key(key).ifNoneMatch("*")
                        .contentType(inline.getContentType()).contentLength((long) content.length)
                        .metadata(metadata(request, fingerprint)),
                RequestBody.fromBytes(content));
        return new SourceObject(inputBucket, key, content.length, put.eTag(), put.versionId(), null, VIA);
    }

    private SourceObject copy(S3Reference reference, String key, LegacyRequest request, String fingerprint) {
        String from = "s3://" + reference.getBucket() + "/" + reference.getKey()
                + (reference.getVersionId() == null ? "" : " (version " + reference.getVersionId() + ")");
        if (!sourceBuckets.contains(reference.getBucket())) {
            throw LegacyFaultException.of(FaultCode.SOURCE_NOT_ALLOWED, "docflow does not read documents from bucket '"
                    + reference.getBucket() + "'; S3References may point into " + String.join(", ", sourceBuckets.stream().sorted().toList()),
                    request.context());
        }
        HeadObjectResponse source;
        try {
            source = s3.headObject(b -> b.bucket(reference.getBucket()).key(reference.getKey())
                    .versionId(reference.getVersionId()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404 || e.statusCode() == 400 && reference.getVersionId() != null) {
                throw LegacyFaultException.of(FaultCode.DOCUMENT_NOT_FOUND, "There is no document at " + from, request.context());
            }
            if (e.statusCode() == 403) {
                throw LegacyFaultException.of(FaultCode.SOURCE_NOT_ALLOWED, "docflow may not read " + from, request.context());
            }
            throw e;
        }
        CopyObjectResponse copy = s3.copyObject(b -> b.sourceBucket(reference.getBucket()).sourceKey(reference.getKey())
                .sourceVersionId(reference.getVersionId())
                .destinationBucket(inputBucket).destinationKey(key)
                .metadataDirective(MetadataDirective.REPLACE).contentType(source.contentType())
                .metadata(metadata(request, fingerprint)));
        long size = source.contentLength() == null ? -1 : source.contentLength();
        return new SourceObject(inputBucket, key, size, copy.copyObjectResult().eTag(), copy.versionId(), null, VIA);
    }

    /** The document an earlier request with this correlation id stored, if it is the same document. */
    private StoredDocument earlier(String key, String fingerprint, LegacyRequest request) {
        HeadObjectResponse head = headOfWriteInFlight(key);
        SourceObject source = source(key, head);
        if (!fingerprint.equals(head.metadata().get(FINGERPRINT_METADATA))) {
            String jobId = source.jobId();
            throw LegacyFaultException.of(FaultCode.CORRELATION_ID_REUSED, "Correlation id '" + request.correlationId()
                    + "' was used before for a different document (job " + jobId + "); give every document its own "
                    + "correlation id", request.context(), jobId);
        }
        log.info("Legacy request {} was received before: its document is {}", request.correlationId(), source.uri());
        return new StoredDocument(source, true);
    }

    private HeadObjectResponse head(String key) {
        return s3.headObject(b -> b.bucket(inputBucket).key(key));
    }

    /**
     * The object another copy of the request is writing: S3 refuses a conditional write while a conflicting one is in
     * flight (409) or done (412), so the object may not be readable yet; wait for it a little (at most 3.6 s).
     */
    private HeadObjectResponse headOfWriteInFlight(String key) {
        for (int attempt = 1; ; attempt++) {
            try {
                return head(key);
            } catch (S3Exception e) {
                if (e.statusCode() != 404 || attempt >= WRITE_IN_FLIGHT_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private SourceObject source(String key, HeadObjectResponse head) {
        long size = head.contentLength() == null ? -1 : head.contentLength();
        return new SourceObject(inputBucket, key, size, head.eTag(), head.versionId(), null, VIA);
    }

    private String firstKeyUnder(String folder) {
        return s3.listObjectsV2(b -> b.bucket(inputBucket).prefix(folder).maxKeys(1)).contents().stream()
                .map(S3Object::key).findFirst().orElse(null);
    }

    private String folder(String correlationId) {
        return keyPrefix + correlationId + "/";
    }

    private static Map<String, String> metadata(LegacyRequest request, String fingerprint) {
        return Map.of(CORRELATION_METADATA, request.correlationId(), FINGERPRINT_METADATA, fingerprint);
    }

    /** The schema has made sure the inline name is a bare file name; a referenced key gives its last part. */
    static String fileName(ProcessDocument document) {
        if (document.getInlineDocument() != null) {
            return document.getInlineDocument().getFileName();
        }
        String key = document.getS3Reference().getKey();
        String name = key.substring(key.lastIndexOf('/') + 1).strip();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "document" : name;
    }

    /** What makes two requests the same document: the inline name and content, or the referenced object version. */
    static String fingerprint(ProcessDocument document) {
        MessageDigest sha256 = sha256();
        if (document.getInlineDocument() != null) {
            InlineDocument inline = document.getInlineDocument();
            sha256.update(("inline\n" + inline.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(inline.getContent());
        } else {
            S3Reference reference = document.getS3Reference();
            sha256.update(("s3\n" + reference.getBucket() + "\n" + reference.getKey() + "\n"
                    + (reference.getVersionId() == null ? "" : reference.getVersionId())).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
