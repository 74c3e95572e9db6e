package io.docflow.local.eventbridge;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A rule's target: an SQS queue, and what of the event it receives (all of it, the InputPath part, or a
 * constant Input).
 *
 * @param input     constant JSON text sent instead of the event, or null
 * @param inputPath the part of the event sent instead of all of it, or null
 */
record Target(String id, String arn, String input, InputPath inputPath) {

    /** The message body this target receives for {@code event}; empty when its InputPath selects nothing. */
    Optional<String> payload(JsonNode event) {
        if (input != null) {
            return Optional.of(input);
        }
        if (inputPath != null) {
            return inputPath.select(event).map(JsonNode::toString);
        }
        return Optional.of(event.toString());
    }

    /** The queue's name: the last segment of its ARN, {@code arn:aws:sqs:region:account:name}. */
    String queueName() {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    ObjectNode toJson() {
        ObjectNode json = Json.object().put("Id", id).put("Arn", arn);
        if (input != null) {
            json.put("Input", input);
        }
        if (inputPath != null) {
            json.put("InputPath", inputPath.text());
        }
        return json;
    }
}
