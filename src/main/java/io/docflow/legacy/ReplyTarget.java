package io.docflow.legacy;

/**
 * Where and how an answer goes: the queue (null: the default response queue), the SOAP version, and what it relates
 * to. For the final result of a job it is read back from the job item, where the bridge stored it.
 */
public record ReplyTarget(String queue, SoapVersion version, String correlationId, String relatesTo) {
}
