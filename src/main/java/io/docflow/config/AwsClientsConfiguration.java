package io.docflow.config;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.awssdk.v2_2.AwsSdkTelemetry;
import org.springframework.beans.factory.ObjectProvider;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One SDK client per service, built once and shared (they are thread-safe). Camel's aws2-* and aws-bedrock
 * components autowire the single bean of their client type. Credentials always come from the default chain
 * (IRSA on EKS, environment or system properties locally); Spring closes the clients on shutdown.
 */
@Configuration(proxyBeanMethods = false)
public class AwsClientsConfiguration {

    private final DocflowProperties.Aws aws;

    public AwsClientsConfiguration(DocflowProperties properties) {
        this.aws = properties.aws();
    }

    @Bean
    S3Client s3Client() {
        return configure(S3Client.builder(), aws.endpoints().s3())
                .forcePathStyle(aws.s3PathStyle())
                .build();
    }

    @Bean
    SqsClient sqsClient() {
        return configure(SqsClient.builder(), aws.endpoints().sqs()).build();
    }

    /**
     * The jobs table's client (io.docflow.jobs.JobsTable): its calls become spans of the document's trace, as the
     * Camel components' calls do.
     */
    @Bean
    DynamoDbClient dynamoDbClient(ObjectProvider<OpenTelemetry> openTelemetry) {
        DynamoDbClientBuilder builder = configure(DynamoDbClient.builder(), aws.endpoints().dynamodb());
        // overrideConfiguration replaces the whole configuration: the timeouts again, then the tracing interceptor
        openTelemetry.ifAvailable(otel -> builder.overrideConfiguration(o -> o
                .apiCallTimeout(aws.apiCallTimeout())
                .apiCallAttemptTimeout(aws.apiCallAttemptTimeout())
                .addExecutionInterceptor(AwsSdkTelemetry.create(otel).newExecutionInterceptor())));
        return builder.build();
    }

    @Bean
    SnsClient snsClient() {
        return configure(SnsClient.builder(), aws.endpoints().sns()).build();
    }

    @Bean
    EventBridgeClient eventBridgeClient() {
        return configure(EventBridgeClient.builder(), aws.endpoints().eventbridge()).build();
    }

    /**
     * The SDK does not retry model calls: Camel's {@code model-retries} redelivery does, with backoff, jitter and
     * quota pacing between attempts, so attempts are counted once and never multiply (docs/reliability.md).
     */
    @Bean
    BedrockRuntimeClient bedrockRuntimeClient() {
        return configure(BedrockRuntimeClient.builder(), aws.endpoints().bedrockRuntime())
                .overrideConfiguration(o -> o
                        .apiCallTimeout(aws.apiCallTimeout())
                        .apiCallAttemptTimeout(aws.apiCallAttemptTimeout())
                        .retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /**
     * camel-aws-bedrock builds an asynchronous client of its own (for the streaming operations) unless it finds one;
     * this one shares the configuration of the synchronous client docflow calls.
     */
    @Bean
    BedrockRuntimeAsyncClient bedrockRuntimeAsyncClient() {
        BedrockRuntimeAsyncClientBuilder builder = BedrockRuntimeAsyncClient.builder()
                .overrideConfiguration(o -> o
                        .apiCallTimeout(aws.apiCallTimeout())
                        .apiCallAttemptTimeout(aws.apiCallAttemptTimeout()));
        if (aws.region() != null && !aws.region().isBlank()) {
            builder.region(Region.of(aws.region()));
        }
        if (aws.endpoints().bedrockRuntime() != null) {
            builder.endpointOverride(aws.endpoints().bedrockRuntime());
        }
        return builder.build();
    }

    private <B extends AwsClientBuilder<B, C> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C>
            B configure(B builder, URI endpoint) {
        builder.httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o
                        .apiCallTimeout(aws.apiCallTimeout())
                        .apiCallAttemptTimeout(aws.apiCallAttemptTimeout()));
        if (aws.region() != null && !aws.region().isBlank()) {
            builder.region(Region.of(aws.region()));
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }
}
