package io.docflow.local.eventbridge;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.local.LocalAws;

/** The event as EventBridge matches and delivers it, with its fields in the order AWS writes them. */
final class Envelope {

    private Envelope() {
    }

    static ObjectNode create(String source, String detailType, Instant time, List<String> resources, JsonNode detail) {
        ObjectNode event = Json.object()
                .put("version", "0")
                .put("id", UUID.randomUUID().toString())
                .put("detail-type", detailType)
                .put("source", source)
                .put("account", LocalAws.ACCOUNT_ID)
                .put("time", time.truncatedTo(ChronoUnit.SECONDS).toString())
                .put("region", LocalAws.REGION);
        resources.forEach(event.putArray("resources")::add);
        event.set("detail", detail);
        return event;
    }

    static String id(JsonNode event) {
        return event.get("id").asText();
    }
}
