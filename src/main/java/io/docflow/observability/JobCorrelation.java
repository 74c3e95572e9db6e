package io.docflow.observability;

import io.docflow.exchange.Variables;
import org.apache.camel.Exchange;
import org.apache.camel.tracing.ActiveSpanManager;
import org.apache.camel.tracing.SpanAdapter;
import org.springframework.stereotype.Component;

/**
 * Makes a job findable from its logs and its trace. Called by the routes once the job id is known: the job id and
 * the exchange's trace id become exchange properties, which camel-mdc puts into the MDC of every log line written
 * while the exchange is processed ({@code camel.mdc.custom-exchange-properties}); the active span gets the job id as
 * attribute {@value #JOB_ID_ATTRIBUTE}, so a trace backend finds the trace of a job.
 */
@Component
public class JobCorrelation {

    public static final String JOB_ID = "jobId";
    public static final String TRACE_ID = "traceId";
    public static final String JOB_ID_ATTRIBUTE = "docflow.job.id";

    /** Correlates the rest of this exchange with the job in the variable {@code jobId}, if there is one. */
    public void enter(Exchange exchange) {
        String jobId = Variables.JOB_ID.get(exchange);
        if (jobId == null) {
            return; // nothing to correlate with; logging must never fail a document
        }
        exchange.setProperty(JOB_ID, jobId);
        SpanAdapter span = ActiveSpanManager.getSpan(exchange);
        if (span != null) {
            span.setTag(JOB_ID_ATTRIBUTE, jobId);
            exchange.setProperty(TRACE_ID, span.traceId());
        }
    }
}
