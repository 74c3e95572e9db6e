package io.docflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ModelOutputsTest {

    private static ModelReply reply(ModelTask task, ModelOutput output) {
        return new ModelReply(task, "model-a", "", "end_turn", 10, 5, 100, 0, 1, false, output, null);
    }

    @Test
    void eachTaskIsListedOnceInCallOrderWithTheWayItWasAsked() {
        assertThat(ModelOutputs.byTask(List.of(reply(ModelTask.EXTRACT, ModelOutput.TOOL_USE),
                reply(ModelTask.CLASSIFY, ModelOutput.TEXT), reply(ModelTask.EXTRACT, ModelOutput.TOOL_USE))))
                .containsExactly(entry("EXTRACT", "tool_use"), entry("CLASSIFY", "text"));
    }

    @Test
    void aTaskWhoseCallsWentBothWaysIsMixedAndStaysMixed() {
        assertThat(ModelOutputs.byTask(List.of(reply(ModelTask.EXTRACT, ModelOutput.TOOL_USE),
                reply(ModelTask.EXTRACT, ModelOutput.TEXT), reply(ModelTask.EXTRACT, ModelOutput.TOOL_USE),
                reply(ModelTask.REPAIR, ModelOutput.TEXT))))
                .containsExactly(entry("EXTRACT", "mixed"), entry("REPAIR", "text"));
    }

    @Test
    void noCallsNoTasks() {
        assertThat(ModelOutputs.byTask(List.of())).isEmpty();
    }

    private static java.util.Map.Entry<String, String> entry(String task, String output) {
        return java.util.Map.entry(task, output);
    }
}
