package io.docflow.pipeline;

import java.util.Set;

import io.docflow.exchange.RouteIds;
import io.docflow.exchange.Variables;
import io.docflow.jobs.JobsTable;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
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

    /** Whether entering {@code stage} is worth recording. */
    static boolean tracked(String stage) {
        return TRACKED.contains(stage);
    }

    private final class SendingToStage extends StageSends {

        SendingToStage() {
            super(true);
        }

        @Override
        void stage(String stage, org.apache.camel.Exchange exchange, long millis) {
            String jobId = Variables.JOB_ID.get(exchange);
            if (tracked(stage) && jobId != null) {
                jobs.enterStage(jobId, stage);
            }
        }
    }
}
