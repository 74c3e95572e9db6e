package io.docflow.local;

import java.util.Map;

import io.docflow.config.DocflowProperties;
import io.docflow.jobs.JobItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates, in the local services, everything docflow's configuration names: the same code serves local mode and
 * tests. Idempotent: what exists is left as it is.
 */
public final class LocalProvisioner {

    public static final String SOURCE_KEY_INDEX = "sourceKey-index";
    private static final Logger log = LoggerFactory.getLogger(LocalProvisioner.class);

    private final LocalAws aws;
    private final LocalClients clients;

    public LocalProvisioner(LocalAws aws, LocalClients clients) {
        this.aws = aws;
        this.clients = clients;
    }

    public void provision(DocflowProperties config) {
        createBucket(config.buckets().input());
        createBucket(config.buckets().results());

        var queues = config.queues();
        String dlqUrl = createQueue(queues.ingestDlq(), Map.of());
        String dlqArn = clients.sqs().getQueueAttributes(b -> b.queueUrl(dlqUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrivePolicy = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
                + queues.ingestMaxReceiveCount() + "\"}";
        String ingestUrl = createQueue(queues.ingest(), Map.of(
                QueueAttributeName.REDRIVE_POLICY, redrivePolicy,
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(config.ingest().visibilityTimeoutSeconds())));
        createQueue(queues.legacyRequests(), Map.of());
        createQueue(queues.legacyResponses(), Map.of());

        createJobsTable(config.jobs().table());

        aws.s3Events().addDestination(new S3NotificationToQueue(config.buckets().input(), ingestUrl,
                "docflow-ingest", LocalAws.REGION, clients.sqs()));
        log.info("Provisioned buckets {}, {}; queues {} (DLQ {} after {} receives), {}, {}; table {}",
                config.buckets().input(), config.buckets().results(), queues.ingest(), queues.ingestDlq(),
                queues.ingestMaxReceiveCount(), queues.legacyRequests(), queues.legacyResponses(), config.jobs().table());
    }

    private void createBucket(String bucket) {
        try {
            clients.s3().createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException e) {
            // provisioned before: keep it
        }
    }

    private String createQueue(String name, Map<QueueAttributeName, String> attributes) {
        String url = clients.sqs().createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
        if (!attributes.isEmpty()) {
            clients.sqs().setQueueAttributes(b -> b.queueUrl(url).attributes(attributes));
        }
        return url;
    }

    private void createJobsTable(String table) {
        try {
            clients.dynamoDb().createTable(b -> b.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName(JobItems.JOB_ID).attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(JobItems.SOURCE_KEY).attributeType(ScalarAttributeType.S).build())
                    .keySchema(k -> k.attributeName(JobItems.JOB_ID).keyType(KeyType.HASH))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                            .indexName(SOURCE_KEY_INDEX)
                            .keySchema(k -> k.attributeName(JobItems.SOURCE_KEY).keyType(KeyType.HASH))
                            .projection(p -> p.projectionType(ProjectionType.ALL))
                            .build()));
        } catch (ResourceInUseException e) {
            // provisioned before: keep it
        }
    }
}
