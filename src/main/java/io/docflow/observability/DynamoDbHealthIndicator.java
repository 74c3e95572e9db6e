package io.docflow.observability;

import java.time.Duration;

import io.docflow.config.DocflowProperties;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Health contributor {@code dynamoDb} (part of the readiness group): the jobs table answers DescribeTable within
 * {@link #TIMEOUT} and is ACTIVE (or UPDATING, which still serves reads and writes).
 */
@Component("dynamoDbHealthIndicator")
public class DynamoDbHealthIndicator extends AbstractHealthIndicator {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbHealthIndicator(DynamoDbClient dynamoDb, DocflowProperties properties) {
        super("DynamoDB jobs table check failed");
        this.dynamoDb = dynamoDb;
        this.table = properties.jobs().table();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        TableDescription description = dynamoDb.describeTable(b -> b.tableName(table)
                .overrideConfiguration(o -> o.apiCallTimeout(TIMEOUT).apiCallAttemptTimeout(TIMEOUT))).table();
        TableStatus status = description.tableStatus();
        boolean serving = status == TableStatus.ACTIVE || status == TableStatus.UPDATING;
        (serving ? builder.up() : builder.down()).withDetail("table", table).withDetail("status", String.valueOf(status));
    }
}
