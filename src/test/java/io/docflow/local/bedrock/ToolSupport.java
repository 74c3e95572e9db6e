package io.docflow.local.bedrock;

/** How much of Converse tool use a model takes, as models on Bedrock differ. */
public enum ToolSupport {
    /** Tools and every tool choice (Anthropic Claude 3 and later, Amazon Nova). */
    FULL,
    /** Tools, but not a tool choice forcing one tool (auto and any only). */
    NO_FORCED_CHOICE,
    /** No tools at all. */
    NONE;

    static final String NO_TOOL_USE = "This model doesn't support tool use.";
    static final String NO_FORCED_TOOL = "This model doesn't support the toolConfig.toolChoice.tool field. "
            + "Remove toolConfig.toolChoice.tool and try again.";

    /** Bedrock's refusal of {@code tools} for a model with this support, or null when it takes them. */
    String refusal(ToolConfig tools) {
        if (tools == null || this == FULL) {
            return null;
        }
        if (this == NONE) {
            return NO_TOOL_USE;
        }
        return "tool".equals(tools.choice()) ? NO_FORCED_TOOL : null;
    }

    /** Reads {@code none}, {@code no-forced-choice}, {@code FULL}... */
    public static ToolSupport parse(String name) {
        return valueOf(name.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
