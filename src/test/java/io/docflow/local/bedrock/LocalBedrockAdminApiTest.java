package io.docflow.local.bedrock;

import static io.docflow.local.bedrock.BedrockSdk.HAIKU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/** The {@code /_local/} JSON API, and the raw wire, as a process outside the JVM would use them. */
class LocalBedrockAdminApiTest extends LocalBedrockClientTest {

    private static final HttpClient http = HttpClient.newHttpClient();

    /** Besides the base class's reset: the admin API's own reset answers. */
    @BeforeEach
    void resetOverHttp() throws Exception {
        assertThat(send("POST", "/_local/reset", "").statusCode()).isEqualTo(200);
    }

    @Test
    void aFaultSetOverHttpHitsTheNextCalls() throws Exception {
        HttpResponse<String> set = send("POST", "/_local/faults", """
                {"modelId":"*","fault":"THROTTLING","count":1}""");

        assertThat(set.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> BedrockSdk.converse(client, HAIKU, "hello")).isInstanceOf(ThrottlingException.class);
        assertThat(BedrockSdk.converse(client, HAIKU, "hello")).isNotNull();
        JsonNode counters = Json.MAPPER.readTree(send("GET", "/_local/counters", "").body());
        assertThat(counters.at("/models/" + HAIKU.replace("/", "~1") + "/throttled").asLong()).isEqualTo(1);
        assertThat(counters.at("/total/calls").asLong()).isEqualTo(2);
        assertThat(counters.at("/total/succeeded").asLong()).isEqualTo(1);
    }

    @Test
    void faultsCanBeClearedAndLatencySet() throws Exception {
        send("POST", "/_local/faults", """
                {"modelId":"%s","fault":"ServiceUnavailableException"}""".formatted(HAIKU));
        send("POST", "/_local/faults", """
                {"modelId":"%s","latencyMs":120,"jitterMs":0}""".formatted(HAIKU));

        assertThat(send("DELETE", "/_local/faults?modelId=" + HAIKU.replace(":", "%3A"), "").statusCode()).isEqualTo(200);

        assertThat(BedrockSdk.converse(client, HAIKU, "hello").metrics().latencyMs()).isLessThan(120);
    }

    @Test
    void aQuotaAndAnUnknownModelSetOverHttp() throws Exception {
        send("POST", "/_local/quota", """
                {"modelId":"*","requestsPerMinute":1,"tokensPerMinute":100000}""");
        send("POST", "/_local/models", """
                {"modelId":"gone-model","unknown":true}""");

        BedrockSdk.converse(client, HAIKU, "hello");
        assertThatThrownBy(() -> BedrockSdk.converse(client, HAIKU, "hello")).isInstanceOf(ThrottlingException.class);
        assertThatThrownBy(() -> BedrockSdk.converse(client, "gone-model", "hello"))
                .isInstanceOf(ResourceNotFoundException.class);

        send("DELETE", "/_local/quota", "");
        assertThat(BedrockSdk.converse(client, HAIKU, "hello")).isNotNull();
    }

    @Test
    void badAdminRequestsAreRefusedWithAMessage() throws Exception {
        HttpResponse<String> unknownFault = send("POST", "/_local/faults", "{\"fault\":\"BOOM\"}");
        HttpResponse<String> notJson = send("POST", "/_local/quota", "{");
        HttpResponse<String> nowhere = send("GET", "/_local/nothing", "");

        assertThat(unknownFault.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(unknownFault.body()).get("message").asText()).contains("THROTTLING");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(nowhere.statusCode()).isEqualTo(404);
    }

    @Test
    void aPercentEncodedModelIdOnTheWireIsDecoded() throws Exception {
        HttpResponse<String> reply = send("POST", "/model/us.anthropic.claude-3-haiku-20240307-v1%3A0/converse", """
                {"messages":[{"role":"user","content":[{"text":"hello"}]}],"inferenceConfig":{"maxTokens":100}}""");

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(reply.body()).at("/output/message/role").asText()).isEqualTo("assistant");
        assertThat(bedrock.counters("us.anthropic.claude-3-haiku-20240307-v1:0").succeeded()).isEqualTo(1);
    }

    @Test
    void errorsCarryTheErrorTypeHeaderAndAMessageBody() throws Exception {
        bedrock.faults().inject(HAIKU, Fault.MODEL_TIMEOUT, 1);

        HttpResponse<String> reply = send("POST", "/model/" + HAIKU + "/converse", """
                {"messages":[{"role":"user","content":[{"text":"hello"}]}]}""");

        assertThat(reply.statusCode()).isEqualTo(408);
        assertThat(reply.headers().firstValue("x-amzn-ErrorType"))
                .contains("ModelTimeoutException:http://internal.amazon.com/coral/com.amazon.bedrock/");
        assertThat(Json.MAPPER.readTree(reply.body()).get("message").asText()).isNotBlank();
    }

    private static HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(bedrock.endpoint() + path))
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
