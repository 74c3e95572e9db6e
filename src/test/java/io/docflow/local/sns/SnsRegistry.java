package io.docflow.local.sns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** The topics and subscriptions of the local SNS, in creation order. */
final class SnsRegistry {

    private static final Pattern SUBSCRIPTION_ARN =
            Pattern.compile("arn:aws:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]{1,256}:[0-9a-f-]{36}");

    private final Map<String, Topic> topics = new LinkedHashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();

    /** Creates the topic, or returns the one of that name if the request does not ask for other attributes. */
    synchronized Topic createTopic(String name, Map<String, String> attributes) {
        Topic existing = topics.get(Topic.arnOf(name));
        if (existing != null) {
            if (existing.conflictsWith(attributes)) {
                throw SnsFault.invalidParameter("Invalid parameter: Attributes Reason: Topic already exists with "
                        + "different attributes");
            }
            return existing;
        }
        Topic topic = Topic.create(name, attributes);
        topics.put(topic.arn(), topic);
        return topic;
    }

    synchronized List<Topic> topics() {
        return new ArrayList<>(topics.values());
    }

    synchronized Topic topic(String arn) {
        Topic.checkArn(arn, "TopicArn");
        Topic topic = topics.get(arn);
        if (topic == null) {
            throw SnsFault.notFound("Topic does not exist");
        }
        return topic;
    }

    /** Deleting a topic that does not exist succeeds, as in SNS; its subscriptions go with it. */
    synchronized void deleteTopic(String arn) {
        Topic.checkArn(arn, "TopicArn");
        topics.remove(arn);
        subscriptions.values().removeIf(subscription -> subscription.topicArn().equals(arn));
    }

    /** Subscribing a queue twice returns the first subscription, unless other attributes are asked for. */
    synchronized Subscription subscribe(String topicArn, String queueArn, Map<String, String> attributes) {
        Topic topic = topic(topicArn);
        for (Subscription existing : subscriptions.values()) {
            if (existing.topicArn().equals(topicArn) && existing.queueArn().equals(queueArn)) {
                if (!existing.hasAttributes(attributes)) {
                    throw SnsFault.invalidParameter("Invalid parameter: Attributes Reason: Subscription already "
                            + "exists with different attributes");
                }
                return existing;
            }
        }
        Subscription subscription = new Subscription(topicArn + ":" + UUID.randomUUID(), topic, queueArn, attributes);
        subscriptions.put(subscription.arn(), subscription);
        return subscription;
    }

    synchronized Subscription subscription(String arn) {
        checkSubscriptionArn(arn);
        Subscription subscription = subscriptions.get(arn);
        if (subscription == null) {
            throw SnsFault.notFound("Subscription does not exist");
        }
        return subscription;
    }

    /** Like SNS, removing a well-formed subscription ARN that is already gone is no error. */
    synchronized void unsubscribe(String arn) {
        checkSubscriptionArn(arn);
        subscriptions.remove(arn);
    }

    synchronized List<Subscription> subscriptions() {
        return new ArrayList<>(subscriptions.values());
    }

    synchronized List<Subscription> subscriptions(String topicArn) {
        return subscriptions.values().stream().filter(s -> s.topicArn().equals(topicArn)).toList();
    }

    private static void checkSubscriptionArn(String arn) {
        if (!SUBSCRIPTION_ARN.matcher(arn).matches()) {
            throw SnsFault.invalidParameter("Invalid parameter: SubscriptionArn Reason: An ARN must have the format "
                    + "arn:aws:sns:region:account:topic:subscription-id");
        }
    }
}
