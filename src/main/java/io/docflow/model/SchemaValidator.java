package io.docflow.model;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.springframework.stereotype.Component;

/** Validates extracted fields against their class's JSON Schema (draft 2020-12) with networknt's validator. */
@Component("schemaValidator")
public class SchemaValidator {

    /** Draft 2020-12, knowing docflow's own annotations in the class files (they do not validate anything). */
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .keyword(new NonValidationKeyword("x-docflow-version"))
                    .keyword(new NonValidationKeyword("x-docflow-key-fields"))
                    .build()));
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    /** The validation errors, sorted for stable output; empty when the fields are valid. */
    public List<String> errors(DocumentClass documentClass, JsonNode fields) {
        JsonSchema schema = compiled.computeIfAbsent(documentClass.name() + "@" + documentClass.version(),
                key -> factory.getSchema(documentClass.schema()));
        return schema.validate(fields).stream()
                .sorted(Comparator.comparing(ValidationMessage::getInstanceLocation, Comparator.comparing(Object::toString))
                        .thenComparing(ValidationMessage::getMessage))
                .map(ValidationMessage::getMessage)
                .toList();
    }
}
