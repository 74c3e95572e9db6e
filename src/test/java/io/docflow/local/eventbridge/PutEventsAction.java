package io.docflow.local.eventbridge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * PutEvents: checks each entry as AWS does, answering for each with an EventId or an ErrorCode, and routes the
 * accepted ones. Unlike AWS, which accepts and silently drops events for a bus that does not exist, it fails
 * such an entry, so a wrong bus name shows up in a local run instead of as a missing event.
 */
final class PutEventsAction {

    private final Buses buses;
    private final EventRouter router;

    PutEventsAction(Buses buses, EventRouter router) {
        this.buses = buses;
        this.router = router;
    }

    Map<String, Function<ApiRequest, ObjectNode>> actions() {
        return Map.of("PutEvents", this::put);
    }

    private ObjectNode put(ApiRequest request) {
        List<JsonNode> entries = request.list("Entries", 1, 10);
        ArrayNode results = Json.MAPPER.createArrayNode();
        int failed = 0;
        for (JsonNode entry : entries) {
            ObjectNode result = results.addObject();
            try {
                result.put("EventId", accept(new ApiRequest(entry)));
            } catch (EntryError e) {
                failed++;
                result.put("ErrorCode", e.code).put("ErrorMessage", e.getMessage());
            }
        }
        ObjectNode response = Json.object().put("FailedEntryCount", failed);
        response.set("Entries", results);
        return response;
    }

    private String accept(ApiRequest entry) {
        String source = requiredArgument(entry, "Source");
        String detailType = requiredArgument(entry, "DetailType");
        JsonNode detail = Json.parseOrNull(requiredArgument(entry, "Detail"));
        if (detail == null || !detail.isObject()) {
            throw new EntryError("MalformedDetail", "Detail is malformed.");
        }
        if (source.startsWith("aws.")) {
            throw new EntryError("NotAuthorizedForSourceException",
                    "Not authorized for the source " + source + ": sources starting with aws. are AWS's own.");
        }
        String busName = entry.text("EventBusName");
        Optional<EventBus> bus = buses.find(busName);
        if (bus.isEmpty()) {
            throw new EntryError("InvalidArgument", "Parameter EventBusName is not valid. Reason: Event bus "
                    + Buses.nameOf(busName) + " does not exist.");
        }
        List<String> resources = entry.list("Resources").stream().map(JsonNode::asText).toList();
        ObjectNode event = Envelope.create(source, detailType, time(entry.body().get("Time")), resources, detail);
        router.route(bus.get(), event);
        return Envelope.id(event);
    }

    private static String requiredArgument(ApiRequest entry, String member) {
        String value = entry.text(member);
        if (value == null || value.isEmpty()) {
            throw new EntryError("InvalidArgument",
                    "Parameter " + member + " is not valid. Reason: " + member + " is a required argument.");
        }
        return value;
    }

    /** The JSON 1.1 protocol sends timestamps as epoch seconds, with a fraction. */
    private static Instant time(JsonNode time) {
        if (time == null || time.isNull()) {
            return Instant.now();
        }
        if (!time.isNumber()) {
            throw new EntryError("InvalidArgument", "Parameter Time is not valid. Reason: not a timestamp.");
        }
        BigDecimal seconds = time.decimalValue();
        return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
    }

    /** One entry's failure; the other entries of the call go on. */
    private static final class EntryError extends RuntimeException {

        private final String code;

        EntryError(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
