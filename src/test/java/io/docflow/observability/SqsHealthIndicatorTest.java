package io.docflow.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.docflow.config.DocflowProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

class SqsHealthIndicatorTest {

    private final List<GetQueueUrlRequest> requests = new ArrayList<>();
    private RuntimeException failure;

    private final SqsClient sqs = new SqsClient() {
        @Override
        public GetQueueUrlResponse getQueueUrl(GetQueueUrlRequest request) {
            requests.add(request);
            if (failure != null) {
                throw failure;
            }
            return GetQueueUrlResponse.builder().queueUrl("http://sqs/000/" + request.queueName()).build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    };

    private final SqsHealthIndicator indicator = new SqsHealthIndicator(sqs, Binder.get(new MockEnvironment()
            .withProperty("docflow.queues.ingest", "docs-in")).bindOrCreate("docflow", DocflowProperties.class));

    @Test
    void upWhenTheIngestQueueResolvesWithinTheTimeout() {
        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("queue", "docs-in").containsEntry("url", "http://sqs/000/docs-in");
        assertThat(requests.get(0).overrideConfiguration().orElseThrow().apiCallTimeout()).contains(SqsHealthIndicator.TIMEOUT);
        assertThat(requests.get(0).overrideConfiguration().orElseThrow().apiCallAttemptTimeout())
                .contains(SqsHealthIndicator.TIMEOUT);
    }

    @Test
    void downWhenSqsCannotBeReached() {
        failure = SdkClientException.create("Connection refused");

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("error").toString()).contains("Connection refused");
    }

    @Test
    void downWhenTheQueueIsGone() {
        failure = QueueDoesNotExistException.builder().message("The specified queue does not exist").build();

        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }
}
