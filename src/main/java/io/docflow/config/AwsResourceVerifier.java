package io.docflow.config;

import java.net.URI;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Checks, before any route starts, that every bucket, queue, table, topic and bus docflow is configured with exists and is
 * reachable, so a typo or a wrong endpoint fails the start with the setting's name rather than later, deep
 * inside a route. Switch off with {@code docflow.startup.verify-resources=false} where the role may not
 * describe resources.
 */
@Component
class AwsResourceVerifier implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AwsResourceVerifier.class);

    private final DocflowProperties properties;
    private final S3Client s3;
    private final SqsClient sqs;
    private final DynamoDbClient dynamoDb;
    private final SnsClient sns;
    private final EventBridgeClient eventBridge;

    AwsResourceVerifier(DocflowProperties properties, S3Client s3, SqsClient sqs, DynamoDbClient dynamoDb,
                        SnsClient sns, EventBridgeClient eventBridge) {
        this.properties = properties;
        this.s3 = s3;
        this.sqs = sqs;
        this.dynamoDb = dynamoDb;
        this.sns = sns;
        this.eventBridge = eventBridge;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!properties.startup().verifyResources()) {
            log.info("Skipping AWS resource checks (docflow.startup.verify-resources=false)");
            return;
        }
        var endpoints = properties.aws().endpoints();
        var buckets = properties.buckets();
        checkBucket("docflow.buckets.input", buckets.input(), endpoints.s3());
        checkBucket("docflow.buckets.results", buckets.results(), endpoints.s3());

        var queues = properties.queues();
        checkQueue("docflow.queues.ingest", queues.ingest(), endpoints.sqs());
        checkQueue("docflow.queues.ingest-dlq", queues.ingestDlq(), endpoints.sqs());
        checkQueue("docflow.queues.legacy-requests", queues.legacyRequests(), endpoints.sqs());
        checkQueue("docflow.queues.legacy-responses", queues.legacyResponses(), endpoints.sqs());

        String table = properties.jobs().table();
        check("docflow.jobs.table", "DynamoDB table '" + table + "'", "docflow.aws.endpoints.dynamodb",
                endpoints.dynamodb(), () -> dynamoDb.describeTable(b -> b.tableName(table)));

        String topic = properties.events().topic();
        check("docflow.events.topic", "SNS topic '" + topic + "'", "docflow.aws.endpoints.sns", endpoints.sns(),
                () -> topicExists(topic));
        String bus = properties.events().bus();
        check("docflow.events.bus", "EventBridge bus '" + bus + "'", "docflow.aws.endpoints.eventbridge",
                endpoints.eventbridge(), () -> eventBridge.describeEventBus(b -> b.name(bus)));
        log.info("AWS resources verified: buckets {}, {}; queues {}, {}, {}, {}; table {}; topic {}; bus {}",
                buckets.input(), buckets.results(), queues.ingest(), queues.ingestDlq(), queues.legacyRequests(),
                queues.legacyResponses(), table, topic, bus);
    }

    /** SNS has no look-up by name: the topic's ARN is found by listing, as Camel's aws2-sns producer does. */
    private Object topicExists(String topic) {
        boolean found = sns.listTopicsPaginator().topics().stream().anyMatch(t -> t.topicArn().endsWith(":" + topic));
        if (!found) {
            throw NotFoundException.builder().message("Topic does not exist").statusCode(404)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("NotFound").build()).build();
        }
        return topic;
    }

    private void checkBucket(String setting, String bucket, URI endpoint) {
        check(setting, "S3 bucket '" + bucket + "'", "docflow.aws.endpoints.s3", endpoint,
                () -> s3.headBucket(b -> b.bucket(bucket)));
    }

    private void checkQueue(String setting, String queue, URI endpoint) {
        check(setting, "SQS queue '" + queue + "'", "docflow.aws.endpoints.sqs", endpoint,
                () -> sqs.getQueueUrl(b -> b.queueName(queue)));
    }

    private void check(String setting, String resource, String endpointSetting, URI endpoint, Supplier<?> call) {
        try {
            call.get();
        } catch (AwsServiceException e) {
            int status = e.statusCode();
            String problem = status == 404 || isNotFound(e)
                    ? resource + " does not exist"
                    : resource + " is not accessible (" + status + " " + errorCode(e) + ")";
            throw new DocflowStartupException(setting, problem,
                    "Create " + resource + ", or set " + setting + " to one that exists and that docflow's role may use.", e);
        } catch (SdkClientException e) {
            String where = endpoint == null ? "its regional endpoint" : endpoint.toString();
            throw new DocflowStartupException(endpointSetting,
                    "cannot reach the service holding " + resource + " at " + where + " (" + e.getMessage() + ")",
                    "Check " + endpointSetting + " and docflow.aws.region, and that the service is up and reachable.", e);
        }
    }

    private static boolean isNotFound(AwsServiceException e) {
        String code = errorCode(e);
        return code.contains("NotFound") || code.contains("NonExistent") || code.contains("NoSuch");
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? "no error code" : e.awsErrorDetails().errorCode();
    }
}
