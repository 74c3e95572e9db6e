package io.docflow.ingest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import org.springframework.stereotype.Component;

/**
 * Reads the three shapes in which S3 announces a new object on the ingest queue: the S3 event notification
 * ({@code Records[]}), the EventBridge "Object Created" event, and either of those wrapped in an SNS envelope.
 * Returns the objects that should become jobs: created objects that pass the prefix/suffix filter, never the
 * {@code s3:TestEvent} S3 sends when notifications are configured, never folder markers.
 */
@Component("storageEventParser")
public class StorageEventParser {

    private final ObjectMapper mapper;
    private final String prefix;
    private final String suffix;
    private final SourceOrigins origins;

    public StorageEventParser(ObjectMapper mapper, DocflowProperties properties) {
        this.mapper = mapper;
        this.prefix = properties.ingest().prefix();
        this.suffix = properties.ingest().suffix();
        this.origins = new SourceOrigins(properties.legacy().keyPrefix());
    }

    public List<SourceObject> parse(String body) {
        JsonNode event;
        try {
            event = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UnrecognizedEventException("Ingest message is not JSON: " + e.getOriginalMessage(), e);
        }
        if (event == null || !event.isObject()) {
            throw new UnrecognizedEventException("Ingest message is not a JSON object");
        }
        return parse(event).stream().filter(this::wanted).toList();
    }

    private List<SourceObject> parse(JsonNode event) {
        if ("Notification".equals(event.path("Type").asText()) && event.hasNonNull("Message")) {
            try {
                return parse(mapper.readTree(event.get("Message").asText()));
            } catch (JsonProcessingException e) {
                throw new UnrecognizedEventException("SNS notification's Message is not JSON: " + e.getOriginalMessage(), e);
            }
        }
        if ("s3:TestEvent".equals(event.path("Event").asText())) {
            return List.of();
        }
        if (event.has("Records")) {
            return fromS3Notification(event.get("Records"));
        }
        if ("aws.s3".equals(event.path("source").asText()) && event.has("detail-type")) {
            return fromEventBridge(event);
        }
        throw new UnrecognizedEventException("Ingest message is neither an S3 event notification, an EventBridge "
                + "S3 event nor an SNS notification carrying one (top-level fields: " + fieldNames(event) + ")");
    }

    private List<SourceObject> fromS3Notification(JsonNode records) {
        List<SourceObject> objects = new ArrayList<>();
        for (JsonNode record : records) {
            if (!record.path("eventName").asText().startsWith("ObjectCreated:")) {
                continue;
            }
            JsonNode s3 = record.path("s3");
            JsonNode object = s3.path("object");
            String bucket = required(s3.path("bucket").path("name"), "Records[].s3.bucket.name");
            // S3 notifications form-encode keys: '+' is a space, non-ASCII is %XX.
            String key = URLDecoder.decode(required(object.path("key"), "Records[].s3.object.key"), StandardCharsets.UTF_8);
            objects.add(new SourceObject(bucket, key, object.path("size").asLong(-1), text(object.path("eTag")),
                    text(object.path("versionId")), text(object.path("sequencer")), origins.of(key, "s3-notification")));
        }
        return objects;
    }

    private List<SourceObject> fromEventBridge(JsonNode event) {
        if (!"Object Created".equals(event.path("detail-type").asText())) {
            return List.of();
        }
        JsonNode detail = event.path("detail");
        JsonNode object = detail.path("object");
        // EventBridge carries the key as is, not URL-encoded.
        String key = required(object.path("key"), "detail.object.key");
        return List.of(new SourceObject(required(detail.path("bucket").path("name"), "detail.bucket.name"),
                key, object.path("size").asLong(-1),
                text(object.path("etag")), text(object.path("version-id")), text(object.path("sequencer")),
                origins.of(key, "eventbridge")));
    }

    private boolean wanted(SourceObject object) {
        boolean folderMarker = object.key().endsWith("/") && object.size() <= 0;
        return !folderMarker
                && object.key().startsWith(prefix)
                && object.key().toLowerCase().endsWith(suffix.toLowerCase());
    }

    private static String required(JsonNode node, String field) {
        if (node == null || node.isMissingNode() || node.isNull() || node.asText().isEmpty()) {
            throw new UnrecognizedEventException("S3 event lacks " + field);
        }
        return node.asText();
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
