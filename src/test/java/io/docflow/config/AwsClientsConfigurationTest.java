package io.docflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Building the clients needs no network: nothing is called. */
class AwsClientsConfigurationTest {

    private static AwsClientsConfiguration configuration(String... properties) {
        MockEnvironment environment = new MockEnvironment().withProperty("docflow.aws.region", "eu-west-1");
        for (String property : properties) {
            String[] pair = property.split("=", 2);
            environment.setProperty(pair[0], pair[1]);
        }
        return new AwsClientsConfiguration(Binder.get(environment).bindOrCreate("docflow", DocflowProperties.class));
    }

    @Test
    void clientsUseTheConfiguredRegionTimeoutsAndEndpoint() {
        AwsClientsConfiguration configuration = configuration("docflow.aws.endpoints.sqs=http://localhost:4566",
                "docflow.aws.api-call-timeout=12s", "docflow.aws.api-call-attempt-timeout=3s");

        try (SqsClient sqs = configuration.sqsClient(); S3Client s3 = configuration.s3Client()) {
            assertThat(sqs.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
            assertThat(sqs.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://localhost:4566"));
            ClientOverrideConfiguration override = sqs.serviceClientConfiguration().overrideConfiguration();
            assertThat(override.apiCallTimeout()).contains(Duration.ofSeconds(12));
            assertThat(override.apiCallAttemptTimeout()).contains(Duration.ofSeconds(3));
            // an endpoint is overridden per service
            assertThat(s3.serviceClientConfiguration().endpointOverride()).isEmpty();
        }
    }

    @Test
    void theBedrockClientsShareTheEndpointAndTheSyncOneNeverRetries() {
        AwsClientsConfiguration configuration = configuration("docflow.aws.endpoints.bedrock-runtime=http://localhost:9000");

        try (BedrockRuntimeClient sync = configuration.bedrockRuntimeClient();
             BedrockRuntimeAsyncClient async = configuration.bedrockRuntimeAsyncClient()) {
            assertThat(sync.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://localhost:9000"));
            assertThat(async.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://localhost:9000"));
            assertThat(async.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
            assertThat(sync.serviceClientConfiguration().overrideConfiguration().retryStrategy().orElseThrow().maxAttempts())
                    .isEqualTo(1);
            assertThat(async.serviceClientConfiguration().overrideConfiguration().apiCallTimeout())
                    .contains(Duration.ofSeconds(30));
        }
    }
}
