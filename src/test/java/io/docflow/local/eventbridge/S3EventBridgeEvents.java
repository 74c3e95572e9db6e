package io.docflow.local.eventbridge;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.local.LocalAws;
import io.docflow.local.S3ObjectCreated;

/**
 * The "Object Created" event S3 puts on the default bus when a bucket has EventBridge notifications on. Unlike
 * S3's own notifications, it carries the key as it is, not URL-encoded, and the ETag without quotes.
 */
final class S3EventBridgeEvents {

    private S3EventBridgeEvents() {
    }

    static ObjectNode objectCreated(S3ObjectCreated created) {
        ObjectNode detail = Json.object().put("version", "0");
        detail.putObject("bucket").put("name", created.bucket());
        ObjectNode object = detail.putObject("object")
                .put("key", created.key())
                .put("size", created.size())
                .put("etag", created.eTag() == null ? null : created.eTag().replace("\"", ""));
        if (created.versionId() != null) {
            object.put("version-id", created.versionId());
        }
        object.put("sequencer", created.sequencer());
        detail.put("request-id", UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT))
                .put("requester", LocalAws.ACCOUNT_ID)
                .put("source-ip-address", "127.0.0.1")
                .put("reason", reason(created.eventName()));
        return Envelope.create("aws.s3", "Object Created", created.time(),
                List.of("arn:aws:s3:::" + created.bucket()), detail);
    }

    /** S3ObjectCreated names the S3 call as S3 notifications do; EventBridge events name the API action. */
    static String reason(String eventName) {
        return switch (eventName) {
            case "Put" -> "PutObject";
            case "Copy" -> "CopyObject";
            default -> eventName;
        };
    }
}
