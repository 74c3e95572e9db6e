package io.docflow.local.textract;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import io.docflow.local.LocalHttpServer;

/**
 * A local Amazon Textract on 127.0.0.1 for tests and local mode: DetectDocumentText over the real wire protocols
 * (Smithy RPC v2 CBOR, which SDK 2.57+ speaks, and AWS JSON 1.1, which older SDKs speak; see {@code TextractApi}),
 * for PNG, JPEG and TIFF bytes sent in the request.
 * Its PAGE, LINE and WORD blocks, with Confidence and Geometry, come from the local Tesseract. Other operations,
 * S3 documents and PDFs are answered with the errors Textract gives for what it cannot do.
 */
public final class LocalTextract implements AutoCloseable {

    private final AtomicInteger pagesRead = new AtomicInteger();
    private final LocalHttpServer server;

    private LocalTextract(int port) {
        this.server = LocalHttpServer.start("local-textract", port,
                new TextractApi(new TesseractBlocks(), pagesRead::incrementAndGet));
    }

    /** Starts serving on {@code port} (0: any free port). */
    public static LocalTextract start(int port) {
        return new LocalTextract(port);
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** DetectDocumentText calls answered with blocks so far. */
    public int pagesRead() {
        return pagesRead.get();
    }

    @Override
    public void close() {
        server.close();
    }
}
