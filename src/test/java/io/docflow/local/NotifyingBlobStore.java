package io.docflow.local;

import java.io.InputStream;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * S3Proxy's blob store with the one thing the emulator lacks: it reports every object created, whichever S3 call
 * created it (PutObject, CopyObject, CompleteMultipartUpload), so local S3 can emit notifications as real S3 does.
 * Only objects a client created are reported: S3Proxy keeps each multipart upload's state in a stub object of its
 * own, written with putBlob when the upload starts, which real S3 would never announce.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {

    /** The key prefix S3Proxy reserves for its multipart stubs (S3ProxyHandler's MULTIPART_STUB_PREFIX, private). */
    static final String MULTIPART_STUB_PREFIX = ".s3proxy-mpu-stub-";

    private final Consumer<S3ObjectCreated> listener;
    private final AtomicLong sequencer = new AtomicLong(System.currentTimeMillis() * 1000);

    NotifyingBlobStore(BlobStore delegate, Consumer<S3ObjectCreated> listener) {
        super(delegate);
        this.listener = listener;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        PutObjectResponse response = super.putBlob(request, content);
        if (!request.key().startsWith(MULTIPART_STUB_PREFIX)) {
            created(request.bucket(), request.key(), response.versionId(), "Put");
        }
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        created(request.destinationBucket(), request.destinationKey(), response.versionId(), "Copy");
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
                                                                   CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        created(request.bucket(), request.key(), response.versionId(), "CompleteMultipartUpload");
        return response;
    }

    private void created(String bucket, String key, String versionId, String eventName) {
        HeadObjectResponse head = delegate().blobMetadata(HeadObjectRequest.builder().bucket(bucket).key(key).build());
        long size = head.contentLength() == null ? 0 : head.contentLength();
        listener.accept(new S3ObjectCreated(bucket, key, size, head.eTag(), versionId,
                String.format("%018X", sequencer.incrementAndGet()), eventName, Instant.now()));
    }
}
