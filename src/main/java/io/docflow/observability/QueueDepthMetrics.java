package io.docflow.observability;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.docflow.config.DocflowProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code docflow.queue.messages} (gauge; tags {@code queue} = ingest|ingest-dlq, {@code state} =
 * visible|in-flight|delayed): the ingest queue's and its dead-letter queue's approximate depth, read with
 * GetQueueAttributes every {@link #INTERVAL}. Every pod reports the same queue, so dashboards take the
 * {@code max} across pods. NaN while the queue cannot be read. This is what the alerts on the dead-letter queue
 * and on a stalled pipeline use, so no CloudWatch exporter is needed.
 */
@Component
public class QueueDepthMetrics implements SmartLifecycle {

    public static final String QUEUE_MESSAGES = "docflow.queue.messages";
    static final Duration INTERVAL = Duration.ofSeconds(30);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(QueueDepthMetrics.class);
    private static final Map<String, QueueAttributeName> STATES = new LinkedHashMap<>();

    static {
        STATES.put("visible", QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
        STATES.put("in-flight", QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
        STATES.put("delayed", QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);
    }

    private final SqsClient sqs;
    private final Map<String, String> queues = new LinkedHashMap<>();
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<Double>> values = new ConcurrentHashMap<>();
    private final Map<String, Boolean> failing = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;

    public QueueDepthMetrics(SqsClient sqs, DocflowProperties properties, MeterRegistry meters) {
        this.sqs = sqs;
        queues.put("ingest", properties.queues().ingest());
        queues.put("ingest-dlq", properties.queues().ingestDlq());
        queues.forEach((role, name) -> STATES.keySet().forEach(state -> {
            AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
            values.put(role + "/" + state, value);
            Gauge.builder(QUEUE_MESSAGES, value, AtomicReference::get)
                    .description("Approximate number of messages in docflow's SQS queues (GetQueueAttributes)")
                    .tag("queue", role)
                    .tag("state", state)
                    .register(meters);
        }));
    }

    /** Reads every queue's depth once; a queue that cannot be read reports NaN until it can. */
    void refresh() {
        queues.forEach((role, name) -> {
            try {
                String url = queueUrls.computeIfAbsent(name, n -> sqs.getQueueUrl(b -> b.queueName(n)
                        .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT))).queueUrl());
                Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url)
                        .attributeNames(STATES.values())
                        .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT))).attributes();
                STATES.forEach((state, attribute) -> values.get(role + "/" + state)
                        .set(attributes.containsKey(attribute) ? Double.parseDouble(attributes.get(attribute)) : Double.NaN));
                if (failing.remove(role) != null) {
                    log.info("Queue depth of {} can be read again", name);
                }
            } catch (SdkException | NumberFormatException e) {
                STATES.keySet().forEach(state -> values.get(role + "/" + state).set(Double.NaN));
                if (failing.put(role, Boolean.TRUE) == null) {
                    log.warn("Cannot read the depth of queue {} for {} (reported as NaN until it can): {}",
                            name, QUEUE_MESSAGES, e.toString());
                }
            }
        });
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "docflow-queue-depth");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::refreshQuietly, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Reading queue depths failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
