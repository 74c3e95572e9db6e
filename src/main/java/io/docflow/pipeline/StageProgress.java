package io.docflow.pipeline;

import java.util.Set;

import io.docflow.exchange.RouteIds;
import io.docflow.exchange.Variables;
import io.docflow.jobs.JobsTable;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * Records on the job's item the stage a document enters after its text (mark-processing records extract-text), so
 * that a job whose attempts keep ending with the process can say where they died (CRASHED_REPEATEDLY). Like
 * {@link StageTimer}, it watches the process route's {@code to: direct:<stage>} sends rather than adding steps to it.
 */
@Component
public class StageProgress implements CamelContextConfiguration {

    static final Set<String> TRACKED = Set.of(RouteIds.CLASSIFY, RouteIds.EXTRACT_FIELDS);

    private final JobsTable jobs;

    public StageProgress(JobsTable jobs) {
        this.jobs = jobs;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        camelContext.getManagementStrategy().addEventNotifier(new SendingToStage());
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // nothing to do once started
    }

    /** Whether a send to {@code endpointUri} enters a stage worth recording, and which. */
    static String stageEntered(String endpointUri) {
        String stage = RouteIds.ofDirectUri(endpointUri);
        return stage != null && TRACKED.contains(stage) ? stage : null;
    }

    private final class SendingToStage extends EventNotifierSupport {

        SendingToStage() {
            setIgnoreCamelContextEvents(true);
            setIgnoreRouteEvents(true);
            setIgnoreServiceEvents(true);
            setIgnoreExchangeCreatedEvent(true);
            setIgnoreExchangeCompletedEvent(true);
            setIgnoreExchangeFailedEvents(true);
            setIgnoreExchangeRedeliveryEvents(true);
            setIgnoreExchangeSentEvents(true);
            setIgnoreStepEvents(true);
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof ExchangeSendingEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            ExchangeSendingEvent sending = (ExchangeSendingEvent) event;
            String stage = stageEntered(sending.getEndpoint().getEndpointUri());
            String jobId = Variables.JOB_ID.get(sending.getExchange());
            if (stage != null && jobId != null) {
                jobs.enterStage(jobId, stage);
            }
        }
    }
}
