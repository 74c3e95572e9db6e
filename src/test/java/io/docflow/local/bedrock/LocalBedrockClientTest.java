package io.docflow.local.bedrock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/** One local Bedrock per test class, reached through the real SDK client, reset before each test. */
abstract class LocalBedrockClientTest {

    static LocalBedrock bedrock;
    static BedrockRuntimeClient client;

    @BeforeAll
    static void startLocalBedrock() {
        bedrock = LocalBedrock.start(0);
        client = BedrockSdk.client(bedrock.endpoint());
    }

    @AfterAll
    static void stopLocalBedrock() {
        client.close();
        bedrock.close();
    }

    @BeforeEach
    void resetLocalBedrock() {
        bedrock.reset();
    }
}
