package io.docflow.local.bedrock;

import static io.docflow.local.bedrock.BedrockSdk.HAIKU;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.aws2.bedrock.runtime.BedrockConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

/** Camel's aws-bedrock producer, operation converse, against the local Bedrock. */
class LocalBedrockCamelTest {

    private LocalBedrock bedrock;
    private CamelContext camel;
    private BedrockRuntimeClient client;

    @BeforeEach
    void start() {
        bedrock = LocalBedrock.start(0);
        client = BedrockSdk.client(bedrock.endpoint());
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("localBedrockClient", client);
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        client.close();
        bedrock.close();
    }

    @Test
    void converseWithEndpointOverrideAnswersTheClassification() throws Exception {
        String uri = "aws-bedrock:classify?operation=converse&modelId=" + HAIKU
                + "&region=us-east-1&accessKey=local&secretKey=local"
                + "&overrideEndpoint=true&uriEndpointOverride=" + bedrock.endpoint();

        Exchange reply = converse(uri, SampleDocuments.classifyPrompt(SampleDocuments.INVOICE));

        assertThat(reply.getException()).isNull();
        JsonNode answer = Json.MAPPER.readTree(reply.getMessage().getBody(String.class));
        assertThat(answer.get("documentClass").asText()).isEqualTo("invoice");
        assertThat(reply.getMessage().getHeader(BedrockConstants.CONVERSE_STOP_REASON)).hasToString(StopReason.END_TURN.toString());
        assertThat(reply.getMessage().getHeader(BedrockConstants.CONVERSE_USAGE, TokenUsage.class).inputTokens()).isPositive();
        assertThat(bedrock.counters(HAIKU).succeeded()).isEqualTo(1);
    }

    @Test
    void anInjectedThrottleReachesTheRouteAsTheSdksException() {
        bedrock.faults().inject(HAIKU, Fault.THROTTLING, 1);
        // the endpoint also builds an async client (for converseStream) unless given one: that one needs a region
        String uri = "aws-bedrock:classify?operation=converse&modelId=" + HAIKU
                + "&bedrockRuntimeClient=#localBedrockClient&region=us-east-1";

        Exchange reply = converse(uri, SampleDocuments.classifyPrompt(SampleDocuments.INVOICE));

        assertThat(reply.getException()).isInstanceOf(ThrottlingException.class);
        assertThat(((ThrottlingException) reply.getException()).statusCode()).isEqualTo(429);
        assertThat(bedrock.counters(HAIKU)).isEqualTo(new CallCounts(1, 0, 1, 0, 0, 0));
    }

    private Exchange converse(String uri, String prompt) {
        ProducerTemplate producer = camel.createProducerTemplate();
        return producer.request(uri, exchange -> {
            exchange.getMessage().setHeader(BedrockConstants.MODEL_CONTENT_TYPE, "application/json");
            exchange.getMessage().setHeader(BedrockConstants.MODEL_ACCEPT_CONTENT_TYPE, "application/json");
            exchange.getMessage().setHeader(BedrockConstants.CONVERSE_MESSAGES, List.of(BedrockSdk.user(prompt)));
        });
    }
}
