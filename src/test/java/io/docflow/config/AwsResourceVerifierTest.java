package io.docflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.ListTopicsRequest;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

class AwsResourceVerifierTest {

    /** What exists in the fake account, by name, and what was asked for. */
    private final Set<String> existing = new HashSet<>(Set.of("docflow-input", "docflow-results", "docflow-ingest",
            "docflow-ingest-dlq", "docflow-legacy-requests", "docflow-legacy-responses", "docflow-jobs",
            "docflow-document-events", "docflow"));
    private final List<String> asked = new ArrayList<>();
    /** When set, every call fails with it. */
    private RuntimeException outage;

    private void ask(String name) {
        asked.add(name);
        if (outage != null) {
            throw outage;
        }
    }

    private final S3Client s3 = new S3Client() {
        @Override
        public HeadBucketResponse headBucket(HeadBucketRequest request) {
            ask(request.bucket());
            if (!existing.contains(request.bucket())) {
                // HEAD has no body: S3 answers a bare 404
                throw S3Exception.builder().statusCode(404)
                        .awsErrorDetails(AwsErrorDetails.builder().serviceName("S3").build()).build();
            }
            return HeadBucketResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "s3";
        }

        @Override
        public void close() {
        }
    };

    private final SqsClient sqs = new SqsClient() {
        @Override
        public GetQueueUrlResponse getQueueUrl(GetQueueUrlRequest request) {
            ask(request.queueName());
            if (!existing.contains(request.queueName())) {
                throw QueueDoesNotExistException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AWS.SimpleQueueService.NonExistentQueue").build()).build();
            }
            return GetQueueUrlResponse.builder().queueUrl("http://sqs/" + request.queueName()).build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    };

    private final DynamoDbClient dynamoDb = new DynamoDbClient() {
        @Override
        public DescribeTableResponse describeTable(DescribeTableRequest request) {
            ask(request.tableName());
            if (!existing.contains(request.tableName())) {
                throw ResourceNotFoundException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ResourceNotFoundException").build()).build();
            }
            return DescribeTableResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    };

    private final SnsClient sns = new SnsClient() {
        @Override
        public ListTopicsResponse listTopics(ListTopicsRequest request) {
            ask("topics");
            // two pages, the wanted topic (if it exists) on the second
            if (request.nextToken() == null) {
                return ListTopicsResponse.builder().topics(Topic.builder().topicArn("arn:aws:sns:eu-west-1:1:unrelated").build())
                        .nextToken("2").build();
            }
            List<Topic> topics = new ArrayList<>();
            topics.add(Topic.builder().topicArn("arn:aws:sns:eu-west-1:1:not-docflow-document-events-2").build());
            if (existing.contains("docflow-document-events")) {
                topics.add(Topic.builder().topicArn("arn:aws:sns:eu-west-1:1:docflow-document-events").build());
            }
            return ListTopicsResponse.builder().topics(topics).build();
        }

        @Override
        public String serviceName() {
            return "sns";
        }

        @Override
        public void close() {
        }
    };

    private final EventBridgeClient eventBridge = new EventBridgeClient() {
        @Override
        public DescribeEventBusResponse describeEventBus(DescribeEventBusRequest request) {
            ask(request.name());
            if (!existing.contains(request.name())) {
                throw software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException.builder().statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException").build()).build();
            }
            return DescribeEventBusResponse.builder().name(request.name()).build();
        }

        @Override
        public String serviceName() {
            return "events";
        }

        @Override
        public void close() {
        }
    };

    private AwsResourceVerifier verifier(String... properties) {
        MockEnvironment environment = new MockEnvironment();
        for (String property : properties) {
            String[] pair = property.split("=", 2);
            environment.setProperty(pair[0], pair[1]);
        }
        DocflowProperties docflow = Binder.get(environment).bindOrCreate("docflow", DocflowProperties.class);
        return new AwsResourceVerifier(docflow, s3, sqs, dynamoDb, sns, eventBridge);
    }

    @Test
    void everyConfiguredResourceIsChecked() {
        assertThatCode(() -> verifier().afterSingletonsInstantiated()).doesNotThrowAnyException();

        assertThat(asked).containsExactly("docflow-input", "docflow-results", "docflow-ingest", "docflow-ingest-dlq",
                "docflow-legacy-requests", "docflow-legacy-responses", "docflow-jobs", "topics", "topics", "docflow");
    }

    @Test
    void nothingIsCheckedWhenSwitchedOff() {
        existing.clear();

        verifier("docflow.startup.verify-resources=false").afterSingletonsInstantiated();

        assertThat(asked).isEmpty();
    }

    @Test
    void aMissingBucketNamesItsSettingAndWhatToDo() {
        assertThatThrownBy(() -> verifier("docflow.buckets.results=typo-results").afterSingletonsInstantiated())
                .isInstanceOfSatisfying(DocflowStartupException.class, e -> {
                    assertThat(e.setting()).isEqualTo("docflow.buckets.results");
                    assertThat(e.action()).isEqualTo("Create S3 bucket 'typo-results', or set docflow.buckets.results "
                            + "to one that exists and that docflow's role may use.");
                    assertThat(e.getCause()).isInstanceOf(S3Exception.class);
                })
                .hasMessage("docflow.buckets.results: S3 bucket 'typo-results' does not exist");
    }

    @Test
    void aMissingQueueIsRecognisedByItsErrorCode() {
        existing.remove("docflow-legacy-responses");

        assertThatThrownBy(() -> verifier().afterSingletonsInstantiated())
                .hasMessage("docflow.queues.legacy-responses: SQS queue 'docflow-legacy-responses' does not exist");
    }

    @Test
    void aMissingTableTopicOrBusIsReportedUnderItsSetting() {
        existing.remove("docflow-jobs");
        assertThatThrownBy(() -> verifier().afterSingletonsInstantiated())
                .hasMessage("docflow.jobs.table: DynamoDB table 'docflow-jobs' does not exist");

        existing.add("docflow-jobs");
        existing.remove("docflow-document-events");
        assertThatThrownBy(() -> verifier().afterSingletonsInstantiated())
                .hasMessage("docflow.events.topic: SNS topic 'docflow-document-events' does not exist");

        existing.add("docflow-document-events");
        existing.remove("docflow");
        assertThatThrownBy(() -> verifier().afterSingletonsInstantiated())
                .hasMessage("docflow.events.bus: EventBridge bus 'docflow' does not exist");
    }

    @Test
    void aTopicIsMatchedByTheWholeLastPartOfItsArn() {
        existing.remove("docflow-document-events");

        // only arn:...:not-docflow-document-events-2 and arn:...:unrelated exist
        assertThatThrownBy(() -> verifier("docflow.events.topic=document-events").afterSingletonsInstantiated())
                .hasMessageStartingWith("docflow.events.topic: ");
    }

    @Test
    void aResourceThatIsDeniedIsReportedWithStatusAndCode() {
        outage = S3Exception.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").build()).build();

        assertThatThrownBy(() -> verifier().afterSingletonsInstantiated())
                .hasMessage("docflow.buckets.input: S3 bucket 'docflow-input' is not accessible (403 AccessDenied)");
    }

    @Test
    void anUnreachableServiceNamesTheEndpointSetting() {
        outage = SdkClientException.create("Connection refused");

        assertThatThrownBy(() -> verifier("docflow.aws.endpoints.s3=http://localhost:4566").afterSingletonsInstantiated())
                .isInstanceOfSatisfying(DocflowStartupException.class, e -> {
                    assertThat(e.setting()).isEqualTo("docflow.aws.endpoints.s3");
                    assertThat(e.action()).isEqualTo("Check docflow.aws.endpoints.s3 and docflow.aws.region, "
                            + "and that the service is up and reachable.");
                })
                .hasMessage("docflow.aws.endpoints.s3: cannot reach the service holding S3 bucket 'docflow-input' "
                        + "at http://localhost:4566 (Connection refused)");
    }

    @Test
    void withoutAnEndpointOverrideTheRegionalEndpointIsBlamed() {
        existing.remove("docflow-input");
        outage = SdkClientException.create("Unable to execute HTTP request");

        assertThatThrownBy(() -> verifier().afterSingletonsInstantiated())
                .hasMessageContaining("at its regional endpoint (Unable to execute HTTP request)");
    }

    @Test
    void anErrorWithoutDetailsStillNamesTheSetting() {
        outage = AwsServiceException.builder().statusCode(500).message("Internal error").build();

        assertThatThrownBy(() -> verifier().afterSingletonsInstantiated())
                .isInstanceOf(DocflowStartupException.class)
                .hasMessageStartingWith("docflow.buckets.input: S3 bucket 'docflow-input' is not accessible (500");
    }
}
