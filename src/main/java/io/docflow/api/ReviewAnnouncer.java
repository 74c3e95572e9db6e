package io.docflow.api;

import io.docflow.exchange.RouteIds;
import io.docflow.exchange.Variables;
import io.docflow.ingest.SourceObject;
import io.docflow.notify.DocumentReviewed;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands a finished review to routes/review.camel.yaml ({@code direct:review-completed}), which announces it on SNS
 * and EventBridge and answers the legacy bridge. The review is stored by then: a failed announcement is logged, not
 * the reviewer's error.
 */
@Component
class ReviewAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(ReviewAnnouncer.class);

    private final ProducerTemplate template;

    ReviewAnnouncer(ProducerTemplate template) {
        this.template = template;
    }

    /** Whether the announcement went out. */
    boolean announce(DocumentReviewed review, SourceObject source) {
        Exchange done = template.send("direct:" + RouteIds.REVIEW_COMPLETED, exchange -> {
            Variables.REVIEW.set(exchange, review);
            Variables.JOB_ID.set(exchange, review.jobId());
            Variables.SOURCE.set(exchange, source);
        });
        if (done.getException() != null) {
            log.error("Job {}: its review is stored but could not be announced", review.jobId(), done.getException());
            return false;
        }
        return true;
    }
}
