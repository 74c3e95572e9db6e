package io.docflow.model;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import org.springframework.stereotype.Component;

/**
 * Validates extracted fields against their class's JSON Schema (draft 2020-12) with networknt's validator (3.x).
 * That validator reads Jackson 3 trees while docflow's are Jackson 2, so schemas and fields cross over as JSON text.
 */
@Component("schemaValidator")
public class SchemaValidator {

    /**
     * Draft 2020-12, knowing docflow's own annotations in the class files (they do not validate anything); instance
     * locations in the legacy JSONPath-like form ({@code $.lineItems[0].description}) that the messages always had.
     */
    private final SchemaRegistry registry = SchemaRegistry.withDialect(
            Dialect.builder(Dialects.getDraft202012())
                    .keyword(new NonValidationKeyword("x-docflow-version"))
                    .keyword(new NonValidationKeyword("x-docflow-key-fields"))
                    .keyword(new NonValidationKeyword("x-docflow-review"))
                    .keyword(new NonValidationKeyword("x-docflow-rules"))
                    .keyword(new NonValidationKeyword("x-docflow-match"))
                    .keyword(new NonValidationKeyword("x-docflow-date-order"))
                    .build(),
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.LEGACY).build()));
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    /** The validation errors ("location: message"), sorted for stable output; empty when the fields are valid. */
    public List<String> errors(DocumentClass documentClass, JsonNode fields) {
        Schema schema = compiled.computeIfAbsent(documentClass.name() + "@" + documentClass.version(),
                key -> registry.getSchema(documentClass.schema().toString(), InputFormat.JSON));
        return schema.validate(fields.toString(), InputFormat.JSON).stream()
                .sorted(Comparator.comparing((Error error) -> error.getInstanceLocation().toString())
                        .thenComparing(Error::getMessage))
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }
}
