package io.docflow.local.eventbridge;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** CreateEventBus, DescribeEventBus, ListEventBuses, DeleteEventBus. */
final class BusActions {

    /** Custom bus names; a '/' only appears in partner buses, which the local EventBridge does not have. */
    private static final Pattern CUSTOM_BUS_NAME = Pattern.compile("[\\.\\-_A-Za-z0-9]+");

    private final Buses buses;

    BusActions(Buses buses) {
        this.buses = buses;
    }

    Map<String, Function<ApiRequest, ObjectNode>> actions() {
        return Map.of(
                "CreateEventBus", this::create,
                "DescribeEventBus", this::describe,
                "ListEventBuses", this::list,
                "DeleteEventBus", this::delete);
    }

    private ObjectNode create(ApiRequest request) {
        String name = request.required("Name", CUSTOM_BUS_NAME, 256);
        if (request.text("EventSourceName") != null) {
            throw ApiError.validation("The local EventBridge has no partner event sources; omit EventSourceName.");
        }
        EventBus bus = buses.create(name, request.text("Description"));
        ObjectNode response = Json.object().put("EventBusArn", bus.arn());
        if (request.text("Description") != null) {
            response.put("Description", request.text("Description"));
        }
        return response;
    }

    private ObjectNode describe(ApiRequest request) {
        return buses.get(request.text("Name")).toJson();
    }

    private ObjectNode list(ApiRequest request) {
        return Pages.write(Json.object(), "EventBuses", buses.list(request.text("NamePrefix")), request,
                EventBus::toJson);
    }

    private ObjectNode delete(ApiRequest request) {
        buses.delete(request.required("Name"));
        return Json.object();
    }
}
