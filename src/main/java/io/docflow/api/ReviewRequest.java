package io.docflow.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/jobs/{jobId}/review}.
 *
 * @param action        approve, correct, reclassify or reject
 * @param fields        the full fields object after correction (correct, reclassify)
 * @param documentClass the class the document really is (reclassify)
 * @param comment       optional, for people; a rejection's error
 */
record ReviewRequest(String action, JsonNode fields, String documentClass, String comment) {
}
