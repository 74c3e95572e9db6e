package io.docflow.model.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Client-side pacing of model calls under this pod's share of the Bedrock quota, per model: requests and tokens
 * per minute. Each call reserves a slot; the rate adapts (additive increase, multiplicative decrease): cut by
 * {@code decrease} on every throttling answer, raised by {@code increase} of the budget on every success, never
 * above the configured budget nor below {@code minimumFraction} of it. So docflow runs close to the quota instead
 * of in throttling storms, and backs off when pods share one account quota.
 */
public class AdaptivePacer {

    private final double requestsPerMinute;
    private final double tokensPerMinute;
    private final double minimumFraction;
    private final double increase;
    private final double decrease;
    private final Duration burst;
    private final LongSupplier nanoClock;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * @param requestsPerMinute the pod's request budget per model; 0 means unpaced
     * @param tokensPerMinute   the pod's token budget per model; 0 means unpaced
     */
    public AdaptivePacer(double requestsPerMinute, double tokensPerMinute, double minimumFraction, double increase,
                         double decrease, Duration burst, LongSupplier nanoClock) {
        this.requestsPerMinute = requestsPerMinute;
        this.tokensPerMinute = tokensPerMinute;
        this.minimumFraction = minimumFraction;
        this.increase = increase;
        this.decrease = decrease;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /** Reserves a call of about {@code tokens} tokens and returns how long the caller must wait before making it. */
    public Duration reserve(String modelId, int tokens) {
        return lane(modelId).reserve(tokens);
    }

    /** Reserves, then waits the reserved time. */
    public void acquire(String modelId, int tokens) throws InterruptedException {
        Duration wait = reserve(modelId, tokens);
        if (!wait.isZero()) {
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        }
    }

    public void throttled(String modelId) {
        lane(modelId).scale(decrease);
    }

    public void succeeded(String modelId) {
        lane(modelId).raise(increase);
    }

    /** The current fraction of the budget this pod allows itself for {@code modelId} (1.0 when never throttled). */
    public double rateFraction(String modelId) {
        return lane(modelId).fraction;
    }

    private Lane lane(String modelId) {
        return lanes.computeIfAbsent(modelId, id -> new Lane());
    }

    /** A GCRA-style schedule: the next free instant advances by 1/rate per request and by tokens/tokenRate. */
    private final class Lane {
        private double fraction = 1.0;
        // the schedule starts at the first clock reading: System.nanoTime has an arbitrary origin and may be negative
        private long nextRequestAt = Long.MIN_VALUE;
        private long nextTokenAt = Long.MIN_VALUE;

        synchronized Duration reserve(int tokens) {
            long now = nanoClock.getAsLong();
            long burstNanos = burst.toNanos();
            long waitUntil = now;
            if (requestsPerMinute > 0) {
                long interval = (long) (60e9 / (requestsPerMinute * fraction));
                nextRequestAt = Math.max(nextRequestAt, now - burstNanos);
                waitUntil = Math.max(waitUntil, nextRequestAt);
                nextRequestAt += interval;
            }
            if (tokensPerMinute > 0) {
                long interval = (long) (60e9 * Math.max(tokens, 1) / (tokensPerMinute * fraction));
                nextTokenAt = Math.max(nextTokenAt, now - burstNanos);
                waitUntil = Math.max(waitUntil, nextTokenAt);
                nextTokenAt += interval;
            }
            return Duration.ofNanos(Math.max(0, waitUntil - now));
        }

        synchronized void scale(double factor) {
            fraction = Math.max(minimumFraction, fraction * factor);
        }

        synchronized void raise(double step) {
            fraction = Math.min(1.0, fraction + step);
        }
    }
}
