package io.docflow.local.bedrock;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON mapper of the local Bedrock, shared: a configured ObjectMapper is thread-safe. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
