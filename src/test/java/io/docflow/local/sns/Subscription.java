package io.docflow.local.sns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.docflow.local.LocalAws;

/** One SQS subscription to a topic, with the attributes that shape its delivery: raw delivery and a filter policy. */
final class Subscription {

    static final String PROTOCOL = "sqs";
    private static final Pattern QUEUE_ARN = Pattern.compile("arn:aws:sqs:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,80}(\\.fifo)?");
    private static final Set<String> SETTABLE = Set.of("DeliveryPolicy", "FilterPolicy", "FilterPolicyScope",
            "RawMessageDelivery", "RedrivePolicy", "SubscriptionRoleArn", "ReplayPolicy");
    private static final Map<String, String> DEFAULTS = Map.of(
            "RawMessageDelivery", "false", "FilterPolicyScope", FilterPolicy.Scope.MessageAttributes.name());

    private final String arn;
    private final String topicArn;
    private final String queueArn;
    private final Map<String, String> attributes = new LinkedHashMap<>(DEFAULTS);
    private FilterPolicy filterPolicy;

    Subscription(String arn, Topic topic, String queueArn, Map<String, String> attributes) {
        if (!QUEUE_ARN.matcher(queueArn).matches()) {
            throw SnsFault.invalidParameter("Invalid parameter: SQS endpoint ARN");
        }
        if (queueArn.endsWith(".fifo") && !topic.fifo()) {
            throw SnsFault.invalidParameter("Invalid parameter: Invalid parameter: Endpoint Reason: "
                    + "FIFO SQS Queues can not be subscribed to standard SNS topics");
        }
        this.arn = arn;
        this.topicArn = topic.arn();
        this.queueArn = queueArn;
        apply(attributes);
    }

    String arn() {
        return arn;
    }

    String topicArn() {
        return topicArn;
    }

    String queueArn() {
        return queueArn;
    }

    /** Sets the given attributes together, after checking all of them; a FilterPolicy of {} or "" removes it. */
    synchronized void apply(Map<String, String> changes) {
        Map<String, String> next = new LinkedHashMap<>(attributes);
        changes.forEach((name, value) -> {
            if (!SETTABLE.contains(name)) {
                throw SnsFault.invalidParameter("Invalid parameter: AttributeName");
            }
            next.put(name, value);
        });
        if (!next.get("RawMessageDelivery").equalsIgnoreCase("true") && !next.get("RawMessageDelivery").equalsIgnoreCase("false")) {
            throw SnsFault.invalidParameter("Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value ["
                    + next.get("RawMessageDelivery") + "]. Must be true or false.");
        }
        FilterPolicy policy = null;
        try {
            FilterPolicy.Scope scope = FilterPolicy.Scope.of(next.get("FilterPolicyScope"));
            String json = next.getOrDefault("FilterPolicy", "").trim();
            if (json.isEmpty() || json.equals("{}")) {
                next.remove("FilterPolicy");
            } else {
                policy = FilterPolicy.parse(json, scope);
            }
        } catch (IllegalArgumentException e) {
            throw SnsFault.invalidParameter("Invalid parameter: FilterPolicy: " + e.getMessage());
        }
        attributes.clear();
        attributes.putAll(next);
        filterPolicy = policy;
    }

    /** Subscribe for an existing subscription succeeds only when it asks for the attributes it already has. */
    synchronized boolean hasAttributes(Map<String, String> requested) {
        return requested.entrySet().stream().allMatch(e -> e.getValue().equals(attributes.get(e.getKey())));
    }

    synchronized Map<String, String> attributes() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Owner", LocalAws.ACCOUNT_ID);
        all.put("SubscriptionArn", arn);
        all.put("TopicArn", topicArn);
        all.put("Protocol", PROTOCOL);
        all.put("Endpoint", queueArn);
        all.put("ConfirmationWasAuthenticated", "true");
        all.put("PendingConfirmation", "false");
        all.putAll(attributes);
        return all;
    }

    /** How {@code message} reaches this subscription's queue, or null when the filter policy drops it. */
    synchronized SqsDelivery deliveryOf(PublishedMessage message) {
        if (filterPolicy != null && !filterPolicy.matches(message.attributes(), message.message())) {
            return null;
        }
        return new SqsDelivery(message, arn, queueArn, attributes.get("RawMessageDelivery").equalsIgnoreCase("true"));
    }
}
