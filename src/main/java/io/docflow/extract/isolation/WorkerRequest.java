package io.docflow.extract.isolation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What docflow asks of a parser worker, one JSON line on its standard input; {@code kind} says which. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ParseRequest.class, name = "parse"),
        @JsonSubTypes.Type(value = RenderRequest.class, name = "render")})
sealed interface WorkerRequest permits ParseRequest, RenderRequest {
}
