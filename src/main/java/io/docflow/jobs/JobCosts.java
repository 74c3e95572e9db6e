package io.docflow.jobs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.docflow.model.ModelReply;

/**
 * What a job spent: the time of each stage and every model call (tokens, latency, the model). Every stage adds to
 * it, the chunk extractions from several threads at once, so it is synchronized.
 */
public final class JobCosts {

    private final long startedAt = System.currentTimeMillis();
    private final Map<String, Long> stageMillis = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<ModelReply> modelCalls = Collections.synchronizedList(new ArrayList<>());

    public long startedAt() {
        return startedAt;
    }

    /** Adds to the stage's time: a stage sent to more than once counts once, with the sum. */
    public void stageTook(String stage, long millis) {
        stageMillis.merge(stage, millis, Long::sum);
    }

    /** In the order the stages first finished. */
    public Map<String, Long> stageMillis() {
        synchronized (stageMillis) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(stageMillis));
        }
    }

    public void modelCalled(ModelReply reply) {
        modelCalls.add(reply);
    }

    /** In the order the calls ended. */
    public List<ModelReply> modelCalls() {
        synchronized (modelCalls) {
            return List.copyOf(modelCalls);
        }
    }
}
