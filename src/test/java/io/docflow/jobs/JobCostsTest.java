package io.docflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.docflow.model.ModelReply;
import io.docflow.model.ModelTask;
import org.junit.jupiter.api.Test;

class JobCostsTest {

    private final JobCosts costs = new JobCosts();

    @Test
    void aStageSentToTwiceCountsWithTheSumOfItsTimes() {
        costs.stageTook("classify", 40);
        costs.stageTook("extract-text", 7);
        costs.stageTook("classify", 2);

        assertThat(costs.stageMillis()).as("in the order the stages first finished")
                .containsExactly(Map.entry("classify", 42L), Map.entry("extract-text", 7L));
    }

    @Test
    void modelCallsKeepTheirOrderAndAreHandedOutAsACopy() {
        ModelReply classify = reply(ModelTask.CLASSIFY, -1);
        ModelReply extract = reply(ModelTask.EXTRACT, 0);
        costs.modelCalled(classify);
        costs.modelCalled(extract);

        assertThat(costs.modelCalls()).containsExactly(classify, extract);
        assertThatThrownBy(() -> costs.modelCalls().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> costs.stageMillis().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void itStartsWhenTheJobDoes() {
        long before = System.currentTimeMillis();

        assertThat(new JobCosts().startedAt()).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void callsAndTimesFromParallelChunksAreAllKept() throws Exception {
        Parallel.run(8, 2_000, chunk -> {
            costs.modelCalled(reply(ModelTask.EXTRACT, chunk));
            costs.stageTook("call-model", 1);
        });

        assertThat(costs.modelCalls()).hasSize(2_000);
        assertThat(costs.stageMillis()).containsEntry("call-model", 2_000L);
    }

    private static ModelReply reply(ModelTask task, int chunk) {
        return new ModelReply(task, "m", "{}", "end_turn", 10, 5, 3, chunk, 1, false);
    }
}
