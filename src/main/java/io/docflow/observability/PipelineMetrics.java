package io.docflow.observability;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.docflow.config.DocflowProperties;
import io.docflow.jobs.DocumentJob;
import io.docflow.jobs.JobStatus;
import io.docflow.model.CostEstimator;
import io.docflow.model.DocumentClass;
import io.docflow.model.DocumentClassCatalog;
import io.docflow.model.ModelReply;
import io.docflow.model.ModelTask;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The pipeline's business metrics, recorded once per finished job by {@link #jobFinished(DocumentJob)}:
 * <ul>
 *   <li>{@code docflow.documents} (counter; tags {@code status}, {@code documentClass}): jobs that reached a final
 *   status. {@code documentClass} is {@code none} when the job failed before it was classified.</li>
 *   <li>{@code docflow.model.tokens} (counter; tags {@code model}, {@code direction} = input|output): tokens as
 *   Bedrock counted them.</li>
 *   <li>{@code docflow.model.latency} (timer; tags {@code model}, {@code task} = classify|extract|repair): one
 *   sample per model call, as docflow measured it around the Converse call.</li>
 *   <li>{@code docflow.model.cost} (counter in USD; tag {@code model}): the estimate from
 *   {@code docflow.models.prices}; calls of a model without a price are not counted.</li>
 * </ul>
 * Tag values are bounded: statuses and classes come from the enum and the class catalog, model ids from the
 * configuration. The document counters and the token counters of the configured models are registered at start
 * at zero, so {@code increase()} and absence alerts work before the first document.
 */
@Component("pipelineMetrics")
public class PipelineMetrics {

    public static final String DOCUMENTS = "docflow.documents";
    public static final String MODEL_TOKENS = "docflow.model.tokens";
    public static final String MODEL_LATENCY = "docflow.model.latency";
    public static final String MODEL_COST = "docflow.model.cost";
    static final String NO_CLASS = "none";

    private final MeterRegistry meters;
    private final CostEstimator costs;

    public PipelineMetrics(MeterRegistry meters, DocflowProperties properties, DocumentClassCatalog classes,
                           CostEstimator costs) {
        this.meters = meters;
        this.costs = costs;
        Set<String> classNames = new LinkedHashSet<>();
        classes.all().stream().map(DocumentClass::name).forEach(classNames::add);
        classNames.add(NO_CLASS);
        for (JobStatus status : JobStatus.values()) {
            if (status.isFinal()) {
                classNames.forEach(documentClass -> documents(status.name(), documentClass));
            }
        }
        for (String model : properties.models().configuredIds()) {
            tokens(model, "input");
            tokens(model, "output");
            if (properties.models().prices().containsKey(model)) {
                cost(model);
            }
        }
    }

    /**
     * The hook: call once when a job's final status has been stored (the conditional write succeeded), with the
     * job as the pipeline left it. Counts the document and every model call recorded on it.
     */
    public void jobFinished(DocumentJob job) {
        String documentClass = job.documentClass() == null ? NO_CLASS : job.documentClass();
        documents(job.outcome().status().name(), documentClass).increment();
        for (ModelReply reply : job.costs().modelCalls()) {
            modelCalled(reply);
        }
    }

    void modelCalled(ModelReply reply) {
        String model = reply.modelId() == null ? "unknown" : reply.modelId();
        tokens(model, "input").increment(reply.inputTokens());
        tokens(model, "output").increment(reply.outputTokens());
        BigDecimal estimate = costs.unrounded(reply);
        if (estimate != null) {
            cost(model).increment(estimate.doubleValue());
        }
        ModelTask task = reply.task();
        Timer.builder(MODEL_LATENCY)
                .description("Latency of one Bedrock Converse call, as docflow measured it")
                .tag("model", model)
                .tag("task", task == null ? "unknown" : task.name().toLowerCase())
                .register(meters)
                .record(reply.latencyMs(), TimeUnit.MILLISECONDS);
    }

    private Counter documents(String status, String documentClass) {
        return Counter.builder(DOCUMENTS)
                .description("Documents that reached a final status")
                .tag("status", status)
                .tag("documentClass", documentClass)
                .register(meters);
    }

    private Counter tokens(String model, String direction) {
        return Counter.builder(MODEL_TOKENS)
                .description("Model tokens as Bedrock counted them")
                .baseUnit("tokens")
                .tag("model", model)
                .tag("direction", direction)
                .register(meters);
    }

    private Counter cost(String model) {
        return Counter.builder(MODEL_COST)
                .description("Estimated model cost from docflow.models.prices")
                .baseUnit("usd")
                .tag("model", model)
                .register(meters);
    }
}
