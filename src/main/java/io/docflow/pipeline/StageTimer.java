package io.docflow.pipeline;

import io.docflow.exchange.Variables;
import io.docflow.exchange.RouteIds;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.docflow.jobs.DocumentJob;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * Times the pipeline's stages without cluttering the routes: every {@code to: direct:<stage>} of the process route
 * is a stage, and Camel reports how long each send took. Each duration goes on the job (for the result and the
 * job item) and into the {@code docflow.stage.duration} timer.
 */
@Component
public class StageTimer extends EventNotifierSupport {

    static final Set<String> STAGES = Set.of(RouteIds.MARK_PROCESSING, RouteIds.EXTRACT_TEXT, RouteIds.CLASSIFY,
            RouteIds.EXTRACT_FIELDS, RouteIds.STORE_RESULT, RouteIds.ANNOUNCE, RouteIds.CALL_MODEL);

    private final MeterRegistry meters;

    public StageTimer(MeterRegistry meters) {
        this.meters = meters;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public boolean isEnabled(org.apache.camel.spi.CamelEvent event) {
        return event instanceof ExchangeSentEvent;
    }

    @Override
    public void notify(org.apache.camel.spi.CamelEvent event) {
        ExchangeSentEvent sent = (ExchangeSentEvent) event;
        String stage = RouteIds.ofDirectUri(sent.getEndpoint().getEndpointUri());
        if (stage == null || !STAGES.contains(stage)) {
            return;
        }
        Timer.builder("docflow.stage.duration").tag("stage", stage).register(meters)
                .record(sent.getTimeTaken(), TimeUnit.MILLISECONDS);
        DocumentJob job = Variables.JOB.get(sent.getExchange());
        if (job != null && !RouteIds.CALL_MODEL.equals(stage)) {
            job.stageTook(stage, sent.getTimeTaken());
        }
    }
}
