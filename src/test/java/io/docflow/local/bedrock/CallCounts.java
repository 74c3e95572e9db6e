package io.docflow.local.bedrock;

/**
 * What the local Bedrock saw for a model: every call, and how each ended. {@code throttled} counts
 * ThrottlingException answers (quota or injected); {@code failed} every other error; a malformed-output fault
 * still counts as {@code succeeded}. Tokens are those of succeeded calls.
 */
public record CallCounts(long calls, long succeeded, long throttled, long failed, long inputTokens, long outputTokens) {

    static final CallCounts NONE = new CallCounts(0, 0, 0, 0, 0, 0);

    CallCounts plus(CallCounts other) {
        return new CallCounts(calls + other.calls, succeeded + other.succeeded, throttled + other.throttled,
                failed + other.failed, inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }
}
