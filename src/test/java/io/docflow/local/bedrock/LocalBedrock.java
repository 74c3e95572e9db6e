package io.docflow.local.bedrock;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;

import io.docflow.local.LocalHttpServer;

/**
 * A local Amazon Bedrock Runtime on 127.0.0.1 for tests and local mode: Converse (with tool use) and InvokeModel
 * (Anthropic Messages) over the real REST JSON protocol, answered by a deterministic {@link DocumentModel}, with
 * per-model fault injection, latency, quotas, tool support and call counters. Settings take a model id or
 * {@value #ALL_MODELS} for every model without a setting of its own; they can change while calls run, in code or
 * through the {@code /_local/} API.
 */
public final class LocalBedrock implements AutoCloseable {

    public static final String ALL_MODELS = PerModel.ALL_MODELS;

    private final LocalBedrockState state;
    private final LocalHttpServer server;

    private LocalBedrock(int port, LongSupplier quotaClock) {
        this.state = new LocalBedrockState(quotaClock);
        ModelInvocations invocations = new ModelInvocations(state, new DocumentModel(), System::nanoTime);
        this.server = LocalHttpServer.start("local-bedrock", port, new RuntimeHandler(invocations, new AdminApi(this)));
    }

    /** Starts serving on {@code port} (0: any free port). */
    public static LocalBedrock start(int port) {
        return new LocalBedrock(port, System::nanoTime);
    }

    /** With the quota buckets refilling on {@code quotaClock} (nanoseconds), so tests can hold time still. */
    static LocalBedrock start(int port, LongSupplier quotaClock) {
        return new LocalBedrock(port, quotaClock);
    }

    public URI endpoint() {
        return server.endpoint();
    }

    public int port() {
        return server.port();
    }

    public Faults faults() {
        return state.faults();
    }

    public Quotas quota() {
        return state.quotas();
    }

    /** Requests and tokens per minute for {@code modelId} or {@code "*"}; 0 or less: no limit on that one. */
    public void setQuota(String modelId, long requestsPerMinute, long tokensPerMinute) {
        state.quotas().set(modelId, requestsPerMinute, tokensPerMinute);
    }

    public void setLatency(String modelId, Duration latency) {
        setLatency(modelId, Latency.fixed(latency));
    }

    public void setLatency(String modelId, Latency latency) {
        state.latency().set(modelId, latency);
    }

    public void clearLatency(String modelId) {
        state.latency().remove(modelId);
    }

    public void clearLatency() {
        state.latency().clear();
    }

    /** Longer input fails with ValidationException "Input is too long for requested model.". */
    public void setMaxInputTokens(String modelId, int maxInputTokens) {
        state.maxInputTokens().set(modelId, maxInputTokens);
    }

    /** Calls to {@code modelId} fail with ResourceNotFoundException, as for a model id Bedrock does not know. */
    public void markUnknown(String modelId) {
        state.unknownModels().add(modelId);
    }

    /**
     * How much tool use {@code modelId} (or {@code "*"}) takes: with NONE a request with a toolConfig fails with
     * ValidationException "This model doesn't support tool use.", with NO_FORCED_CHOICE one forcing a tool does.
     */
    public void setToolSupport(String modelId, ToolSupport support) {
        state.toolSupport().set(modelId, support);
    }

    /** The counts of one model, or the totals over all models for {@code "*"}. */
    public CallCounts counters(String modelId) {
        return state.counters().get(modelId);
    }

    /** The counts of every model called so far, by model id. */
    public Map<String, CallCounts> counters() {
        return state.counters().all();
    }

    public void resetCounters() {
        state.counters().reset();
    }

    /** Clears every fault, latency, quota, input limit, unknown model and tool support setting, and the counters. */
    public void reset() {
        state.resetSettings();
        state.counters().reset();
    }

    @Override
    public void close() {
        server.close();
    }
}
