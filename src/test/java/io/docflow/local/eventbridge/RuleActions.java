package io.docflow.local.eventbridge;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.local.LocalAws;

/** PutRule, DescribeRule, ListRules, DeleteRule, EnableRule, DisableRule. */
final class RuleActions {

    private static final Pattern RULE_NAME = Pattern.compile("[\\.\\-_A-Za-z0-9]+");

    private final Buses buses;

    RuleActions(Buses buses) {
        this.buses = buses;
    }

    Map<String, Function<ApiRequest, ObjectNode>> actions() {
        return Map.of(
                "PutRule", this::put,
                "DescribeRule", this::describe,
                "ListRules", this::list,
                "DeleteRule", this::delete,
                "EnableRule", request -> setState(request, Rule.ENABLED),
                "DisableRule", request -> setState(request, "DISABLED"));
    }

    private ObjectNode put(ApiRequest request) {
        String name = request.required("Name", RULE_NAME, 64);
        if (request.text("ScheduleExpression") != null) {
            throw ApiError.validation("The local EventBridge does not run scheduled rules; give an EventPattern.");
        }
        String patternText = request.text("EventPattern");
        if (patternText == null) {
            throw ApiError.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        String state = request.text("State") == null ? Rule.ENABLED : request.text("State");
        if (!Rule.STATES.contains(state)) {
            throw ApiError.validation("1 validation error detected: Value '" + state + "' at 'state' failed to "
                    + "satisfy constraint: Member must satisfy enum value set: " + Rule.STATES);
        }
        EventBus bus = buses.get(request.text("EventBusName"));
        Rule rule = bus.putRule(name, EventPattern.compile(patternText), state, request.text("Description"));
        return Json.object().put("RuleArn", rule.arn());
    }

    private ObjectNode describe(ApiRequest request) {
        return rule(request).toJson().put("CreatedBy", LocalAws.ACCOUNT_ID);
    }

    private ObjectNode list(ApiRequest request) {
        EventBus bus = buses.get(request.text("EventBusName"));
        return Pages.write(Json.object(), "Rules", bus.rules(request.text("NamePrefix")), request, Rule::toJson);
    }

    private ObjectNode delete(ApiRequest request) {
        buses.get(request.text("EventBusName")).deleteRule(request.required("Name"));
        return Json.object();
    }

    private ObjectNode setState(ApiRequest request, String state) {
        buses.get(request.text("EventBusName")).updateRule(request.required("Name"), rule -> rule.withState(state));
        return Json.object();
    }

    private Rule rule(ApiRequest request) {
        return buses.get(request.text("EventBusName")).rule(request.required("Name"));
    }
}
