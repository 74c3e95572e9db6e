package io.docflow.extract.isolation;

/**
 * One document to parse; the worker answers with a {@link ParseReply}.
 *
 * @param document the spooled document
 * @param nameHint its original name or key, may be null
 * @param textFile where the worker writes the extracted text (UTF-8)
 */
record ParseRequest(String document, String nameHint, String textFile) implements WorkerRequest {
}
