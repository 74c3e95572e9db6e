package io.docflow.exchange;

/**
 * The route ids Java refers to (stage timings, the outcome listener). RouteIdsTest checks that routes/ defines each,
 * so renaming a route fails a test instead of silently losing its metrics.
 */
public final class RouteIds {

    public static final String MARK_PROCESSING = "mark-processing";
    public static final String EXTRACT_TEXT = "extract-text";
    public static final String CLASSIFY = "classify";
    public static final String EXTRACT_FIELDS = "extract-fields";
    public static final String STORE_RESULT = "store-result";
    public static final String ANNOUNCE = "announce";
    public static final String CALL_MODEL = "call-model";
    public static final String REVIEW_COMPLETED = "review-completed";

    private RouteIds() {
    }

    private static final String DIRECT = "direct://";

    /** The direct endpoint URI Camel reports for a send to the route {@code routeId} (each consumes direct:<its id>). */
    public static String directUri(String routeId) {
        return DIRECT + routeId;
    }

    /** The route id a direct endpoint URI sends to, or null for any other endpoint. */
    public static String ofDirectUri(String uri) {
        return uri.startsWith(DIRECT) ? uri.substring(DIRECT.length()) : null;
    }
}
