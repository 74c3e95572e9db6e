package io.docflow.local.bedrock;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A per-minute allowance that refills continuously, as Bedrock's quotas do: full at the start, and
 * {@code perMinute / 60} back each second, never above {@code perMinute}. Not thread-safe on its own.
 */
final class TokenBucket {

    private static final double NANOS_PER_MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final long perMinute;
    private final LongSupplier nanoTime;
    private double available;
    private long refilledAt;

    TokenBucket(long perMinute, LongSupplier nanoTime) {
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
        this.available = perMinute;
        this.refilledAt = nanoTime.getAsLong();
    }

    boolean has(long amount) {
        refill();
        return available >= amount;
    }

    /** Takes {@code amount} (a negative amount gives back); may go below zero when settling actual usage. */
    void take(long amount) {
        refill();
        available = Math.min(perMinute, available - amount);
    }

    double available() {
        refill();
        return available;
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        available = Math.min(perMinute, available + (now - refilledAt) * perMinute / NANOS_PER_MINUTE);
        refilledAt = now;
    }
}
