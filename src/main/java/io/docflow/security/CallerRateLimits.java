package io.docflow.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A token bucket per caller: {@code burst} requests at once, refilled at {@code perMinute}. Kept in memory per pod
 * (N pods allow N times the rate); the least recently seen callers are forgotten beyond {@code maxCallers}, which
 * gives them a full bucket again.
 */
final class CallerRateLimits {

    private final int perMinute;
    private final int burst;
    private final Map<String, Bucket> buckets;

    CallerRateLimits(int perMinute, int burst, int maxCallers) {
        this.perMinute = perMinute;
        this.burst = burst;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxCallers;
            }
        };
    }

    /** Takes one request from {@code caller}'s bucket: zero when allowed, else how long until one is. */
    Duration take(String caller) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(caller, c -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                    .build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }
}
