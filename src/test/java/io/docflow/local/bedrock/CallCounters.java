package io.docflow.local.bedrock;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe call counters per model id. */
final class CallCounters {

    private final Map<String, Counters> byModel = new ConcurrentHashMap<>();

    void called(String modelId) {
        of(modelId).calls.increment();
    }

    void succeeded(String modelId, long inputTokens, long outputTokens) {
        Counters c = of(modelId);
        c.succeeded.increment();
        c.inputTokens.add(inputTokens);
        c.outputTokens.add(outputTokens);
    }

    void failed(String modelId, BedrockError error) {
        (error == BedrockError.THROTTLING ? of(modelId).throttled : of(modelId).failed).increment();
    }

    /** The counts of one model, or the sum over all models for {@code "*"}. */
    CallCounts get(String modelId) {
        if (PerModel.ALL_MODELS.equals(modelId)) {
            return all().values().stream().reduce(CallCounts.NONE, CallCounts::plus);
        }
        Counters c = byModel.get(modelId);
        return c == null ? CallCounts.NONE : c.snapshot();
    }

    Map<String, CallCounts> all() {
        Map<String, CallCounts> all = new TreeMap<>();
        byModel.forEach((id, c) -> all.put(id, c.snapshot()));
        return all;
    }

    void reset() {
        byModel.clear();
    }

    private Counters of(String modelId) {
        return byModel.computeIfAbsent(modelId, id -> new Counters());
    }

    private static final class Counters {
        final LongAdder calls = new LongAdder();
        final LongAdder succeeded = new LongAdder();
        final LongAdder throttled = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder inputTokens = new LongAdder();
        final LongAdder outputTokens = new LongAdder();

        CallCounts snapshot() {
            return new CallCounts(calls.sum(), succeeded.sum(), throttled.sum(), failed.sum(), inputTokens.sum(),
                    outputTokens.sum());
        }
    }
}
