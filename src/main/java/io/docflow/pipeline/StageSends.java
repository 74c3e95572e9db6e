package io.docflow.pipeline;

import io.docflow.exchange.RouteIds;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Camel's events for the sends to {@code direct:} endpoints, i.e. the process route's {@code to: direct:<stage>}
 * steps: when a stage is entered ({@link #entering}) or when it returned ({@link #left}), and nothing else. What
 * watches the stages (StageTimer, StageProgress) does so without steps in the routes.
 */
abstract class StageSends extends EventNotifierSupport {

    private final boolean entering;

    /** @param entering true for the send's start (ExchangeSendingEvent), false for its end (ExchangeSentEvent) */
    StageSends(boolean entering) {
        this.entering = entering;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeSendingEvents(!entering);
        setIgnoreExchangeSentEvents(entering);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return entering ? event instanceof ExchangeSendingEvent : event instanceof ExchangeSentEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Endpoint endpoint = entering ? ((ExchangeSendingEvent) event).getEndpoint() : ((ExchangeSentEvent) event).getEndpoint();
        String stage = RouteIds.ofDirectUri(endpoint.getEndpointUri());
        if (stage != null) {
            Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
            long millis = entering ? 0 : ((ExchangeSentEvent) event).getTimeTaken();
            stage(stage, exchange, millis);
        }
    }

    /** A send to {@code direct:<stage>} started or ended; {@code millis} is its duration when it ended, else 0. */
    abstract void stage(String stage, Exchange exchange, long millis);
}
