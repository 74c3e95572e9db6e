package io.docflow.local.sns;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Sends published messages to the subscribed queues over SQS's real API. Like SNS it delivers after Publish has
 * answered and never fails the publisher; one thread keeps the deliveries in publish order.
 */
final class SqsFanOut implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SqsFanOut.class);

    private final SqsClient sqs;
    private final URI snsEndpoint;
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "local-sns-delivery");
        thread.setDaemon(true);
        return thread;
    });

    SqsFanOut(SqsClient sqs, URI snsEndpoint) {
        this.sqs = sqs;
        this.snsEndpoint = snsEndpoint;
    }

    void deliver(List<SqsDelivery> deliveries) {
        for (SqsDelivery each : deliveries) {
            delivery.execute(() -> {
                try {
                    sqs.sendMessage(request(each));
                } catch (RuntimeException e) {
                    log.warn("Local SNS could not deliver message {} to {}: {}", each.message().messageId(),
                            each.queueArn(), e.toString());
                }
            });
        }
    }

    private SendMessageRequest request(SqsDelivery each) {
        PublishedMessage message = each.message();
        String queueUrl = sqs.getQueueUrl(b -> b.queueName(each.queueName())).queueUrl();
        SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(queueUrl);
        if (each.raw()) {
            request.messageBody(message.message()).messageAttributes(sqsAttributes(message));
        } else {
            request.messageBody(SnsEnvelope.json(each, snsEndpoint));
        }
        if (each.queueName().endsWith(".fifo")) {
            request.messageGroupId(message.messageGroupId()).messageDeduplicationId(message.deduplicationId());
        }
        return request.build();
    }

    private static Map<String, MessageAttributeValue> sqsAttributes(PublishedMessage message) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        message.attributes().forEach((name, attribute) -> attributes.put(name, MessageAttributeValue.builder()
                .dataType(attribute.dataType())
                .stringValue(attribute.stringValue())
                .binaryValue(attribute.binaryValue() == null ? null : SdkBytes.fromByteArray(attribute.binaryValue()))
                .build()));
        return attributes;
    }

    /** Lets the deliveries already accepted finish, for at most five seconds. */
    @Override
    public void close() throws InterruptedException {
        delivery.shutdown();
        delivery.awaitTermination(5, TimeUnit.SECONDS);
    }
}
