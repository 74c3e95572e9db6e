package io.docflow.local.sns;

import java.util.Map;
import java.util.Set;

import io.docflow.local.LocalAws;

/**
 * Subscribe, Unsubscribe, ListSubscriptionsByTopic, ListSubscriptions, GetSubscriptionAttributes and
 * SetSubscriptionAttributes. Only SQS queues can subscribe; they are confirmed at once, as same-account queues are.
 */
final class SubscriptionActions {

    private static final Set<String> OTHER_PROTOCOLS =
            Set.of("http", "https", "email", "email-json", "sms", "application", "lambda", "firehose");
    /** SNS lists 100 subscriptions a page. */
    private static final int PAGE = 100;

    private final SnsRegistry registry;

    SubscriptionActions(SnsRegistry registry) {
        this.registry = registry;
    }

    void register(Map<String, SnsAction> actions) {
        actions.put("Subscribe", this::subscribe);
        actions.put("Unsubscribe", this::unsubscribe);
        actions.put("ListSubscriptionsByTopic", this::listSubscriptionsByTopic);
        actions.put("ListSubscriptions", this::listSubscriptions);
        actions.put("GetSubscriptionAttributes", this::getSubscriptionAttributes);
        actions.put("SetSubscriptionAttributes", this::setSubscriptionAttributes);
    }

    private String subscribe(QueryParams params, String requestId) {
        String topicArn = params.required("TopicArn");
        String protocol = params.required("Protocol");
        if (!protocol.equals(Subscription.PROTOCOL)) {
            throw SnsFault.invalidParameter(OTHER_PROTOCOLS.contains(protocol)
                    ? "Invalid parameter: Protocol Reason: the local SNS delivers to sqs only, not " + protocol
                    : "Invalid parameter: Amazon SNS does not support this protocol string: " + protocol);
        }
        Subscription subscription = registry.subscribe(topicArn, params.required("Endpoint"), params.map("Attributes"));
        return SnsXml.response("Subscribe", requestId, xml -> xml.leaf("SubscriptionArn", subscription.arn()));
    }

    private String unsubscribe(QueryParams params, String requestId) {
        registry.unsubscribe(params.required("SubscriptionArn"));
        return SnsXml.response("Unsubscribe", requestId, null);
    }

    private String listSubscriptionsByTopic(QueryParams params, String requestId) {
        String topicArn = registry.topic(params.required("TopicArn")).arn();
        Page<Subscription> page = Page.of(registry.subscriptions(topicArn), params.optional("NextToken"), PAGE);
        return SnsXml.response("ListSubscriptionsByTopic", requestId, xml -> write(xml, page));
    }

    private String listSubscriptions(QueryParams params, String requestId) {
        Page<Subscription> page = Page.of(registry.subscriptions(), params.optional("NextToken"), PAGE);
        return SnsXml.response("ListSubscriptions", requestId, xml -> write(xml, page));
    }

    private String getSubscriptionAttributes(QueryParams params, String requestId) {
        Subscription subscription = registry.subscription(params.required("SubscriptionArn"));
        return SnsXml.response("GetSubscriptionAttributes", requestId,
                xml -> xml.entries("Attributes", subscription.attributes()));
    }

    private String setSubscriptionAttributes(QueryParams params, String requestId) {
        Subscription subscription = registry.subscription(params.required("SubscriptionArn"));
        String value = params.optional("AttributeValue");
        subscription.apply(Map.of(params.required("AttributeName"), value == null ? "" : value));
        return SnsXml.response("SetSubscriptionAttributes", requestId, null);
    }

    private static void write(SnsXml xml, Page<Subscription> page) {
        xml.open("Subscriptions");
        page.items().forEach(subscription -> xml.open("member")
                .leaf("TopicArn", subscription.topicArn())
                .leaf("Protocol", Subscription.PROTOCOL)
                .leaf("SubscriptionArn", subscription.arn())
                .leaf("Owner", LocalAws.ACCOUNT_ID)
                .leaf("Endpoint", subscription.queueArn())
                .close("member"));
        xml.close("Subscriptions").leaf("NextToken", page.nextToken());
    }
}
