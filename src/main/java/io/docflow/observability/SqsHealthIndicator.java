package io.docflow.observability;

import java.time.Duration;

import io.docflow.config.DocflowProperties;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Health contributor {@code sqs} (part of the readiness group): the ingest queue can be resolved (GetQueueUrl) within
 * {@link #TIMEOUT}. A pod that cannot reach SQS receives no documents, so it should not take HTTP uploads either.
 */
@Component("sqsHealthIndicator")
public class SqsHealthIndicator extends AbstractHealthIndicator {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final SqsClient sqs;
    private final String queue;

    public SqsHealthIndicator(SqsClient sqs, DocflowProperties properties) {
        super("SQS ingest queue check failed");
        this.sqs = sqs;
        this.queue = properties.queues().ingest();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String url = sqs.getQueueUrl(b -> b.queueName(queue)
                .overrideConfiguration(o -> o.apiCallTimeout(TIMEOUT).apiCallAttemptTimeout(TIMEOUT))).queueUrl();
        builder.up().withDetail("queue", queue).withDetail("url", url);
    }
}
