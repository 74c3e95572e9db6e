package io.docflow.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which way each model task of a document was asked, for its result and its job item. */
public final class ModelOutputs {

    public static final String MIXED = "mixed";

    private ModelOutputs() {
    }

    /**
     * Per task, in call order: {@code tool_use} or {@code text}, or {@code mixed} when its calls went both ways (a
     * fallback model refusing the tool use its primary took).
     */
    public static Map<String, String> byTask(Collection<ModelReply> calls) {
        Map<String, String> outputs = new LinkedHashMap<>();
        for (ModelReply call : calls) {
            outputs.merge(call.task().name(), call.output().label(),
                    (before, now) -> before.equals(now) ? before : MIXED);
        }
        return outputs;
    }
}
