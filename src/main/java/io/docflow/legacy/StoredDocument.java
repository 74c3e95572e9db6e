package io.docflow.legacy;

import io.docflow.ingest.SourceObject;

/**
 * A legacy request's document in the input bucket.
 *
 * @param duplicate true when an earlier request with the same correlation id stored it: nothing new was written
 */
public record StoredDocument(SourceObject source, boolean duplicate) {

    public String location() {
        return source.uri();
    }
}
