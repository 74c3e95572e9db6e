package io.docflow.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The EventBridge "Object Created" event S3 sends, written by docflow itself for an object it wants processed again
 * (a re-process): the ingest route reads it as it reads S3's own ({@link StorageEventParser}), so a re-run takes the
 * same path as the first run. {@code reason} says why it was sent.
 */
public final class ObjectCreatedEvents {

    private ObjectCreatedEvents() {
    }

    public static String of(ObjectMapper mapper, SourceObject source, String reason) {
        ObjectNode event = mapper.createObjectNode();
        event.put("source", "aws.s3");
        event.put("detail-type", "Object Created");
        ObjectNode detail = event.putObject("detail");
        detail.putObject("bucket").put("name", source.bucket());
        ObjectNode object = detail.putObject("object");
        object.put("key", source.key());
        object.put("size", source.size());
        object.put("etag", source.eTag());
        if (source.versionId() != null) {
            object.put("version-id", source.versionId());
        }
        detail.put("reason", reason);
        return event.toString();
    }
}
