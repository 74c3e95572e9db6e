package io.docflow.local.eventbridge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.local.LocalAws;

/** An event bus and its rules, kept in name order as ListRules returns them. */
final class EventBus {

    private final String name;
    private final String description;
    private final Instant created = Instant.now();
    private final ConcurrentNavigableMap<String, Rule> rules = new ConcurrentSkipListMap<>();

    EventBus(String name, String description) {
        this.name = name;
        this.description = description;
    }

    static String arn(String name) {
        return "arn:aws:events:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID + ":event-bus/" + name;
    }

    String name() {
        return name;
    }

    String arn() {
        return arn(name);
    }

    /** Creates the rule, or redefines it keeping its targets, as PutRule does. */
    Rule putRule(String ruleName, EventPattern pattern, String state, String ruleDescription) {
        return rules.compute(ruleName, (key, existing) -> existing == null
                ? new Rule(ruleName, name, pattern, state, ruleDescription, Map.of())
                : existing.withDefinition(pattern, state, ruleDescription));
    }

    Rule rule(String ruleName) {
        Rule rule = rules.get(ruleName);
        if (rule == null) {
            throw missingRule(ruleName);
        }
        return rule;
    }

    Rule updateRule(String ruleName, UnaryOperator<Rule> change) {
        Rule updated = rules.computeIfPresent(ruleName, (key, rule) -> change.apply(rule));
        if (updated == null) {
            throw missingRule(ruleName);
        }
        return updated;
    }

    /** Deletes the rule; like AWS, refuses while it has targets and succeeds when it does not exist. */
    void deleteRule(String ruleName) {
        rules.computeIfPresent(ruleName, (key, rule) -> {
            if (!rule.targets().isEmpty()) {
                throw ApiError.validation("Rule can't be deleted since it has targets.");
            }
            return null;
        });
    }

    List<Rule> rules(String namePrefix) {
        return rules.values().stream()
                .filter(rule -> namePrefix == null || rule.name().startsWith(namePrefix))
                .toList();
    }

    /** The enabled rules whose pattern matches {@code event}. */
    List<Rule> matching(JsonNode event) {
        return rules.values().stream().filter(Rule::enabled).filter(rule -> rule.pattern().matches(event)).toList();
    }

    private ApiError missingRule(String ruleName) {
        return ApiError.notFound("Rule " + ruleName + " does not exist on EventBus " + name + ".");
    }

    ObjectNode toJson() {
        ObjectNode json = Json.object().put("Name", name).put("Arn", arn());
        if (description != null) {
            json.put("Description", description);
        }
        json.put("CreationTime", created.toEpochMilli() / 1000.0);
        json.put("LastModifiedTime", created.toEpochMilli() / 1000.0);
        return json;
    }
}
