package io.docflow.admin;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.docflow.config.DocflowProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Publishes the dead-letter queue's depth as {@code docflow.dlq.depth}, read from SQS every 30 seconds. */
@Component
class DeadLetterQueueMonitor implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterQueueMonitor.class);

    private final SqsClient sqs;
    private final String queue;
    private final AtomicLong depth = new AtomicLong(-1);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "docflow-dlq-monitor");
        thread.setDaemon(true);
        return thread;
    });

    DeadLetterQueueMonitor(SqsClient sqs, DocflowProperties properties, MeterRegistry meters) {
        this.sqs = sqs;
        this.queue = properties.queues().ingestDlq();
        Gauge.builder("docflow.dlq.depth", depth, AtomicLong::get)
                .description("Messages in the ingest dead-letter queue (-1 until first read)")
                .tag("queue", queue)
                .register(meters);
    }

    @Override
    public void afterSingletonsInstantiated() {
        timer.scheduleWithFixedDelay(this::read, 0, 30, TimeUnit.SECONDS);
    }

    void read() {
        try {
            String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
            String count = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("ApproximateNumberOfMessages"))
                    .attributesAsStrings().get("ApproximateNumberOfMessages");
            depth.set(Long.parseLong(count));
        } catch (RuntimeException e) {
            log.debug("Could not read the depth of {}: {}", queue, e.toString());
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
