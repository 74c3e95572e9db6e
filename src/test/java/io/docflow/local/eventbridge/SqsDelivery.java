package io.docflow.local.eventbridge;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends matched events to their SQS targets over SQS's real API. Like EventBridge it delivers after PutEvents
 * has answered and never fails the put; one thread keeps the events in the order they were put.
 */
final class SqsDelivery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SqsDelivery.class);

    private final SqsClient sqs;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread delivery = new Thread(r, "local-eventbridge-delivery");
        delivery.setDaemon(true);
        return delivery;
    });

    SqsDelivery(SqsClient sqs) {
        this.sqs = sqs;
    }

    void deliver(Target target, JsonNode event) {
        thread.execute(() -> send(target, event));
    }

    private void send(Target target, JsonNode event) {
        Optional<String> body = target.payload(event);
        if (body.isEmpty()) {
            log.warn("Local EventBridge skipped target {}: event {} has nothing at InputPath {}", target.id(),
                    Envelope.id(event), target.inputPath().text());
            return;
        }
        try {
            // Resolved per event, so a queue created or re-created after PutTargets is found.
            String queueUrl = sqs.getQueueUrl(b -> b.queueName(target.queueName())).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body.get()));
        } catch (SdkException e) {
            log.warn("Local EventBridge could not deliver event {} to {}: {}", Envelope.id(event), target.arn(),
                    e.toString());
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
