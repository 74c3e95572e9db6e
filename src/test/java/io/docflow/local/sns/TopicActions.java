package io.docflow.local.sns;

import java.util.LinkedHashMap;
import java.util.Map;

import io.docflow.local.LocalAws;

/** CreateTopic, ListTopics, DeleteTopic, GetTopicAttributes and SetTopicAttributes. */
final class TopicActions {

    /** SNS lists 100 topics a page. */
    private static final int PAGE = 100;

    private final SnsRegistry registry;

    TopicActions(SnsRegistry registry) {
        this.registry = registry;
    }

    void register(Map<String, SnsAction> actions) {
        actions.put("CreateTopic", this::createTopic);
        actions.put("ListTopics", this::listTopics);
        actions.put("DeleteTopic", this::deleteTopic);
        actions.put("GetTopicAttributes", this::getTopicAttributes);
        actions.put("SetTopicAttributes", this::setTopicAttributes);
    }

    private String createTopic(QueryParams params, String requestId) {
        Topic topic = registry.createTopic(params.required("Name"), params.map("Attributes"));
        return SnsXml.response("CreateTopic", requestId, xml -> xml.leaf("TopicArn", topic.arn()));
    }

    private String listTopics(QueryParams params, String requestId) {
        Page<Topic> page = Page.of(registry.topics(), params.optional("NextToken"), PAGE);
        return SnsXml.response("ListTopics", requestId, xml -> {
            xml.open("Topics");
            page.items().forEach(topic -> xml.open("member").leaf("TopicArn", topic.arn()).close("member"));
            xml.close("Topics").leaf("NextToken", page.nextToken());
        });
    }

    private String deleteTopic(QueryParams params, String requestId) {
        registry.deleteTopic(params.required("TopicArn"));
        return SnsXml.response("DeleteTopic", requestId, null);
    }

    private String getTopicAttributes(QueryParams params, String requestId) {
        Topic topic = registry.topic(params.required("TopicArn"));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Policy", defaultPolicy(topic.arn()));
        attributes.put("Owner", LocalAws.ACCOUNT_ID);
        attributes.put("SubscriptionsPending", "0");
        attributes.put("TopicArn", topic.arn());
        attributes.put("EffectiveDeliveryPolicy", "{\"http\":{\"defaultHealthyRetryPolicy\":{\"minDelayTarget\":20,"
                + "\"maxDelayTarget\":20,\"numRetries\":3,\"numMaxDelayRetries\":0,\"numNoDelayRetries\":0,"
                + "\"numMinDelayRetries\":0,\"backoffFunction\":\"linear\"},\"disableSubscriptionOverrides\":false,"
                + "\"defaultRequestPolicy\":{\"headerContentType\":\"text/plain; charset=UTF-8\"}}}");
        attributes.put("SubscriptionsConfirmed", Integer.toString(registry.subscriptions(topic.arn()).size()));
        attributes.put("DisplayName", "");
        attributes.put("SubscriptionsDeleted", "0");
        attributes.putAll(topic.attributes());
        return SnsXml.response("GetTopicAttributes", requestId, xml -> xml.entries("Attributes", attributes));
    }

    private String setTopicAttributes(QueryParams params, String requestId) {
        Topic topic = registry.topic(params.required("TopicArn"));
        String value = params.optional("AttributeValue");
        topic.setAttribute(params.required("AttributeName"), value == null ? "" : value);
        return SnsXml.response("SetTopicAttributes", requestId, null);
    }

    private static String defaultPolicy(String topicArn) {
        return "{\"Version\":\"2008-10-17\",\"Id\":\"__default_policy_ID\",\"Statement\":[{\"Sid\":"
                + "\"__default_statement_ID\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":["
                + "\"SNS:GetTopicAttributes\",\"SNS:SetTopicAttributes\",\"SNS:AddPermission\","
                + "\"SNS:RemovePermission\",\"SNS:DeleteTopic\",\"SNS:Subscribe\",\"SNS:ListSubscriptionsByTopic\","
                + "\"SNS:Publish\"],\"Resource\":\"" + topicArn + "\",\"Condition\":{\"StringEquals\":"
                + "{\"AWS:SourceOwner\":\"" + LocalAws.ACCOUNT_ID + "\"}}}]}";
    }
}
