package io.docflow.local.bedrock;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs one model call through what Bedrock would do to it, in order: unknown model, tools the model does not take,
 * added latency, injected fault, input length, quota, then the local model with {@code maxTokens} applied; and counts
 * every outcome.
 */
final class ModelInvocations {

    static final String INPUT_TOO_LONG = "Input is too long for requested model.";

    private final LocalBedrockState state;
    private final DocumentModel model;
    private final LongSupplier nanoTime;

    ModelInvocations(LocalBedrockState state, DocumentModel model, LongSupplier nanoTime) {
        this.state = state;
        this.model = model;
        this.nanoTime = nanoTime;
    }

    CallOutcome invoke(ModelRequest request) {
        long started = nanoTime.getAsLong();
        String modelId = request.modelId();
        state.counters().called(modelId);
        if (state.unknownModels().contains(modelId)) {
            return fail(modelId, new CallOutcome.Failure(BedrockError.RESOURCE_NOT_FOUND,
                    "The provided model identifier is invalid."));
        }
        String toolRefusal = state.toolSupport().get(modelId).orElse(ToolSupport.FULL).refusal(request.tools());
        if (toolRefusal != null) {
            return fail(modelId, new CallOutcome.Failure(BedrockError.VALIDATION, toolRefusal));
        }
        state.latency().get(modelId).ifPresent(latency -> pause(latency.sampleMillis()));
        Optional<Fault> fault = state.faults().next(modelId);
        Optional<BedrockError> injectedError = fault.flatMap(Fault::error);
        if (injectedError.isPresent()) {
            return fail(modelId, new CallOutcome.Failure(injectedError.get()));
        }
        int inputTokens = Tokens.of(request.inputChars());
        if (inputTokens > state.maxInputTokens().get(modelId).orElse(Integer.MAX_VALUE)) {
            return fail(modelId, new CallOutcome.Failure(BedrockError.VALIDATION, INPUT_TOO_LONG));
        }
        int reserved = request.maxTokens() == null ? 0 : request.maxTokens();
        Optional<Quotas.Permit> permit = state.quotas().tryAcquire(modelId, (long) inputTokens + reserved);
        if (permit.isEmpty()) {
            return fail(modelId, new CallOutcome.Failure(BedrockError.THROTTLING));
        }
        Answer answer = answer(request, fault);
        if (request.maxTokens() != null && answer.outputTokens() > request.maxTokens()) {
            answer = answer.cutAt(request.maxTokens());
        }
        int outputTokens = answer.outputTokens();
        permit.get().settle((long) inputTokens + outputTokens);
        state.counters().succeeded(modelId, inputTokens, outputTokens);
        long latencyMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - started));
        return new CallOutcome.Reply(answer.text(), answer.stopReason(), inputTokens, outputTokens, latencyMs,
                answer.toolCall());
    }

    /** The model's answer to the last user message, with tools when the request has them, spoiled by a fault. */
    private Answer answer(ModelRequest request, Optional<Fault> fault) {
        String prompt = request.lastUserText();
        if (request.tools() == null) {
            String text = model.reply(prompt);
            return Answer.text(fault.map(f -> MalformedOutput.apply(f, text, prompt)).orElse(text));
        }
        Answer answer = model.toolAnswer(prompt, request.tools());
        return fault.map(f -> MalformedOutput.apply(f, answer, request.tools())).orElse(answer);
    }

    /** Counts a call refused before it reached the model, such as one with a malformed body. */
    CallOutcome reject(String modelId, String message) {
        state.counters().called(modelId);
        return fail(modelId, new CallOutcome.Failure(BedrockError.VALIDATION, message));
    }

    private CallOutcome fail(String modelId, CallOutcome.Failure failure) {
        state.counters().failed(modelId, failure.error());
        return failure;
    }

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
