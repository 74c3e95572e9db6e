package io.docflow.local.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.local.LocalAws;
import io.docflow.local.LocalClients;
import io.docflow.local.LocalPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The local SNS, driven by the real SDK SnsClient, fans out to the local SQS exactly as SNS does. */
class LocalSnsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalAws aws;
    private static LocalClients clients;
    private static LocalSns localSns;
    private static SnsClient sns;

    @BeforeAll
    static void start() {
        aws = LocalAws.start(LocalPorts.free());
        clients = new LocalClients(aws);
        localSns = LocalSns.start(0, clients.sqs());
        sns = snsClient(localSns.endpoint());
    }

    @AfterAll
    static void stop() {
        if (sns != null) {
            sns.close();
        }
        if (localSns != null) {
            localSns.close();
        }
        if (clients != null) {
            clients.close();
        }
        if (aws != null) {
            aws.close();
        }
    }

    static SnsClient snsClient(URI endpoint) {
        return SnsClient.builder()
                .region(Region.of(LocalAws.REGION))
                .endpointOverride(endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @Test
    void publishDeliversTheSnsNotificationToEverySubscribedQueue() throws Exception {
        String topicArn = sns.createTopic(b -> b.name("document-events")).topicArn();
        String first = queue("envelope-a");
        String second = queue("envelope-b");
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn(first)));
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn(second)));

        PublishResponse published = sns.publish(b -> b.topicArn(topicArn)
                .subject("Document processed")
                .message("{\"documentId\":\"d-1\"}")
                .messageAttributes(Map.of(
                        "status", string("done"),
                        "pages", MessageAttributeValue.builder().dataType("Number").stringValue("12").build(),
                        "checksum", MessageAttributeValue.builder().dataType("Binary")
                                .binaryValue(SdkBytes.fromByteArray(new byte[] {1, 2, 3})).build())));

        assertThat(topicArn).isEqualTo("arn:aws:sns:us-east-1:000000000000:document-events");
        for (String queueUrl : List.of(first, second)) {
            JsonNode envelope = JSON.readTree(receiveOne(queueUrl).body());
            assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
            assertThat(envelope.get("MessageId").asText()).isEqualTo(published.messageId());
            assertThat(envelope.get("TopicArn").asText()).isEqualTo(topicArn);
            assertThat(envelope.get("Subject").asText()).isEqualTo("Document processed");
            assertThat(envelope.get("Message").asText()).isEqualTo("{\"documentId\":\"d-1\"}");
            assertThat(envelope.get("Timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(envelope.get("SignatureVersion").asText()).isEqualTo("1");
            assertThat(envelope.get("Signature").asText()).isNotBlank();
            assertThat(envelope.get("SigningCertURL").asText()).endsWith(".pem");
            assertThat(envelope.get("UnsubscribeURL").asText()).contains("Action=Unsubscribe&SubscriptionArn=");
            JsonNode attributes = envelope.get("MessageAttributes");
            assertThat(attributes.get("status").get("Type").asText()).isEqualTo("String");
            assertThat(attributes.get("status").get("Value").asText()).isEqualTo("done");
            assertThat(attributes.get("pages").get("Type").asText()).isEqualTo("Number");
            assertThat(attributes.get("pages").get("Value").asText()).isEqualTo("12");
            assertThat(attributes.get("checksum").get("Type").asText()).isEqualTo("Binary");
            assertThat(attributes.get("checksum").get("Value").asText())
                    .isEqualTo(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}));
        }
    }

    @Test
    void envelopeLeavesOutSubjectAndAttributesNobodyGave() throws Exception {
        String topicArn = sns.createTopic(b -> b.name("plain")).topicArn();
        String queueUrl = queue("plain-envelope");
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn(queueUrl)));

        sns.publish(b -> b.topicArn(topicArn).message("hello"));

        JsonNode envelope = JSON.readTree(receiveOne(queueUrl).body());
        assertThat(envelope.get("Message").asText()).isEqualTo("hello");
        assertThat(envelope.has("Subject")).isFalse();
        assertThat(envelope.has("MessageAttributes")).isFalse();
    }

    @Test
    void rawDeliveryPutsTheMessageAndItsAttributesStraightIntoSqs() {
        String topicArn = sns.createTopic(b -> b.name("raw-events")).topicArn();
        String queueUrl = queue("raw-delivery");
        String subscriptionArn = sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn(queueUrl))
                .attributes(Map.of("RawMessageDelivery", "true"))).subscriptionArn();

        sns.publish(b -> b.topicArn(topicArn).subject("not in raw messages").message("{\"documentId\":\"d-2\"}")
                .messageAttributes(Map.of("status", string("done"),
                        "pages", MessageAttributeValue.builder().dataType("Number").stringValue("7").build())));

        Message message = receiveOne(queueUrl);
        assertThat(message.body()).isEqualTo("{\"documentId\":\"d-2\"}");
        assertThat(message.messageAttributes().get("status").dataType()).isEqualTo("String");
        assertThat(message.messageAttributes().get("status").stringValue()).isEqualTo("done");
        assertThat(message.messageAttributes().get("pages").dataType()).isEqualTo("Number");
        assertThat(message.messageAttributes().get("pages").stringValue()).isEqualTo("7");
        assertThat(sns.getSubscriptionAttributes(b -> b.subscriptionArn(subscriptionArn)).attributes())
                .containsEntry("RawMessageDelivery", "true")
                .containsEntry("Protocol", "sqs")
                .containsEntry("TopicArn", topicArn)
                .containsEntry("Endpoint", queueArn(queueUrl));
    }

    @Test
    void filterPolicyOnStatusDropsTheMessagesItDoesNotMatch() throws Exception {
        String topicArn = sns.createTopic(b -> b.name("filtered-events")).topicArn();
        String queueUrl = queue("filtered");
        String subscriptionArn = sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs")
                .endpoint(queueArn(queueUrl))).subscriptionArn();
        String policy = "{\"status\": [\"done\", \"failed\"], \"pages\": [{\"numeric\": [\">\", 0, \"<=\", 50]}]}";
        sns.setSubscriptionAttributes(b -> b.subscriptionArn(subscriptionArn).attributeName("FilterPolicy")
                .attributeValue(policy));

        sns.publish(b -> b.topicArn(topicArn).message("draft")
                .messageAttributes(Map.of("status", string("draft"), "pages", number("3"))));
        sns.publish(b -> b.topicArn(topicArn).message("too long")
                .messageAttributes(Map.of("status", string("done"), "pages", number("300"))));
        sns.publish(b -> b.topicArn(topicArn).message("no attributes"));
        sns.publish(b -> b.topicArn(topicArn).message("done")
                .messageAttributes(Map.of("status", string("done"), "pages", number("3"))));

        // deliveries keep publish order, so a dropped message would have arrived before the matching one
        List<String> arrived = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            receive(queueUrl).forEach(m -> arrived.add(message(m)));
            return arrived.contains("done");
        });
        receive(queueUrl).forEach(m -> arrived.add(message(m)));
        assertThat(arrived).containsExactly("done");
        assertThat(sns.getSubscriptionAttributes(b -> b.subscriptionArn(subscriptionArn)).attributes())
                .containsEntry("FilterPolicy", policy)
                .containsEntry("FilterPolicyScope", "MessageAttributes");
    }

    @Test
    void publishBatchReportsEachEntryAndDeliversTheGoodOnes() throws Exception {
        String topicArn = sns.createTopic(b -> b.name("batch-events")).topicArn();
        String queueUrl = queue("batch");
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn(queueUrl)));

        PublishBatchResponse response = sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("one").message("first")
                        .messageAttributes(Map.of("status", string("done"))).build(),
                PublishBatchRequestEntry.builder().id("two").subject("Second").message("second").build(),
                PublishBatchRequestEntry.builder().id("three").build()));

        assertThat(response.successful()).extracting(e -> e.id()).containsExactly("one", "two");
        assertThat(response.successful()).allSatisfy(e -> assertThat(e.messageId()).isNotBlank());
        assertThat(response.failed()).singleElement().satisfies(failed -> {
            assertThat(failed.id()).isEqualTo("three");
            assertThat(failed.code()).isEqualTo("InvalidParameter");
            assertThat(failed.senderFault()).isTrue();
        });
        List<JsonNode> envelopes = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (Message m : receive(queueUrl)) {
                envelopes.add(JSON.readTree(m.body()));
            }
            return envelopes.size() >= 2;
        });
        assertThat(envelopes).extracting(e -> e.get("Message").asText()).containsExactlyInAnyOrder("first", "second");
        assertThat(envelopes).filteredOn(e -> e.get("Message").asText().equals("first")).singleElement()
                .satisfies(e -> assertThat(e.at("/MessageAttributes/status/Value").asText()).isEqualTo("done"));
    }

    @Test
    void unknownTopicsAndSubscriptionsAreNotFound() {
        String missing = "arn:aws:sns:us-east-1:000000000000:no-such-topic";

        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(missing).message("x")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFound");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Topic does not exist");
                    assertThat(e.requestId()).isNotBlank();
                });
        assertThatThrownBy(() -> sns.getTopicAttributes(b -> b.topicArn(missing)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sns.subscribe(b -> b.topicArn(missing).protocol("sqs")
                .endpoint("arn:aws:sqs:us-east-1:000000000000:anything")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sns.getSubscriptionAttributes(b -> b.subscriptionArn(
                missing + ":6b0e71bd-7e97-4d97-80ce-4a0994e55286")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void badParametersAreInvalidParameter() {
        String topicArn = sns.createTopic(b -> b.name("strict")).topicArn();
        String queueArn = queueArn(queue("strict"));

        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topicArn)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
                });
        assertThatThrownBy(() -> sns.subscribe(b -> b.topicArn(topicArn).protocol("http").endpoint("http://x")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("FilterPolicy", "{\"status\": [\"done\""))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("FilterPolicy");
        assertThatThrownBy(() -> sns.publish(b -> b.topicArn("not-an-arn").message("x")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sns.createTopic(b -> b.name("needs-fifo-attribute.fifo")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topicArn).message("x")
                .messageAttributes(Map.of("n", number("twelve")))))
                .isInstanceOfSatisfying(InvalidParameterValueException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    @Test
    void answersOverPlainHttpAreShapedExactlyLikeSns() throws Exception {
        HttpResponse<String> created = post("Action=CreateTopic&Version=2010-03-31&Name=raw-http");
        HttpResponse<String> unknown = post("Action=ListPlatformApplications&Version=2010-03-31");

        String requestId = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Content-Type")).hasValue("text/xml");
        assertThat(created.body()).matches("<CreateTopicResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                + "<CreateTopicResult><TopicArn>arn:aws:sns:us-east-1:000000000000:raw-http</TopicArn></CreateTopicResult>"
                + "<ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata></CreateTopicResponse>");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).matches("<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                + "<Error><Type>Sender</Type><Code>InvalidParameter</Code><Message>[^<]+</Message></Error>"
                + "<RequestId>" + requestId + "</RequestId></ErrorResponse>");
    }

    @Test
    void topicsAndSubscriptionsCanBeCreatedListedAndRemoved() throws Exception {
        String topicArn = sns.createTopic(b -> b.name("lifecycle").attributes(Map.of("DisplayName", "Lifecycle")))
                .topicArn();
        assertThat(sns.createTopic(b -> b.name("lifecycle")).topicArn()).isEqualTo(topicArn);
        assertThatThrownBy(() -> sns.createTopic(b -> b.name("lifecycle").attributes(Map.of("DisplayName", "Other"))))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(sns.listTopicsPaginator().topics()).extracting(topic -> topic.topicArn()).contains(topicArn);
        assertThat(sns.getTopicAttributes(b -> b.topicArn(topicArn)).attributes())
                .containsEntry("TopicArn", topicArn)
                .containsEntry("DisplayName", "Lifecycle")
                .containsEntry("Owner", LocalAws.ACCOUNT_ID);

        String queueUrl = queue("lifecycle");
        String queueArn = queueArn(queueUrl);
        String subscriptionArn = sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .returnSubscriptionArn(true)).subscriptionArn();
        assertThat(subscriptionArn).startsWith(topicArn + ":");
        assertThat(sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn)).subscriptionArn())
                .isEqualTo(subscriptionArn);
        assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topicArn)).subscriptions()).singleElement()
                .satisfies(s -> {
                    assertThat(s.subscriptionArn()).isEqualTo(subscriptionArn);
                    assertThat(s.endpoint()).isEqualTo(queueArn);
                    assertThat(s.protocol()).isEqualTo("sqs");
                });
        assertThat(sns.getTopicAttributes(b -> b.topicArn(topicArn)).attributes())
                .containsEntry("SubscriptionsConfirmed", "1");

        // the UnsubscribeURL in every notification works, as it does in SNS
        sns.publish(b -> b.topicArn(topicArn).message("hello"));
        URI unsubscribeUrl = URI.create(JSON.readTree(receiveOne(queueUrl).body()).get("UnsubscribeURL").asText());
        HttpResponse<String> unsubscribed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(unsubscribeUrl).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsubscribed.statusCode()).isEqualTo(200);
        assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topicArn)).subscriptions()).isEmpty();
        sns.unsubscribe(b -> b.subscriptionArn(subscriptionArn));

        sns.deleteTopic(b -> b.topicArn(topicArn));
        sns.deleteTopic(b -> b.topicArn(topicArn));
        assertThatThrownBy(() -> sns.getTopicAttributes(b -> b.topicArn(topicArn))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void fifoTopicsDeliverInOrderToFifoQueuesAndDropDuplicates() throws Exception {
        String topicArn = sns.createTopic(b -> b.name("ordered-events.fifo")
                .attributes(Map.of("FifoTopic", "true"))).topicArn();
        String queueUrl = clients.sqs().createQueue(b -> b.queueName("ordered.fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn(queueUrl)));

        PublishResponse first = sns.publish(b -> b.topicArn(topicArn).message("one").messageGroupId("doc-1")
                .messageDeduplicationId("dedup-1"));
        sns.publish(b -> b.topicArn(topicArn).message("one again").messageGroupId("doc-1")
                .messageDeduplicationId("dedup-1"));
        sns.publish(b -> b.topicArn(topicArn).message("two").messageGroupId("doc-1").messageDeduplicationId("dedup-2"));
        assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topicArn).message("no group")))
                .isInstanceOf(InvalidParameterException.class);

        assertThat(first.sequenceNumber()).isNotBlank();
        List<String> arrived = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (Message m : receive(queueUrl)) {
                arrived.add(message(m));
                clients.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
            return arrived.contains("two");
        });
        assertThat(arrived).containsExactly("one", "two");
        assertThat(sns.getTopicAttributes(b -> b.topicArn(topicArn)).attributes()).containsEntry("FifoTopic", "true");
    }

    private static HttpResponse<String> post(String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(localSns.endpoint())
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String queue(String name) {
        return clients.sqs().createQueue(b -> b.queueName(name)).queueUrl();
    }

    private static String queueArn(String queueUrl) {
        return clients.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private static List<Message> receive(String queueUrl) {
        return clients.sqs().receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1).maxNumberOfMessages(10)
                .messageAttributeNames("All")).messages();
    }

    private static Message receiveOne(String queueUrl) {
        List<Message> messages = await().atMost(Duration.ofSeconds(10)).until(() -> receive(queueUrl), m -> !m.isEmpty());
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static String message(Message sqsMessage) {
        try {
            return JSON.readTree(sqsMessage.body()).get("Message").asText();
        } catch (Exception e) {
            throw new AssertionError("not an SNS notification: " + sqsMessage.body(), e);
        }
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static MessageAttributeValue number(String value) {
        return MessageAttributeValue.builder().dataType("Number").stringValue(value).build();
    }
}
