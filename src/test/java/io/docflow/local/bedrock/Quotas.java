package io.docflow.local.bedrock;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * On-demand quotas per model, as Bedrock enforces them: requests per minute and tokens per minute, each a
 * continuously refilling bucket. A call reserves one request and its input tokens plus its {@code maxTokens}; when
 * it ends, the reservation is settled against the tokens actually used. A {@code "*"} quota gives every model
 * without its own quota separate buckets of that size, because Bedrock's quotas are per model.
 */
public final class Quotas {

    /** A limit of 0 or less means no limit on that dimension. */
    public record Limit(long requestsPerMinute, long tokensPerMinute) {
    }

    /** An admitted call's reservation, settled once with the tokens the call really used. */
    interface Permit {
        void settle(long tokensUsed);
    }

    private static final Permit UNLIMITED = tokensUsed -> { };

    private final PerModel<Limit> limits = new PerModel<>();
    private final Map<String, Buckets> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    Quotas(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Sets the quota of {@code modelId} (or {@code "*"}); buckets start full. */
    public void set(String modelId, long requestsPerMinute, long tokensPerMinute) {
        limits.set(modelId, new Limit(requestsPerMinute, tokensPerMinute));
        buckets.clear();
    }

    public Optional<Limit> get(String modelId) {
        return limits.get(modelId);
    }

    /**
     * Takes the whole current allowance of {@code modelId}'s quota, as if a burst had just used it: from then on
     * calls are admitted at the quota's refill rate only, as under steady load. No quota for the model: nothing.
     */
    public void useUp(String modelId) {
        limits.get(modelId).ifPresent(limit -> buckets(modelId, limit).useUp());
    }

    /** Removes every quota. */
    public void clear() {
        limits.clear();
        buckets.clear();
    }

    /** A permit for a call that reserves {@code tokens}, or empty when the call is over the quota. */
    Optional<Permit> tryAcquire(String modelId, long tokens) {
        Optional<Limit> limit = limits.get(modelId);
        if (limit.isEmpty()) {
            return Optional.of(UNLIMITED);
        }
        return buckets(modelId, limit.get()).tryAcquire(tokens);
    }

    private Buckets buckets(String modelId, Limit limit) {
        return buckets.compute(modelId,
                (id, existing) -> existing != null && existing.limit.equals(limit) ? existing : new Buckets(limit, nanoTime));
    }

    private static final class Buckets {

        final Limit limit;
        private final TokenBucket requests;
        private final TokenBucket tokens;

        Buckets(Limit limit, LongSupplier nanoTime) {
            this.limit = limit;
            this.requests = limit.requestsPerMinute() > 0 ? new TokenBucket(limit.requestsPerMinute(), nanoTime) : null;
            this.tokens = limit.tokensPerMinute() > 0 ? new TokenBucket(limit.tokensPerMinute(), nanoTime) : null;
        }

        synchronized Optional<Permit> tryAcquire(long reserved) {
            if (requests != null && !requests.has(1) || tokens != null && !tokens.has(reserved)) {
                return Optional.empty();
            }
            if (requests != null) {
                requests.take(1);
            }
            if (tokens == null) {
                return Optional.of(UNLIMITED);
            }
            tokens.take(reserved);
            return Optional.of(used -> settle(used - reserved));
        }

        synchronized void useUp() {
            if (requests != null) {
                requests.take((long) Math.floor(requests.available()));
            }
            if (tokens != null) {
                tokens.take((long) Math.floor(tokens.available()));
            }
        }

        private synchronized void settle(long difference) {
            tokens.take(difference);
        }
    }
}
