package io.docflow.local.bedrock;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** The run-time settings and counters of one local Bedrock, shared by its APIs. */
final class LocalBedrockState {

    /** Claude 3's context window, as the default input limit. */
    static final int DEFAULT_MAX_INPUT_TOKENS = 200_000;

    private final Faults faults = new Faults();
    private final Quotas quotas;
    private final PerModel<Latency> latency = new PerModel<>();
    private final PerModel<Integer> maxInputTokens = new PerModel<>();
    private final PerModel<ToolSupport> toolSupport = new PerModel<>();
    private final Set<String> unknownModels = ConcurrentHashMap.newKeySet();
    private final CallCounters counters = new CallCounters();

    LocalBedrockState(LongSupplier nanoTime) {
        this.quotas = new Quotas(nanoTime);
        resetSettings();
    }

    Faults faults() {
        return faults;
    }

    Quotas quotas() {
        return quotas;
    }

    PerModel<Latency> latency() {
        return latency;
    }

    PerModel<Integer> maxInputTokens() {
        return maxInputTokens;
    }

    /** Tool support per model; FULL unless set. */
    PerModel<ToolSupport> toolSupport() {
        return toolSupport;
    }

    Set<String> unknownModels() {
        return unknownModels;
    }

    CallCounters counters() {
        return counters;
    }

    /** Back to the start: no faults, latency, quotas or unknown models, full tool use, the default input limit. */
    void resetSettings() {
        faults.clear();
        quotas.clear();
        latency.clear();
        unknownModels.clear();
        toolSupport.clear();
        maxInputTokens.clear();
        maxInputTokens.set(PerModel.ALL_MODELS, DEFAULT_MAX_INPUT_TOKENS);
    }
}
