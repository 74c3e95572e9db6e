package io.docflow.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import io.docflow.ingest.SourceObject;
import io.docflow.jobs.DocumentJob;
import io.docflow.jobs.JobOutcome;
import io.docflow.model.Classification;
import io.docflow.model.CostEstimator;
import io.docflow.model.DocumentClassCatalog;
import io.docflow.model.ModelReply;
import io.docflow.model.ModelTask;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class PipelineMetricsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private static final String PRICED_MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
    private final DocflowProperties properties = Binder.get(new MockEnvironment()
                    .withProperty("docflow.models.classification", PRICED_MODEL)
                    .withProperty("docflow.models.prices[" + PRICED_MODEL + "].input-per-million", "0.25")
                    .withProperty("docflow.models.prices[" + PRICED_MODEL + "].output-per-million", "1.25"))
            .bindOrCreate("docflow", DocflowProperties.class);
    private final PipelineMetrics metrics = new PipelineMetrics(meters, properties,
            new DocumentClassCatalog(properties, new ObjectMapper()), new CostEstimator(properties));

    @Test
    void everyFinalStatusAndClassStartsAtZero() {
        assertThat(meters.get(PipelineMetrics.DOCUMENTS).tags("status", "COMPLETED", "documentClass", "invoice")
                .counter().count()).isZero();
        assertThat(meters.get(PipelineMetrics.DOCUMENTS).tags("status", "FAILED", "documentClass", "none")
                .counter().count()).isZero();
        assertThat(meters.find(PipelineMetrics.DOCUMENTS).tag("status", "PROCESSING").counters()).isEmpty();
        assertThat(meters.get(PipelineMetrics.MODEL_TOKENS)
                .tags("model", properties.models().classification(), "direction", "input").counter().count()).isZero();
        assertThat(meters.get(PipelineMetrics.MODEL_COST).tags("model", PRICED_MODEL).counter().count()).isZero();
    }

    @Test
    void aFinishedJobCountsItsDocumentTokensAndModelCalls() {
        DocumentJob job = new DocumentJob("job-1", new SourceObject("in", "a.pdf", 10, "etag", null, null, "s3-notification"));
        String model = properties.models().classification();
        job.costs().modelCalled(new ModelReply(ModelTask.CLASSIFY, model, "{}", "end_turn", 100, 20, 250, -1, 1, false));
        job.costs().modelCalled(new ModelReply(ModelTask.EXTRACT, model, "{}", "end_turn", 300, 50, 750, 0, 1, false));
        job.classification(new Classification("invoice", 0.9, null, "invoice"));
        job.outcome(JobOutcome.completed());

        metrics.jobFinished(job);

        assertThat(meters.get(PipelineMetrics.DOCUMENTS).tags("status", "COMPLETED", "documentClass", "invoice")
                .counter().count()).isEqualTo(1);
        assertThat(meters.get(PipelineMetrics.MODEL_TOKENS).tags("model", model, "direction", "input").counter().count())
                .isEqualTo(400);
        assertThat(meters.get(PipelineMetrics.MODEL_TOKENS).tags("model", model, "direction", "output").counter().count())
                .isEqualTo(70);
        assertThat(meters.get(PipelineMetrics.MODEL_LATENCY).tags("model", model, "task", "extract").timer().count())
                .isEqualTo(1);
        assertThat(meters.get(PipelineMetrics.MODEL_LATENCY).tags("model", model, "task", "classify").timer()
                .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(250);
        // 400 input tokens at 0.25 USD and 70 output tokens at 1.25 USD per million
        assertThat(meters.get(PipelineMetrics.MODEL_COST).tags("model", model).counter().count())
                .isCloseTo((400 * 0.25 + 70 * 1.25) / 1_000_000, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aJobThatFailedBeforeClassificationCountsAsClassNone() {
        DocumentJob job = new DocumentJob("job-2", new SourceObject("in", "scan.png", 10, "etag", null, null, "http"));
        job.outcome(JobOutcome.failed("NO_TEXT", "no text"));
        metrics.jobFinished(job);
        assertThat(meters.get(PipelineMetrics.DOCUMENTS).tags("status", "FAILED", "documentClass", "none")
                .counter().count()).isEqualTo(1);
        assertThat(List.of(job.costs().modelCalls().size())).containsExactly(0);
    }
}
