package io.docflow.legacy;

/**
 * What identifies a legacy request and its answers, as far as it could be read: the bridge fills it in while it
 * reads the request, so even a fault about a half-read request knows where to go and what it relates to.
 *
 * @param version       the SOAP version to answer in
 * @param sqsMessageId  the SQS MessageId of the request
 * @param wsaMessageId  the WS-Addressing MessageID header, or null
 * @param correlationId the legacy system's correlation id, or null
 * @param replyQueue    the reply queue the request named, already checked against the allowed pattern; null: the
 *                      default response queue
 */
public record RequestContext(SoapVersion version, String sqsMessageId, String wsaMessageId, String correlationId,
                             String replyQueue) {

    public static RequestContext unread(SoapVersion version, String sqsMessageId) {
        return new RequestContext(version, sqsMessageId, null, null, null);
    }

    public RequestContext withVersion(SoapVersion version) {
        return new RequestContext(version, sqsMessageId, wsaMessageId, correlationId, replyQueue);
    }

    public RequestContext withMessageId(String wsaMessageId) {
        return new RequestContext(version, sqsMessageId, wsaMessageId, correlationId, replyQueue);
    }

    public RequestContext withCorrelationId(String correlationId) {
        return new RequestContext(version, sqsMessageId, wsaMessageId, correlationId, replyQueue);
    }

    public RequestContext withReplyQueue(String replyQueue) {
        return new RequestContext(version, sqsMessageId, wsaMessageId, correlationId, replyQueue);
    }

    /**
     * What answers carry in {@code wsa:RelatesTo}: the correlation id; failing that the request's wsa:MessageID;
     * failing that its SQS MessageId.
     */
    public String relatesTo() {
        if (correlationId != null) {
            return correlationId;
        }
        return wsaMessageId != null ? wsaMessageId : sqsMessageId;
    }

    public ReplyTarget replyTarget() {
        return new ReplyTarget(replyQueue, version, correlationId, relatesTo());
    }
}
