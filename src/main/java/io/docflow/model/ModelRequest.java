package io.docflow.model;

/**
 * One rendered prompt, ready to send.
 *
 * @param chunkIndex the chunk an extraction call reads, or -1
 * @param tool       the tool a tool-use request forces; null for a text request
 * @param textForm   for a tool-use request, the same call as a text request (text prompt, no tool): what is sent
 *                   instead to a model that refuses tool use; null for a text request
 */
public record ModelRequest(ModelTask task, String modelId, String promptVersion, String prompt, int chunkIndex,
                           ModelTool tool, ModelRequest textForm) {

    public ModelRequest {
        if (tool != null && (textForm == null || textForm.tool() != null)) {
            throw new IllegalArgumentException("A tool-use request needs its text form to fall back to");
        }
    }

    /** A text request: the prompt asks for JSON in the reply's text. */
    public ModelRequest(ModelTask task, String modelId, String promptVersion, String prompt, int chunkIndex) {
        this(task, modelId, promptVersion, prompt, chunkIndex, null, null);
    }

    /** A tool-use request forcing {@code tool}, sent as {@code text} to a model that refuses tool use. */
    public static ModelRequest toolUse(ModelRequest text, String promptVersion, String prompt, ModelTool tool) {
        return new ModelRequest(text.task(), text.modelId(), promptVersion, prompt, text.chunkIndex(), tool, text);
    }

    public ModelOutput output() {
        return tool == null ? ModelOutput.TEXT : ModelOutput.TOOL_USE;
    }

    public ModelRequest withModel(String otherModelId) {
        return new ModelRequest(task, otherModelId, promptVersion, prompt, chunkIndex, tool, textForm);
    }

    /** This call as a text request, on the same model. */
    public ModelRequest asText() {
        return tool == null ? this : textForm.withModel(modelId);
    }

    /**
     * Tokens the call may consume against the quota: the prompt and the tool's schema (estimated) plus the reserved
     * {@code maxTokens}.
     */
    public int estimatedTokens(int maxTokens) {
        int characters = prompt.length() + (tool == null ? 0 : tool.inputSchema().toString().length());
        return (characters + 3) / 4 + maxTokens;
    }
}
