package io.docflow.local.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Quotas on a hand-driven clock. */
class QuotasTest {

    private final AtomicLong now = new AtomicLong();
    private final Quotas quotas = new Quotas(now::get);

    @Test
    void theCallAfterNWithinAMinuteIsOverAQuotaOfNRequests() {
        quotas.set("m", 3, 0);

        for (int i = 0; i < 3; i++) {
            assertThat(quotas.tryAcquire("m", 100)).isPresent();
        }
        assertThat(quotas.tryAcquire("m", 100)).isEmpty();
    }

    @Test
    void requestsComeBackContinuously() {
        quotas.set("m", 60, 0);
        for (int i = 0; i < 60; i++) {
            quotas.tryAcquire("m", 1);
        }
        assertThat(quotas.tryAcquire("m", 1)).isEmpty();

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_000));

        assertThat(quotas.tryAcquire("m", 1)).isPresent();
        assertThat(quotas.tryAcquire("m", 1)).isEmpty();
    }

    @Test
    void tokensAreReservedUpFrontAndTheUnusedPartGivenBack() {
        quotas.set("m", 0, 1_000);

        Quotas.Permit first = quotas.tryAcquire("m", 800).orElseThrow();
        assertThat(quotas.tryAcquire("m", 300)).as("800 reserved, 200 left").isEmpty();
        first.settle(500);
        assertThat(quotas.tryAcquire("m", 300)).as("500 used, 500 left").isPresent();
    }

    @Test
    void theStarQuotaGivesEachModelItsOwnBuckets() {
        quotas.set(LocalBedrock.ALL_MODELS, 1, 0);

        assertThat(quotas.tryAcquire("a", 1)).isPresent();
        assertThat(quotas.tryAcquire("b", 1)).isPresent();
        assertThat(quotas.tryAcquire("a", 1)).isEmpty();
    }

    @Test
    void aModelWithoutQuotaIsNeverThrottled() {
        for (int i = 0; i < 10_000; i++) {
            assertThat(quotas.tryAcquire("m", 1_000_000)).isPresent();
        }
    }
}
