package io.docflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.docflow.config.DocflowProperties;
import io.docflow.local.DocflowTest;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

@DocflowTest
class DocflowApplicationTest {

    @Autowired DocflowProperties config;
    @Autowired S3Client s3;
    @Autowired SqsClient sqs;
    @Autowired DynamoDbClient dynamoDb;
    @Autowired CamelContext camel;
    @Autowired TestRestTemplate http;

    @Test
    void everyConfiguredResourceExistsInTheLocalServices() {
        for (String bucket : new String[] {config.buckets().input(), config.buckets().results()}) {
            assertThatCode(() -> s3.headBucket(b -> b.bucket(bucket))).as("bucket %s", bucket).doesNotThrowAnyException();
        }
        var queues = config.queues();
        for (String queue : new String[] {queues.ingest(), queues.ingestDlq(), queues.legacyRequests(), queues.legacyResponses()}) {
            assertThat(sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl()).as("queue %s", queue).endsWith("/" + queue);
        }
        var table = dynamoDb.describeTable(b -> b.tableName(config.jobs().table())).table();
        assertThat(table.keySchema()).singleElement().satisfies(k -> assertThat(k.attributeName()).isEqualTo("jobId"));
        assertThat(table.globalSecondaryIndexes()).anySatisfy(i -> assertThat(i.indexName()).isEqualTo("sourceKey-index"));
    }

    @Test
    void routesFromTheRoutesFolderAreRunningAndHealthIsUp() {
        assertThat(camel.getRouteController().getRouteStatus("ingest-from-queue")).isEqualTo(ServiceStatus.Started);
        assertThat(camel.getRoute("ingest-from-queue").getSourceLocation()).contains("routes/ingest.camel.yaml");

        // readiness follows the consumers' first polls, which may still be under way in a context just started
        var health = await().atMost(Duration.ofSeconds(30)).until(() -> http.getForEntity("/actuator/health", String.class),
                response -> response.getStatusCode().value() == 200);
        assertThat(health.getBody()).contains("\"status\":\"UP\"");
    }
}
