package io.docflow.legacy;

import io.docflow.legacy.xml.GetDocumentStatus;
import io.docflow.legacy.xml.ProcessDocument;

/**
 * A legacy request that passed every check: well-formed, a SOAP envelope, schema-valid, an allowed reply queue. One
 * of {@code processDocument} and {@code getDocumentStatus} is set, as {@code operation} says.
 */
public record LegacyRequest(Operation operation, RequestContext context, ProcessDocument processDocument,
                            GetDocumentStatus getDocumentStatus) {

    public String correlationId() {
        return context.correlationId();
    }

    public SoapVersion version() {
        return context.version();
    }

    public ReplyTarget replyTarget() {
        return context.replyTarget();
    }
}
