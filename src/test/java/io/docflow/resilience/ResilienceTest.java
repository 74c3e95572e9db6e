package io.docflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.docflow.config.DocflowProperties;

import io.docflow.local.DocflowTest;
import io.docflow.local.TestDocuments;
import io.docflow.local.LocalAwsInitializer;
import io.docflow.local.bedrock.Fault;
import io.docflow.local.bedrock.LocalBedrock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.TestPropertySource;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Model failures through the real path: the local Bedrock injects throttling, outages and quotas; the routes' retries,
 * breakers, fallback, pacing and parking keep every document moving to exactly one outcome.
 */
@DocflowTest
@TestPropertySource(properties = {
        // a bucket and queue of its own: other docflow contexts cached in this JVM must not take its documents
        "docflow.buckets.input=resilience-input", "docflow.queues.ingest=resilience-ingest", "docflow.queues.legacy-requests=resilience-legacy-requests",
        "docflow.queues.legacy-responses=resilience-legacy-responses", "docflow.queues.ingest-dlq=resilience-ingest-dlq",
        "docflow.models.classification=" + ResilienceTest.PRIMARY,
        "docflow.models.extraction=" + ResilienceTest.PRIMARY,
        "docflow.models.fallback=" + ResilienceTest.FALLBACK,
        "docflow.models.retry.initial-delay-millis=20",
        "docflow.models.retry.max-delay-millis=200",
        "docflow.models.breaker.sliding-window-size=4",
        "docflow.models.breaker.minimum-number-of-calls=2",
        "docflow.models.breaker.wait-in-open-state=2s",
        "docflow.models.breaker.permitted-calls-in-half-open-state=1",
        "docflow.models.parking.initial-delay=1s",
        "docflow.models.parking.max-delay=2s"})
class ResilienceTest {

    static final String PRIMARY = "amazon.nova-pro-v1:0";
    static final String FALLBACK = "amazon.nova-lite-v1:0";
    /** (1 + 4 redeliveries) on the primary, the same again on the fallback. */
    static final int ATTEMPT_CAP = 10;

    @Autowired DocflowProperties config;
    @Autowired S3Client s3;
    @Autowired DynamoDbClient dynamoDb;

    private TestDocuments documents;

    @BeforeEach
    void documents() {
        documents = new TestDocuments(config, s3, dynamoDb);
    }

    private Map<String, AttributeValue> item(String jobId) {
        return documents.item(jobId);
    }

    private Map<String, AttributeValue> awaitFinal(String jobId) {
        return documents.awaitFinal(jobId);
    }

    private JsonNode result(String jobId) {
        return documents.result(jobId);
    }
    @Autowired @Qualifier("primaryModelBreaker") CircuitBreaker primaryBreaker;

    private final LocalBedrock bedrock = LocalAwsInitializer.sharedServices().bedrock();

    @BeforeEach
    @AfterEach
    void healthyModels() {
        bedrock.faults().clear();
        bedrock.quota().clear();
        bedrock.resetCounters();
        primaryBreaker.reset();
    }

    @Test
    void halfOfAllCallsThrottledStillCompletesEveryDocumentWithinTheAttemptCap() {
        bedrock.faults().injectWithProbability(LocalBedrock.ALL_MODELS, Fault.THROTTLING, 0.5);

        List<String> jobs = putInvoices("throttled", 6);

        for (String jobId : jobs) {
            assertThat(awaitFinal(jobId).get("status").s()).isEqualTo("COMPLETED");
            for (JsonNode call : result(jobId).at("/models/calls")) {
                assertThat(call.get("attempts").asInt()).isBetween(1, ATTEMPT_CAP);
            }
        }
        assertThat(bedrock.counters(LocalBedrock.ALL_MODELS).throttled()).isPositive();
    }

    @Test
    void whenThePrimaryIsDownTheBreakerOpensTheFallbackServesAndThePrimaryReturns() {
        bedrock.faults().injectAlways(PRIMARY, Fault.SERVICE_UNAVAILABLE);

        for (String jobId : putInvoices("primary-down", 3)) {
            assertThat(awaitFinal(jobId).get("status").s()).isEqualTo("COMPLETED");
            JsonNode result = result(jobId);
            assertThat(result.at("/models/fallbackUsed").asBoolean()).isTrue();
            assertThat(result.at("/models/modelsUsed").toString()).contains(FALLBACK);
        }
        assertThat(primaryBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        long primaryCallsWhileOpen = bedrock.counters(PRIMARY).calls();

        bedrock.faults().clear();
        await().atMost(Duration.ofSeconds(10)).until(() -> primaryBreaker.getState() == CircuitBreaker.State.HALF_OPEN);
        String recovered = putInvoices("primary-back", 1).get(0);

        assertThat(awaitFinal(recovered).get("status").s()).isEqualTo("COMPLETED");
        assertThat(result(recovered).at("/models/modelsUsed").toString()).contains(PRIMARY);
        assertThat(primaryBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(bedrock.counters(PRIMARY).calls()).isGreaterThan(primaryCallsWhileOpen);
    }

    @Test
    void whenEveryModelIsDownDocumentsAreParkedNotFailedAndCompleteAfterRecovery() {
        bedrock.faults().injectAlways(LocalBedrock.ALL_MODELS, Fault.SERVICE_UNAVAILABLE);
        List<String> jobs = putInvoices("all-down", 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.stream().allMatch(id -> parkings(id) >= 1));
        for (String jobId : jobs) {
            assertThat(item(jobId).get("status").s()).isNotEqualTo("FAILED");
        }

        bedrock.faults().clear();
        for (String jobId : jobs) {
            Map<String, AttributeValue> job = awaitFinal(jobId);
            assertThat(job.get("status").s()).isEqualTo("COMPLETED");
            assertThat(Integer.parseInt(job.get("parkings").n())).isPositive();
        }
    }

    private List<String> putInvoices(String prefix, int count) {
        List<String> jobIds = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String key = "resilience/" + prefix + "-" + i + "-" + System.nanoTime() + ".txt";
            byte[] text = ("ACME Supplies Ltd\nINVOICE\nInvoice Number: " + prefix.toUpperCase() + "-" + i + "\nBill To: Example Corp\n"
                    + "Due Date: 2026-12-01\nTotal: $" + (100 + i) + ".00\n").getBytes();
            jobIds.add(documents.put(key, text));
        }
        return jobIds;
    }

    private int parkings(String jobId) {
        var item = item(jobId);
        return item == null || !item.containsKey("parkings") ? 0 : Integer.parseInt(item.get("parkings").n());
    }
}
