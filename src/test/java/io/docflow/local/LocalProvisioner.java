package io.docflow.local;

import java.util.Map;

import io.docflow.config.DocflowProperties;
import io.docflow.jobs.JobAttributes;
import io.docflow.jobs.JobIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates, in the local services, everything docflow's configuration names: the same code serves local mode and
 * tests. Idempotent: what exists is left as it is.
 */
public final class LocalProvisioner {

    public static final String SOURCE_KEY_INDEX = JobIndexes.SOURCE_KEY_INDEX;
    public static final String OBJECT_CREATED_RULE = "docflow-object-created";
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
        String dlqArn = queueArn(dlqUrl);
        String redrivePolicy = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
                + queues.ingestMaxReceiveCount() + "\"}";
        String ingestUrl = createQueue(queues.ingest(), Map.of(
                QueueAttributeName.REDRIVE_POLICY, redrivePolicy,
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(config.ingest().visibilityTimeoutSeconds())));
        createQueue(queues.legacyRequests(), Map.of());
        createQueue(queues.legacyResponses(), Map.of());

        createJobsTable(clients.dynamoDb(), config.jobs().table());

        String ingestArn = queueArn(ingestUrl);
        clients.sns().createTopic(b -> b.name(config.events().topic()));
        createBus(config.events().bus());
        routeObjectCreatedEvents(config.buckets().input(), ingestArn);

        aws.s3Events().addDestination(new S3NotificationToQueue(config.buckets().input(), ingestUrl,
                "docflow-ingest", LocalAws.REGION, clients.sqs()));
        log.info("Provisioned buckets {}, {}; queues {} (DLQ {} after {} receives), {}, {}; table {}; topic {}; bus {}; "
                        + "the input bucket's objects reach {} both as S3 notifications and through EventBridge rule {}",
                config.buckets().input(), config.buckets().results(), queues.ingest(), queues.ingestDlq(),
                queues.ingestMaxReceiveCount(), queues.legacyRequests(), queues.legacyResponses(), config.jobs().table(),
                config.events().topic(), config.events().bus(), queues.ingest(), OBJECT_CREATED_RULE);
    }

    private String queueArn(String queueUrl) {
        return clients.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private void createBus(String bus) {
        try {
            clients.eventBridge().createEventBus(b -> b.name(bus));
        } catch (ResourceAlreadyExistsException e) {
            // provisioned before: keep it
        }
    }

    /**
     * The EventBridge half of S3's notifications: a rule on the default bus sends the input bucket's "Object Created"
     * events to the ingest queue, as a deployment that uses EventBridge notifications would configure it.
     */
    private void routeObjectCreatedEvents(String bucket, String queueArn) {
        String pattern = "{\"source\":[\"aws.s3\"],\"detail-type\":[\"Object Created\"],"
                + "\"detail\":{\"bucket\":{\"name\":[\"" + bucket + "\"]}}}";
        String rule = OBJECT_CREATED_RULE + "-" + bucket;
        clients.eventBridge().putRule(b -> b.name(rule).eventPattern(pattern));
        clients.eventBridge().putTargets(b -> b.rule(rule).targets(t -> t.id("docflow-ingest").arn(queueArn)));
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

    /** The jobs table as docs/aws/docflow-resources.yaml defines it: key, source key index, listing indexes. */
    public static void createJobsTable(DynamoDbClient dynamoDb, String table) {
        try {
            dynamoDb.createTable(b -> b.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            stringAttribute(JobAttributes.JOB_ID),
                            stringAttribute(JobAttributes.SOURCE_KEY),
                            stringAttribute(JobAttributes.STATUS),
                            stringAttribute(JobAttributes.CREATED_DAY),
                            stringAttribute(JobAttributes.CREATED_KEY),
                            stringAttribute(JobAttributes.REVIEWED_DAY),
                            stringAttribute(JobAttributes.REVIEWED_AT))
                    .keySchema(k -> k.attributeName(JobAttributes.JOB_ID).keyType(KeyType.HASH))
                    .globalSecondaryIndexes(
                            GlobalSecondaryIndex.builder()
                                    .indexName(SOURCE_KEY_INDEX)
                                    .keySchema(k -> k.attributeName(JobAttributes.SOURCE_KEY).keyType(KeyType.HASH))
                                    .projection(p -> p.projectionType(ProjectionType.ALL))
                                    .build(),
                            listingIndex(JobIndexes.STATUS_INDEX, JobAttributes.STATUS),
                            listingIndex(JobIndexes.CREATED_INDEX, JobAttributes.CREATED_DAY),
                            GlobalSecondaryIndex.builder()
                                    .indexName(JobIndexes.REVIEWED_INDEX)
                                    .keySchema(KeySchemaElement.builder().attributeName(JobAttributes.REVIEWED_DAY)
                                                    .keyType(KeyType.HASH).build(),
                                            KeySchemaElement.builder().attributeName(JobAttributes.REVIEWED_AT)
                                                    .keyType(KeyType.RANGE).build())
                                    .projection(p -> p.projectionType(ProjectionType.INCLUDE)
                                            .nonKeyAttributes(JobIndexes.REVIEWED_ATTRIBUTES))
                                    .build()));
        } catch (ResourceInUseException e) {
            // provisioned before: keep it
        }
    }

    /** A listing index ({@link JobIndexes}): {@code partition} and createdKey, with the listed attributes. */
    private static GlobalSecondaryIndex listingIndex(String name, String partition) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(KeySchemaElement.builder().attributeName(partition).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(JobAttributes.CREATED_KEY).keyType(KeyType.RANGE).build())
                .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes(
                        JobIndexes.LISTED_ATTRIBUTES.stream().filter(a -> !a.equals(partition)).toList()))
                .build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
