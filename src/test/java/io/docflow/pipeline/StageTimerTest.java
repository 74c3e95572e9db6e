package io.docflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import io.docflow.exchange.RouteIds;
import io.docflow.ingest.SourceObject;
import io.docflow.jobs.DocumentJob;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class StageTimerTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final StageTimer timer = new StageTimer(meters);
    private final DocumentJob job = new DocumentJob("j-1", new SourceObject("in", "a.pdf", 1, "e", null, null, "test"));

    @Test
    void aStageGoesIntoTheTimerAndOntoTheJob() {
        timer.stageTook(RouteIds.CLASSIFY, 120, job);

        assertThat(meters.get("docflow.stage.duration").tag("stage", "classify").timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(120.0);
        assertThat(job.costs().stageMillis()).containsEntry("classify", 120L);
    }

    @Test
    void aModelCallIsTimedButNotAStageOfTheJob() {
        timer.stageTook(RouteIds.CALL_MODEL, 80, job);

        assertThat(meters.get("docflow.stage.duration").tag("stage", "call-model").timer().count()).isEqualTo(1);
        assertThat(job.costs().stageMillis()).isEmpty();
    }

    @Test
    void everyStageIsARouteOfTheProcess() {
        assertThat(StageTimer.STAGES).contains(RouteIds.MARK_PROCESSING, RouteIds.EXTRACT_TEXT, RouteIds.CLASSIFY,
                RouteIds.EXTRACT_FIELDS, RouteIds.STORE_RESULT, RouteIds.ANNOUNCE);
    }
}
