package io.docflow.jobs;

/**
 * Who asked for a job over the legacy SOAP bridge and where its answers go: the request's correlation id, its SOAP
 * version label ("1.1", "1.2") and the reply queue it named (null: the default queue).
 */
public record LegacyRequester(String correlationId, String soapVersion, String replyQueue) {
}
