package io.docflow.model;

/**
 * How a model call asks for its answer, recorded per call in the result ({@code output}) and per task on the job.
 * Configured as {@code docflow.models.output: tool-use | text}.
 */
public enum ModelOutput {
    /** Converse tool use: one tool whose input schema is the answer's shape, forced; the answer is the tool's input. */
    TOOL_USE("tool_use"),
    /** The text prompts ask for one JSON object in the reply's text, read by {@link JsonReplyReader}. */
    TEXT("text");

    private final String label;

    ModelOutput(String label) {
        this.label = label;
    }

    /** As results and the job item write it: {@code tool_use} or {@code text}. */
    public String label() {
        return label;
    }
}
