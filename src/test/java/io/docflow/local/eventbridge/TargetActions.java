package io.docflow.local.eventbridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** PutTargets, RemoveTargets, ListTargetsByRule. Targets are SQS queues only. */
final class TargetActions {

    private static final Pattern TARGET_ID = Pattern.compile("[\\.\\-_A-Za-z0-9]+");
    private static final Pattern SQS_ARN = Pattern.compile("arn:aws:sqs:[a-z0-9-]+:\\d{12}:[\\w-]+(\\.fifo)?");
    /** AWS's fixed quota of targets per rule. */
    private static final int MAX_TARGETS_PER_RULE = 5;

    private final Buses buses;

    TargetActions(Buses buses) {
        this.buses = buses;
    }

    Map<String, Function<ApiRequest, ObjectNode>> actions() {
        return Map.of(
                "PutTargets", this::put,
                "RemoveTargets", this::remove,
                "ListTargetsByRule", this::list);
    }

    private ObjectNode put(ApiRequest request) {
        EventBus bus = buses.get(request.text("EventBusName"));
        String ruleName = request.required("Rule");
        List<JsonNode> entries = request.list("Targets", 1, 10);
        List<Target> accepted = new ArrayList<>();
        ArrayNode failed = Json.MAPPER.createArrayNode();
        for (JsonNode entry : entries) {
            ApiRequest target = new ApiRequest(entry);
            String id = target.required("Id", TARGET_ID, 64);
            String arn = target.required("Arn");
            String problem = unsupported(target, arn);
            if (problem != null) {
                failed.addObject().put("TargetId", id).put("ErrorCode", "ValidationException").put("ErrorMessage", problem);
            } else {
                accepted.add(new Target(id, arn, input(target), inputPath(target)));
            }
        }
        bus.updateRule(ruleName, rule -> {
            Rule updated = rule.withTargets(accepted);
            if (updated.targets().size() > MAX_TARGETS_PER_RULE) {
                throw ApiError.of("LimitExceededException", "The requested resource exceeds the maximum number "
                        + "allowed: a rule has at most " + MAX_TARGETS_PER_RULE + " targets.");
            }
            return updated;
        });
        ObjectNode response = Json.object().put("FailedEntryCount", failed.size());
        response.set("FailedEntries", failed);
        return response;
    }

    /** Why the local EventBridge cannot serve this target, or null when it can. */
    private static String unsupported(ApiRequest target, String arn) {
        if (!SQS_ARN.matcher(arn).matches()) {
            return "The local EventBridge delivers to SQS queues only; " + arn + " is not an SQS queue ARN.";
        }
        if (target.body().hasNonNull("InputTransformer")) {
            return "The local EventBridge does not support InputTransformer; use Input or InputPath.";
        }
        if (target.text("Input") != null && target.text("InputPath") != null) {
            return "Only one of Input, InputPath or InputTransformer may be given.";
        }
        return null;
    }

    private static String input(ApiRequest target) {
        String input = target.text("Input");
        if (input != null && Json.parseOrNull(input) == null) {
            throw ApiError.validation("Input of target " + target.text("Id") + " is not valid JSON.");
        }
        return input;
    }

    private static InputPath inputPath(ApiRequest target) {
        String path = target.text("InputPath");
        return path == null ? null : InputPath.parse(path);
    }

    private ObjectNode remove(ApiRequest request) {
        EventBus bus = buses.get(request.text("EventBusName"));
        List<String> ids = request.list("Ids", 1, 100).stream().map(JsonNode::asText).toList();
        bus.updateRule(request.required("Rule"), rule -> rule.withoutTargets(ids));
        ObjectNode response = Json.object().put("FailedEntryCount", 0);
        response.putArray("FailedEntries");
        return response;
    }

    private ObjectNode list(ApiRequest request) {
        Rule rule = buses.get(request.text("EventBusName")).rule(request.required("Rule"));
        return Pages.write(Json.object(), "Targets", List.copyOf(rule.targets().values()), request, Target::toJson);
    }
}
