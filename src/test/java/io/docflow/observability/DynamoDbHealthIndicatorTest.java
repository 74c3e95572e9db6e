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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class DynamoDbHealthIndicatorTest {

    private final List<DescribeTableRequest> requests = new ArrayList<>();
    private TableStatus status = TableStatus.ACTIVE;
    private RuntimeException failure;

    private final DynamoDbClient dynamoDb = new DynamoDbClient() {
        @Override
        public DescribeTableResponse describeTable(DescribeTableRequest request) {
            requests.add(request);
            if (failure != null) {
                throw failure;
            }
            return DescribeTableResponse.builder().table(t -> t.tableName(request.tableName()).tableStatus(status)).build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    };

    private final DynamoDbHealthIndicator indicator = new DynamoDbHealthIndicator(dynamoDb, Binder.get(new MockEnvironment()
            .withProperty("docflow.jobs.table", "jobs-x")).bindOrCreate("docflow", DocflowProperties.class));

    @Test
    void upWhileTheTableIsActiveOrUpdating() {
        for (TableStatus serving : List.of(TableStatus.ACTIVE, TableStatus.UPDATING)) {
            status = serving;

            Health health = indicator.health();

            assertThat(health.getStatus()).as(serving.toString()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("table", "jobs-x").containsEntry("status", serving.toString());
        }
        assertThat(requests.get(0).tableName()).isEqualTo("jobs-x");
        assertThat(requests.get(0).overrideConfiguration().orElseThrow().apiCallTimeout())
                .contains(DynamoDbHealthIndicator.TIMEOUT);
    }

    @Test
    void downWhileTheTableCannotServe() {
        for (TableStatus notServing : List.of(TableStatus.CREATING, TableStatus.DELETING, TableStatus.ARCHIVED,
                TableStatus.INACCESSIBLE_ENCRYPTION_CREDENTIALS)) {
            status = notServing;

            Health health = indicator.health();

            assertThat(health.getStatus()).as(notServing.toString()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("status", notServing.toString());
        }
    }

    @Test
    void downWhenDynamoDbCannotBeReached() {
        failure = SdkClientException.create("Unable to execute HTTP request");

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("error").toString()).contains("Unable to execute HTTP request");
    }
}
