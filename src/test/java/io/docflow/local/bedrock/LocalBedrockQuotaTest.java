package io.docflow.local.bedrock;

import static io.docflow.local.bedrock.BedrockSdk.HAIKU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/**
 * Quotas per model, enforced as Bedrock does: the call past the per-minute allowance is throttled. The buckets'
 * clock stands still here, so nothing refills while a test runs however slow the machine.
 */
class LocalBedrockQuotaTest {

    private static final AtomicLong clock = new AtomicLong();
    private static LocalBedrock bedrock;
    private static BedrockRuntimeClient client;

    @BeforeAll
    static void start() {
        bedrock = LocalBedrock.start(0, clock::get);
        client = BedrockSdk.client(bedrock.endpoint());
    }

    @AfterAll
    static void stop() {
        client.close();
        bedrock.close();
    }

    @BeforeEach
    void reset() {
        bedrock.reset();
    }

    @Test
    void withAQuotaOfNRequestsPerMinuteCallNPlusOneIsThrottled() {
        bedrock.setQuota(HAIKU, 3, 0);
        for (int i = 0; i < 3; i++) {
            BedrockSdk.converse(client, HAIKU, "hello");
        }

        ThrottlingException e = catchThrowableOfType(
                () -> BedrockSdk.converse(client, HAIKU, "hello"), ThrottlingException.class);

        assertThat(e.statusCode()).isEqualTo(429);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Too many requests, please wait before trying again.");
        assertThat(bedrock.counters(HAIKU)).satisfies(c -> {
            assertThat(c.calls()).isEqualTo(4);
            assertThat(c.succeeded()).isEqualTo(3);
            assertThat(c.throttled()).isEqualTo(1);
            assertThat(c.failed()).isZero();
        });
        assertThat(BedrockSdk.converse(client, "another-model", "hello")).as("quotas are per model").isNotNull();
    }

    @Test
    void maxTokensIsReservedAgainstTheTokenQuotaAndTheUnusedPartGivenBack() {
        bedrock.setQuota(HAIKU, 0, 1_000);

        for (int i = 0; i < 2; i++) {
            // 602 reserved each time, but only about 35 used and kept: without the refund the second would fail
            client.converse(b -> b.modelId(HAIKU).messages(BedrockSdk.user("hello")).inferenceConfig(c -> c.maxTokens(600)));
        }

        assertThatThrownBy(() -> client.converse(b -> b.modelId(HAIKU)
                        .messages(BedrockSdk.user("hello")).inferenceConfig(c -> c.maxTokens(990))))
                .isInstanceOf(ThrottlingException.class);
        assertThat(bedrock.counters(HAIKU).throttled()).isEqualTo(1);
    }

    @Test
    void theAllowanceComesBackOverTheMinute() {
        bedrock.setQuota(HAIKU, 2, 0);
        BedrockSdk.converse(client, HAIKU, "hello");
        BedrockSdk.converse(client, HAIKU, "hello");
        assertThatThrownBy(() -> BedrockSdk.converse(client, HAIKU, "hello")).isInstanceOf(ThrottlingException.class);

        clock.addAndGet(TimeUnit.SECONDS.toNanos(30));

        assertThat(BedrockSdk.converse(client, HAIKU, "hello")).isNotNull();
        assertThatThrownBy(() -> BedrockSdk.converse(client, HAIKU, "hello")).isInstanceOf(ThrottlingException.class);
    }

    @Test
    void concurrentCallsAreCountedExactly() throws Exception {
        bedrock.setQuota(LocalBedrock.ALL_MODELS, 10, 0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                calls.add(() -> {
                    try {
                        BedrockSdk.converse(client, HAIKU, "hello");
                        return true;
                    } catch (ThrottlingException e) {
                        return false;
                    }
                });
            }
            long succeeded = 0;
            for (Future<Boolean> result : pool.invokeAll(calls)) {
                succeeded += result.get() ? 1 : 0;
            }

            assertThat(succeeded).isEqualTo(10);
            assertThat(bedrock.counters(HAIKU)).isEqualTo(new CallCounts(25, 10, 15, 0,
                    bedrock.counters(HAIKU).inputTokens(), bedrock.counters(HAIKU).outputTokens()));
        } finally {
            pool.shutdownNow();
        }
    }
}
