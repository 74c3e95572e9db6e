package io.docflow.local.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.local.LocalAws;
import io.docflow.local.LocalClients;
import io.docflow.local.LocalPorts;
import org.apache.camel.Exchange;
import org.apache.camel.component.aws2.sns.Sns2Constants;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Camel's aws2-sns producer works against the local SNS unchanged: it finds the topic's ARN by name through
 * ListTopics, publishes, and its headers arrive as SNS message attributes.
 */
class LocalSnsCamelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void camelProducerPublishesWithHeadersAsMessageAttributes() throws Exception {
        try (LocalAws aws = LocalAws.start(LocalPorts.free());
             LocalClients clients = new LocalClients(aws);
             LocalSns localSns = LocalSns.start(0, clients.sqs());
             SnsClient sns = LocalSnsTest.snsClient(localSns.endpoint());
             DefaultCamelContext camel = new DefaultCamelContext()) {
            // more topics than one ListTopics page, so Camel must follow NextToken to find its topic
            for (int i = 0; i < 120; i++) {
                int n = i;
                sns.createTopic(b -> b.name("other-topic-" + n));
            }
            String topicArn = sns.createTopic(b -> b.name("docflow-document-events")).topicArn();
            String queueUrl = clients.sqs().createQueue(b -> b.queueName("camel-subscriber")).queueUrl();
            String queueArn = clients.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
            camel.start();

            String uri = "aws2-sns:docflow-document-events?overrideEndpoint=true&uriEndpointOverride="
                    + localSns.endpoint() + "&region=us-east-1&accessKey=x&secretKey=y&autoCreateTopic=false";
            Exchange sent = camel.createProducerTemplate().send(uri, exchange -> {
                exchange.getIn().setBody("{\"documentId\":\"d-9\",\"status\":\"done\"}");
                exchange.getIn().setHeader(Sns2Constants.SUBJECT, "Document done");
                exchange.getIn().setHeader("status", "done");
                exchange.getIn().setHeader("pages", 12);
            });

            assertThat(sent.getException()).isNull();
            assertThat(sent.getMessage().getHeader(Sns2Constants.MESSAGE_ID, String.class)).isNotBlank();
            List<Message> messages = await().atMost(Duration.ofSeconds(10)).until(() -> clients.sqs()
                    .receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages(), m -> !m.isEmpty());
            JsonNode envelope = JSON.readTree(messages.get(0).body());
            assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
            assertThat(envelope.get("MessageId").asText())
                    .isEqualTo(sent.getMessage().getHeader(Sns2Constants.MESSAGE_ID, String.class));
            assertThat(envelope.get("TopicArn").asText()).isEqualTo(topicArn);
            assertThat(envelope.get("Subject").asText()).isEqualTo("Document done");
            assertThat(envelope.get("Message").asText()).isEqualTo("{\"documentId\":\"d-9\",\"status\":\"done\"}");
            JsonNode attributes = envelope.get("MessageAttributes");
            assertThat(attributes.get("status").get("Type").asText()).isEqualTo("String");
            assertThat(attributes.get("status").get("Value").asText()).isEqualTo("done");
            // Camel sends numeric headers as String attributes
            assertThat(attributes.get("pages").get("Type").asText()).isEqualTo("String");
            assertThat(attributes.get("pages").get("Value").asText()).isEqualTo("12");
            assertThat(attributes.has(Sns2Constants.SUBJECT)).isFalse();
        }
    }
}
