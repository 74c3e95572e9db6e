package io.docflow.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.docflow.config.DocflowProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class QueueDepthMetricsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> urlLookups = new ArrayList<>();
    private final List<GetQueueAttributesRequest> attributeCalls = new ArrayList<>();
    /** Attributes per queue URL; a URL absent here fails the call. */
    private final Map<String, Map<QueueAttributeName, String>> attributes = new HashMap<>();

    private final SqsClient sqs = new SqsClient() {
        @Override
        public GetQueueUrlResponse getQueueUrl(GetQueueUrlRequest request) {
            urlLookups.add(request.queueName());
            return GetQueueUrlResponse.builder().queueUrl("http://sqs/" + request.queueName()).build();
        }

        @Override
        public GetQueueAttributesResponse getQueueAttributes(GetQueueAttributesRequest request) {
            attributeCalls.add(request);
            Map<QueueAttributeName, String> values = attributes.get(request.queueUrl());
            if (values == null) {
                throw SdkClientException.create("Connection refused");
            }
            return GetQueueAttributesResponse.builder().attributes(values).build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    };

    private final QueueDepthMetrics metrics = new QueueDepthMetrics(sqs, Binder.get(new MockEnvironment()
            .withProperty("docflow.queues.ingest", "in")
            .withProperty("docflow.queues.ingest-dlq", "in-dlq")).bindOrCreate("docflow", DocflowProperties.class), meters);

    private double gauge(String queue, String state) {
        return meters.get(QueueDepthMetrics.QUEUE_MESSAGES).tags("queue", queue, "state", state).gauge().value();
    }

    private static Map<QueueAttributeName, String> depth(int visible, int inFlight, int delayed) {
        return Map.of(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, Integer.toString(visible),
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, Integer.toString(inFlight),
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, Integer.toString(delayed));
    }

    @Test
    void everyQueueAndStateIsNaNUntilRead() {
        assertThat(meters.find(QueueDepthMetrics.QUEUE_MESSAGES).gauges()).hasSize(6);
        for (String queue : List.of("ingest", "ingest-dlq")) {
            for (String state : List.of("visible", "in-flight", "delayed")) {
                assertThat(gauge(queue, state)).as(queue + " " + state).isNaN();
            }
        }
    }

    @Test
    void aRefreshReportsEachQueuesDepthByState() {
        attributes.put("http://sqs/in", depth(12, 3, 1));
        attributes.put("http://sqs/in-dlq", depth(2, 0, 0));

        metrics.refresh();

        assertThat(gauge("ingest", "visible")).isEqualTo(12);
        assertThat(gauge("ingest", "in-flight")).isEqualTo(3);
        assertThat(gauge("ingest", "delayed")).isEqualTo(1);
        assertThat(gauge("ingest-dlq", "visible")).isEqualTo(2);
        assertThat(gauge("ingest-dlq", "in-flight")).isZero();
        assertThat(attributeCalls.get(0).attributeNames()).containsExactlyInAnyOrder(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);
        assertThat(attributeCalls.get(0).overrideConfiguration().orElseThrow().apiCallTimeout())
                .contains(QueueDepthMetrics.CALL_TIMEOUT);
    }

    @Test
    void queueUrlsAreLookedUpOnce() {
        attributes.put("http://sqs/in", depth(1, 0, 0));
        attributes.put("http://sqs/in-dlq", depth(0, 0, 0));

        metrics.refresh();
        metrics.refresh();
        metrics.refresh();

        assertThat(urlLookups).containsExactly("in", "in-dlq");
        assertThat(attributeCalls).hasSize(6);
    }

    @Test
    void aQueueThatCannotBeReadIsNaNWithoutAffectingTheOther() {
        attributes.put("http://sqs/in", depth(5, 0, 0));
        attributes.put("http://sqs/in-dlq", depth(7, 0, 0));
        metrics.refresh();

        attributes.remove("http://sqs/in-dlq");
        metrics.refresh();

        assertThat(gauge("ingest", "visible")).isEqualTo(5);
        assertThat(gauge("ingest-dlq", "visible")).isNaN();
        assertThat(gauge("ingest-dlq", "in-flight")).isNaN();

        attributes.put("http://sqs/in-dlq", depth(8, 0, 0));
        metrics.refresh();
        assertThat(gauge("ingest-dlq", "visible")).isEqualTo(8);
    }

    @Test
    void aMissingAttributeIsNaNAndAnUnparseableOneMakesTheQueueNaN() {
        attributes.put("http://sqs/in", Map.of(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "4"));
        attributes.put("http://sqs/in-dlq", Map.of(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "lots",
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "1"));

        metrics.refresh();

        assertThat(gauge("ingest", "visible")).isEqualTo(4);
        assertThat(gauge("ingest", "in-flight")).isNaN();
        assertThat(gauge("ingest-dlq", "visible")).isNaN();
        assertThat(gauge("ingest-dlq", "in-flight")).isNaN();
    }

    @Test
    void startingSchedulesRefreshesAndStoppingEndsThem() {
        attributes.put("http://sqs/in", depth(9, 0, 0));
        attributes.put("http://sqs/in-dlq", depth(0, 0, 0));
        assertThat(metrics.isRunning()).isFalse();

        metrics.start();
        try {
            assertThat(metrics.isRunning()).isTrue();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                    .untilAsserted(() -> assertThat(gauge("ingest", "visible")).isEqualTo(9));
        } finally {
            metrics.stop();
        }
        assertThat(metrics.isRunning()).isFalse();
        metrics.stop(); // stopping twice is harmless
    }
}
