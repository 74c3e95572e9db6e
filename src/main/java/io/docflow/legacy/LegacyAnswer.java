package io.docflow.legacy;

/**
 * One SOAP message for a legacy system and where it goes.
 *
 * @param kind   what it is: ProcessDocumentAcknowledgement, ProcessDocumentResult, GetDocumentStatusResponse or Fault
 * @param detail for a fault its code and reason, for logs; null otherwise
 */
public record LegacyAnswer(ReplyTarget target, String kind, String xml, String detail) {

    public LegacyAnswer(ReplyTarget target, String kind, String xml) {
        this(target, kind, xml, null);
    }
}
