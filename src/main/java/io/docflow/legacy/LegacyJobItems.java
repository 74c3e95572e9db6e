package io.docflow.legacy;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.docflow.config.DocflowProperties;
import io.docflow.ingest.SourceObject;
import io.docflow.jobs.JobItems;
import io.docflow.jobs.JobStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/**
 * The legacy attributes of a job item, for routes/legacy.camel.yaml's aws2-ddb calls: who asked for the job over
 * SOAP (correlation id), where its answers go (reply queue, absent: the default queue) and in which SOAP version,
 * and when its ProcessDocumentResult was sent. A job gets them when the bridge registers it, or, when the document's
 * S3 event registered it first, when the bridge attaches them; the first request wins.
 */
@Component("legacyJobItems")
public class LegacyJobItems {

    public static final String CORRELATION_ID = "legacyCorrelationId";
    public static final String REPLY_QUEUE = "legacyReplyQueue";
    public static final String SOAP_VERSION = "legacySoapVersion";
    public static final String RESULT_SENT_AT = "legacyResultSentAt";

    private final JobItems jobItems;
    private final Clock clock;
    private final String inputBucket;
    private final String keyPrefix;

    @Autowired
    public LegacyJobItems(JobItems jobItems, DocflowProperties properties) {
        this(jobItems, Clock.systemUTC(), properties);
    }

    LegacyJobItems(JobItems jobItems, Clock clock, DocflowProperties properties) {
        this.jobItems = jobItems;
        this.clock = clock;
        this.inputBucket = properties.buckets().input();
        this.keyPrefix = properties.legacy().keyPrefix();
    }

    /** The item of a job the bridge registers, unclaimed: the document's S3 event claims and processes it. */
    public Map<String, AttributeValue> queued(SourceObject source, LegacyRequest request) {
        Map<String, AttributeValue> item = jobItems.queued(source);
        item.putAll(attributes(request));
        return item;
    }

    /** Update giving a job registered by its S3 event the legacy attributes. */
    public Map<String, AttributeValueUpdate> attach(LegacyRequest request) {
        Map<String, AttributeValueUpdate> updates = new HashMap<>();
        attributes(request).forEach((name, value) -> updates.put(name, put(value)));
        return updates;
    }

    /** Condition for {@link #attach}: the job exists and no legacy request has claimed its answers yet. */
    public Map<String, ExpectedAttributeValue> unattached() {
        return Map.of(CORRELATION_ID, ExpectedAttributeValue.builder().exists(false).build(),
                JobItems.JOB_ID, ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.NOT_NULL).build());
    }

    /** Only documents the bridge stored can have legacy answers: no DynamoDB call for any other job. */
    public boolean mayBeLegacy(SourceObject source) {
        return source != null && inputBucket.equals(source.bucket()) && source.key().startsWith(keyPrefix);
    }

    public Map<String, AttributeValueUpdate> resultSent() {
        return Map.of(RESULT_SENT_AT, put(AttributeValue.fromS(clock.instant().toString())));
    }

    /**
     * Condition for {@link #resultSent}: a legacy job in a final status whose result has not been sent. Whoever
     * writes it first (the pipeline finishing the job, or the bridge finding it finished) sends the result, once.
     */
    public Map<String, ExpectedAttributeValue> resultPending() {
        return Map.of(CORRELATION_ID, ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.NOT_NULL).build(),
                RESULT_SENT_AT, ExpectedAttributeValue.builder().exists(false).build(),
                JobItems.STATUS, ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.IN)
                        .attributeValueList(AttributeValue.fromS(JobStatus.COMPLETED.name()),
                                AttributeValue.fromS(JobStatus.NEEDS_REVIEW.name()),
                                AttributeValue.fromS(JobStatus.FAILED.name())).build());
    }

    public boolean isFinal(Map<String, AttributeValue> item) {
        AttributeValue status = item == null ? null : item.get(JobItems.STATUS);
        return status != null && JobStatus.valueOf(status.s()).isFinal();
    }

    /** Where the job's ProcessDocumentResult goes, as its legacy request asked. */
    public ReplyTarget replyTarget(Map<String, AttributeValue> item) {
        String correlationId = text(item, CORRELATION_ID);
        String version = text(item, SOAP_VERSION);
        return new ReplyTarget(text(item, REPLY_QUEUE),
                SoapVersion.ofLabel(version == null ? SoapVersion.SOAP_11.label() : version), correlationId, correlationId);
    }

    private static Map<String, AttributeValue> attributes(LegacyRequest request) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        attributes.put(CORRELATION_ID, AttributeValue.fromS(request.correlationId()));
        attributes.put(SOAP_VERSION, AttributeValue.fromS(request.version().label()));
        if (request.context().replyQueue() != null) {
            attributes.put(REPLY_QUEUE, AttributeValue.fromS(request.context().replyQueue()));
        }
        return attributes;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static AttributeValueUpdate put(AttributeValue value) {
        return AttributeValueUpdate.builder().action(AttributeAction.PUT).value(value).build();
    }
}
