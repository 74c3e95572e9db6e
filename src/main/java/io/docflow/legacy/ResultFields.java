package io.docflow.legacy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import io.docflow.legacy.xml.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A finished job's extracted fields as name/value pairs, read from its result document
 * ({@code results/<jobId>.json}). Nested values are flattened into paths: {@code lineItems[0].amount}; nulls are left
 * out.
 */
@Component
public class ResultFields {

    private static final Logger log = LoggerFactory.getLogger(ResultFields.class);

    private final S3Client s3;
    private final ObjectMapper mapper;
    private final String resultsBucket;

    public ResultFields(S3Client s3, ObjectMapper mapper, DocflowProperties properties) {
        this.s3 = s3;
        this.mapper = mapper;
        this.resultsBucket = properties.buckets().results();
    }

    /** The job's fields; null when its result has none or cannot be read (then the answer says FieldsOmitted). */
    public List<Field> of(String jobId) {
        try {
            byte[] json = s3.getObjectAsBytes(b -> b.bucket(resultsBucket).key("results/" + jobId + ".json")).asByteArray();
            JsonNode fields = mapper.readTree(json).path("fields");
            return fields.isObject() ? flatten(fields) : List.of();
        } catch (Exception e) {
            log.warn("Job {}: the fields of its result could not be read for the legacy answer ({})", jobId, e.toString());
            return null;
        }
    }

    static List<Field> flatten(JsonNode fields) {
        List<Field> flat = new ArrayList<>();
        flatten("", fields, flat);
        return flat;
    }

    private static void flatten(String path, JsonNode node, List<Field> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                flatten(path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), entry.getValue(), into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), into);
            }
        } else if (!node.isNull() && !node.isMissingNode()) {
            Field field = new Field();
            field.setName(path);
            field.setValue(node.isBigDecimal() ? node.decimalValue().toPlainString() : node.asText());
            into.add(field);
        }
    }
}
