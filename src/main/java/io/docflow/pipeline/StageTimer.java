package io.docflow.pipeline;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.docflow.exchange.RouteIds;
import io.docflow.exchange.Variables;
import io.docflow.jobs.DocumentJob;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Times the pipeline's stages without cluttering the routes: every {@code to: direct:<stage>} of the process route
 * is a stage, and Camel reports how long each send took. Each duration goes on the job (for the result and the
 * job item) and into the {@code docflow.stage.duration} timer.
 * <p>
 * Its event notifier is added to the CamelContext before it starts, not left for Camel to find among the beans:
 * Camel looks event notifier beans up while the CamelContext bean is being created, and a notifier bean that was
 * itself being created then (it is CamelContextAware, so its creation creates the context) is silently left out.
 * Whether that happened depended on the order Spring happened to create the beans in.
 */
@Component
public class StageTimer implements CamelContextConfiguration {

    static final Set<String> STAGES = Set.of(RouteIds.MARK_PROCESSING, RouteIds.EXTRACT_TEXT, RouteIds.CLASSIFY,
            RouteIds.EXTRACT_FIELDS, RouteIds.STORE_RESULT, RouteIds.ANNOUNCE, RouteIds.CALL_MODEL);

    private final MeterRegistry meters;

    public StageTimer(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        camelContext.getManagementStrategy().addEventNotifier(new SentToStage());
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // nothing to do once started
    }

    /** One stage's send finished after {@code millis}: into the timer, and onto the job unless it is a model call. */
    void stageTook(String stage, long millis, DocumentJob job) {
        Timer.builder("docflow.stage.duration").tag("stage", stage).register(meters).record(millis, TimeUnit.MILLISECONDS);
        if (job != null && !RouteIds.CALL_MODEL.equals(stage)) {
            job.costs().stageTook(stage, millis);
        }
    }

    private final class SentToStage extends StageSends {

        SentToStage() {
            super(false);
        }

        @Override
        void stage(String stage, org.apache.camel.Exchange exchange, long millis) {
            if (STAGES.contains(stage)) {
                stageTook(stage, millis, Variables.JOB.get(exchange));
            }
        }
    }
}
