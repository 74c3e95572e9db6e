package io.docflow.local.textract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Textract's wire protocols. Smithy RPC v2 CBOR, what SDK 2.57+ speaks: {@code POST /service/Textract/operation/<Operation>}
 * with header {@code smithy-protocol: rpc-v2-cbor} and a CBOR body (document bytes as a CBOR byte string). AWS JSON 1.1,
 * what older SDKs speak: {@code POST /} with {@code X-Amz-Target: Textract.<Operation>} and a JSON body (bytes in
 * base64). Either way errors are HTTP 400 with {@code {"__type": ..., "Message": ...}} in the request's format, which
 * the SDK turns into its typed exceptions (InvalidParameterException, UnsupportedDocumentException, ...).
 */
final class TextractApi implements HttpHandler {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    private static final String RPC_V2_CBOR = "rpc-v2-cbor";
    private static final String OPERATION_PATH = "/operation/DetectDocumentText";
    private static final Logger log = LoggerFactory.getLogger(TextractApi.class);
    private static final String TARGET = "Textract.DetectDocumentText";
    /** Textract's limit for document bytes in a synchronous request. */
    private static final int MAX_BYTES = 5 * 1024 * 1024;

    private final TesseractBlocks blocks;
    private final Runnable pageRead;

    TextractApi(TesseractBlocks blocks, Runnable pageRead) {
        this.blocks = blocks;
        this.pageRead = pageRead;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            boolean cbor = RPC_V2_CBOR.equals(exchange.getRequestHeaders().getFirst("smithy-protocol"));
            int status = 200;
            ObjectNode body;
            try {
                body = call(exchange, cbor);
            } catch (Refusal e) {
                status = 400;
                body = JSON.createObjectNode().put("__type", e.type).put("Message", e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Local Textract failed", e);
                status = 500;
                body = JSON.createObjectNode().put("__type", "InternalServerError").put("Message", e.toString());
            }
            byte[] bytes = (cbor ? CBOR : JSON).writeValueAsBytes(body);
            if (cbor) {
                exchange.getResponseHeaders().set("Content-Type", "application/cbor");
                exchange.getResponseHeaders().set("smithy-protocol", RPC_V2_CBOR);
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            }
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } finally {
            exchange.close();
        }
    }

    private ObjectNode call(HttpExchange exchange, boolean cbor) throws IOException {
        String operation = cbor ? exchange.getRequestURI().getPath()
                : exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (!"POST".equals(exchange.getRequestMethod())
                || !(cbor ? operation.endsWith(OPERATION_PATH) : TARGET.equals(operation))) {
            throw new Refusal("UnknownOperationException", "The local Textract supports DetectDocumentText only, not "
                    + operation);
        }
        JsonNode request;
        try {
            byte[] requestBytes = exchange.getRequestBody().readAllBytes();
            request = cbor ? CBOR.readTree(requestBytes) : JSON.readTree(new String(requestBytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new Refusal("SerializationException", "The request body is not " + (cbor ? "CBOR" : "JSON"));
        }
        JsonNode bytes = request == null ? null : request.path("Document").path("Bytes");
        if (bytes == null || !(cbor ? bytes.isBinary() : bytes.isTextual())) {
            throw new Refusal("InvalidParameterException", "Request has invalid parameters: the local Textract reads "
                    + "Document.Bytes only");
        }
        byte[] image;
        try {
            image = cbor ? bytes.binaryValue() : Base64.getDecoder().decode(bytes.asText());
        } catch (IllegalArgumentException e) {
            throw new Refusal("InvalidParameterException", "Request has invalid parameters: Document.Bytes is not base64");
        }
        if (image.length > MAX_BYTES) {
            throw new Refusal("DocumentTooLargeException", "S3 object size " + image.length + " is more than the maximum "
                    + MAX_BYTES);
        }
        if (!isImage(image)) {
            throw new Refusal("UnsupportedDocumentException", "Request has unsupported document format");
        }
        ObjectNode answer = blocks.detect(image);
        pageRead.run();
        return answer;
    }

    /** PNG, JPEG or TIFF, by their signatures (the local Tesseract reads no PDFs). */
    private static boolean isImage(byte[] bytes) {
        return startsWith(bytes, 0x89, 'P', 'N', 'G') || startsWith(bytes, 0xFF, 0xD8, 0xFF)
                || startsWith(bytes, 'I', 'I', 42, 0) || startsWith(bytes, 'M', 'M', 0, 42);
    }

    private static boolean startsWith(byte[] bytes, int... signature) {
        if (bytes.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    static final class Refusal extends RuntimeException {

        private final String type;

        Refusal(String type, String message) {
            super(message, null, false, false);
            this.type = type;
        }
    }
}
