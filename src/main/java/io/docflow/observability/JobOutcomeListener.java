package io.docflow.observability;

import io.docflow.exchange.Variables;
import io.docflow.exchange.RouteIds;
import io.docflow.jobs.DocumentJob;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * Calls {@link PipelineMetrics#jobFinished(DocumentJob)} without touching the routes: when an exchange has been
 * through {@code direct:store-result} and the route set the variable {@code finalized} (the conditional write of
 * the final status succeeded, which happens exactly once per job), the job in the variable {@code job} is counted.
 * Relies on the route id and the two variable names of routes/store.camel.yaml; should the pipeline call the hook
 * itself one day, delete this class.
 */
@Component
public class JobOutcomeListener extends EventNotifierSupport {

    static final String STORE_RESULT = RouteIds.directUri(RouteIds.STORE_RESULT);

    private final PipelineMetrics metrics;

    public JobOutcomeListener(PipelineMetrics metrics) {
        this.metrics = metrics;
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
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSentEvent sent && STORE_RESULT.equals(sent.getEndpoint().getEndpointUri());
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeSentEvent) event).getExchange();
        if (exchange.getException() == null
                && Boolean.TRUE.equals(Variables.FINALIZED.get(exchange))
                && Variables.JOB.get(exchange) != null) {
            metrics.jobFinished(Variables.JOB.get(exchange));
        }
    }
}
