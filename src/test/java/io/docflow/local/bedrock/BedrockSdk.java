package io.docflow.local.bedrock;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/** The real SDK v2 client for the local Bedrock's tests, without retries so that each call counts once. */
final class BedrockSdk {

    static final String HAIKU = "us.anthropic.claude-3-haiku-20240307-v1:0";

    private BedrockSdk() {
    }

    static BedrockRuntimeClient client(URI endpoint) {
        return BedrockRuntimeClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static ConverseResponse converse(BedrockRuntimeClient client, String modelId, String prompt) {
        return client.converse(b -> b.modelId(modelId).messages(user(prompt)));
    }

    static Message user(String text) {
        return Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(text)).build();
    }

    static String text(ConverseResponse response) {
        return response.output().message().content().get(0).text();
    }
}
