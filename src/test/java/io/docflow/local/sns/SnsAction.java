package io.docflow.local.sns;

/** One SNS API action: reads the request's parameters and returns the XML response body. */
@FunctionalInterface
interface SnsAction {

    String handle(QueryParams params, String requestId);
}
