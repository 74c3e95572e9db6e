package io.docflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;


import io.docflow.config.DocflowProperties;
import io.docflow.local.DocflowTest;
import io.docflow.local.LocalAwsInitializer;
import io.docflow.local.bedrock.CallCounts;
import io.docflow.local.bedrock.LocalBedrock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * With more demand than the quota, the pacer keeps docflow at the quota: few throttled calls, throughput near the
 * quota. (Figures at scale are the benchmark's job; this checks the behaviour with loose bounds.)
 */
@DocflowTest
@TestPropertySource(properties = {
        // a bucket and queue of its own: other docflow contexts cached in this JVM must not take its documents
        "docflow.buckets.input=pacing-input", "docflow.queues.ingest=pacing-ingest", "docflow.queues.legacy-requests=pacing-legacy-requests",
        "docflow.queues.legacy-responses=pacing-legacy-responses", "docflow.queues.ingest-dlq=pacing-ingest-dlq",
        "docflow.models.classification=" + QuotaPacingTest.MODEL,
        "docflow.models.extraction=" + QuotaPacingTest.MODEL,
        "docflow.models.fallback=",
        "docflow.models.pacing.requests-per-minute=" + QuotaPacingTest.QUOTA_RPM,
        "docflow.models.retry.initial-delay-millis=100"})
class QuotaPacingTest {

    static final String MODEL = "meta.llama3-8b-instruct-v1:0";
    static final int QUOTA_RPM = 120;

    @Autowired DocflowProperties config;
    @Autowired S3Client s3;
    @Autowired DynamoDbClient dynamoDb;
    @Autowired BedrockRuntimeClient bedrockClient;

    private final LocalBedrock bedrock = LocalAwsInitializer.sharedServices().bedrock();

    @AfterEach
    void clearQuota() {
        bedrock.quota().clear();
        bedrock.resetCounters();
    }

    @Test
    void demandAboveTheQuotaIsPacedNearTheQuotaWithFewThrottledCalls() {
        bedrock.quota().set(MODEL, QUOTA_RPM, 0);
        drainTheQuota();
        bedrock.resetCounters();

        long started = System.nanoTime();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String key = "pacing/invoice-" + i + "-" + System.nanoTime() + ".txt";
            s3.putObject(b -> b.bucket(config.buckets().input()).key(key),
                    RequestBody.fromString("ACME Supplies Ltd\nINVOICE\nInvoice Number: P-" + key.hashCode() + "\nTotal: $10.00\n"));
            keys.add(key);
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> completed(keys) == keys.size());
        double minutes = (System.nanoTime() - started) / 60e9;

        CallCounts counts = bedrock.counters(MODEL);
        double callsPerMinute = counts.succeeded() / minutes;
        org.slf4j.LoggerFactory.getLogger(QuotaPacingTest.class).info(
                "Pacing at quota {} RPM: {} calls, {} throttled ({}%), {} successful calls per minute",
                QUOTA_RPM, counts.calls(), counts.throttled(),
                String.format("%.1f", 100.0 * counts.throttled() / counts.calls()), String.format("%.0f", callsPerMinute));
        assertThat(counts.succeeded()).isEqualTo(2L * keys.size());
        assertThat((double) counts.throttled() / counts.calls()).as("throttled fraction of %s", counts).isLessThan(0.10);
        assertThat(callsPerMinute).as("model calls per minute").isBetween(0.5 * QUOTA_RPM, 1.2 * QUOTA_RPM);
    }

    /** Uses up the quota's initial allowance, so what follows runs at the refill rate, as under steady load. */
    private void drainTheQuota() {
        for (int i = 0; i < QUOTA_RPM; i++) {
            bedrockClient.converse(b -> b.modelId(MODEL).messages(m -> m.role(ConversationRole.USER)
                    .content(ContentBlock.fromText("hello"))));
        }
    }

    private long completed(List<String> keys) {
        return dynamoDb.scan(b -> b.tableName(config.jobs().table())).items().stream()
                .filter(item -> keys.contains(item.get("key").s()))
                .filter(item -> "COMPLETED".equals(item.getOrDefault("status", AttributeValue.fromS("")).s()))
                .filter(item -> item.containsKey("announced"))
                .count();
    }

}
