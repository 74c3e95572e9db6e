package io.docflow.pipeline;

import java.util.Map;

import io.docflow.config.DocflowProperties;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Recognises the last receive of an ingest message that keeps failing: on it the job is marked FAILED
 * ({@code POISON_MESSAGE}) before SQS moves the message to the dead-letter queue.
 */
@Component("poisonMessages")
public class PoisonMessages {

    static final String ATTRIBUTES_HEADER = "CamelAwsSqsAttributes";

    private final int maxReceiveCount;

    public PoisonMessages(DocflowProperties properties) {
        this.maxReceiveCount = properties.queues().ingestMaxReceiveCount();
    }

    public boolean lastReceive(Exchange exchange) {
        return lastReceive(exchange.getMessage().getHeader(ATTRIBUTES_HEADER, Map.class), maxReceiveCount);
    }

    /** Whether the message's ApproximateReceiveCount (among its SQS attributes) has reached {@code maxReceiveCount}. */
    static boolean lastReceive(Map<?, ?> attributes, int maxReceiveCount) {
        if (attributes == null) {
            return false;
        }
        for (Map.Entry<?, ?> attribute : attributes.entrySet()) {
            if ("ApproximateReceiveCount".equals(String.valueOf(attribute.getKey()))) {
                return Integer.parseInt(String.valueOf(attribute.getValue())) >= maxReceiveCount;
            }
        }
        return false;
    }
}
