package io.docflow.local.bedrock;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Added model latency: {@code mean}, give or take up to {@code jitter}, uniformly. */
public record Latency(Duration mean, Duration jitter) {

    public Latency {
        if (mean.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("Latency and jitter must not be negative: " + mean + ", " + jitter);
        }
    }

    public static Latency fixed(Duration latency) {
        return new Latency(latency, Duration.ZERO);
    }

    public static Latency around(Duration mean, Duration jitter) {
        return new Latency(mean, jitter);
    }

    long sampleMillis() {
        long jitterMillis = jitter.toMillis();
        long offset = jitterMillis == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitterMillis, jitterMillis + 1);
        return Math.max(0, mean.toMillis() + offset);
    }
}
