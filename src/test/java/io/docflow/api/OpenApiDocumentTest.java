package io.docflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import io.docflow.jobs.JobFixtures;
import io.docflow.jobs.JobStatus;
import io.docflow.local.ApiTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * docs/openapi.yaml against the running service: every documented operation answers with a status it documents, in a
 * content type it documents, with the members its schema requires (and values its enums allow); every request
 * handler of the service is documented; springdoc's generated document has the same operations.
 */
@JobsApiContext
class OpenApiDocumentTest {

    static final Path DOCUMENT = Path.of("docs/openapi.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Operation(String method, String path) implements Comparable<Operation> {
        @Override
        public int compareTo(Operation other) {
            return (path + " " + method).compareTo(other.path + " " + other.method);
        }
    }

    @Autowired TestRestTemplate anonymous;
    /** An admin: every operation is allowed, so each answers as it does for a caller with its role. */
    private TestRestTemplate http;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired DynamoDbClient dynamoDb;
    @Autowired S3Client s3;
    @Autowired DocflowProperties config;

    private final JsonNode document = load();

    @BeforeEach
    void signIn() {
        http = ApiTokens.as(anonymous, ApiTokens.token("admin", "openapi-document-test"));
    }

    @Test
    void theDocumentIsOpenApi31AndEveryReferenceResolves() {
        assertThat(document.get("openapi").asText()).startsWith("3.1");
        List<String> refs = new ArrayList<>();
        document.findValues("$ref").forEach(ref -> refs.add(ref.asText()));
        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(document.at(ref.substring(1)).isMissingNode())
                .as("%s resolves", ref).isFalse());
    }

    @Test
    void everyRequestHandlerOfTheServiceIsDocumented() {
        Set<Operation> handled = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            Class<?> type = mapping.getValue().getBeanType();
            if (!type.getPackageName().startsWith("io.docflow") || ErrorController.class.isAssignableFrom(type)) {
                continue; // springdoc's own endpoints; the container's error page
            }
            Set<org.springframework.web.bind.annotation.RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            assertThat(methods).as("%s answers a fixed set of methods", mapping.getValue()).isNotEmpty();
            for (String path : mapping.getKey().getPatternValues()) {
                methods.forEach(method -> handled.add(new Operation(method.name(), path)));
            }
        }

        assertThat(handled).isNotEmpty();
        assertThat(documented()).isEqualTo(handled);
    }

    @Test
    void springdocGeneratesTheSameOperations() {
        JsonNode generated = http.getForObject("/v3/api-docs", JsonNode.class);
        Set<Operation> operations = new TreeSet<>();
        generated.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (path.getKey().startsWith("/api/")) {
                operations.add(new Operation(method.toUpperCase(), path.getKey()));
            }
        }));

        assertThat(operations).isEqualTo(documented());
    }

    @Test
    void everyDocumentedOperationAnswersAsDocumented() {
        String jobId = completedJobWithResultAndText();
        for (Operation operation : documented()) {
            JsonNode spec = document.at("/paths/" + escape(operation.path()) + "/" + operation.method().toLowerCase());
            if (spec.at("/responses/200/content").has("text/event-stream")) {
                continue; // a stream does not end: JobEventsTest reads it
            }
            ResponseEntity<byte[]> response = send(operation, jobId, spec);
            String status = Integer.toString(response.getStatusCode().value());
            String what = operation + " answered " + status + " " + new String(response.getBody() == null ? new byte[0]
                    : response.getBody(), StandardCharsets.UTF_8);

            JsonNode documentedResponse = resolve(spec.at("/responses/" + status));
            assertThat(documentedResponse.isMissingNode()).as("%s: a documented status", what).isFalse();
            JsonNode content = documentedResponse.get("content");
            if (content == null) {
                continue;
            }
            MediaType type = response.getHeaders().getContentType();
            assertThat(type).as(what).isNotNull();
            String documentedType = type.getType() + "/" + type.getSubtype();
            assertThat(content.has(documentedType)).as("%s: content type %s documented", what, type).isTrue();
            if (documentedType.endsWith("json")) {
                conforms(read(response.getBody()), content.get(documentedType).get("schema"), what, "");
            }
        }
    }

    @Test
    void everyOperationNeedsATokenAndSaysSo() {
        assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/security/0").has("bearerAuth")).isTrue();
        String jobId = java.util.UUID.randomUUID().toString();
        for (Operation operation : documented()) {
            JsonNode spec = document.at("/paths/" + escape(operation.path()) + "/" + operation.method().toLowerCase());
            assertThat(spec.has("security")).as("%s uses the global security", operation).isFalse();
            HttpHeaders headers = new HttpHeaders();
            headers.setAccept(List.of(MediaType.ALL));
            ResponseEntity<byte[]> response = anonymous.exchange(operation.path().replace("{jobId}", jobId),
                    HttpMethod.valueOf(operation.method()), new HttpEntity<>(null, headers), byte[].class);

            assertThat(response.getStatusCode().value()).as("%s without a token", operation).isEqualTo(401);
            assertThat(resolve(spec.at("/responses/401")).isMissingNode()).as("%s documents 401", operation).isFalse();
            assertThat(resolve(spec.at("/responses/403")).isMissingNode()).as("%s documents 403", operation).isFalse();
            conforms(read(response.getBody()), resolve(spec.at("/responses/401")).at("/content/application~1problem+json/schema"),
                    operation + " without a token", "");
        }
    }

    private ResponseEntity<byte[]> send(Operation operation, String jobId, JsonNode spec) {
        String path = operation.path().replace("{jobId}", jobId);
        HttpHeaders headers = new HttpHeaders();
        Object body = null;
        if (spec.at("/requestBody/content").has("multipart/form-data")) {
            // without its file part: the operation must still be there (400 file_missing), and no job is started
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
            parts.add("note", "no file");
            body = parts;
        }
        return http.exchange(path, HttpMethod.valueOf(operation.method()), new HttpEntity<>(body, headers), byte[].class);
    }

    /** Checks the members a schema requires, the enums it allows and the items of arrays, following references. */
    private void conforms(JsonNode value, JsonNode schema, String what, String where) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("enum") && value.isTextual()) {
            List<String> allowed = new ArrayList<>();
            resolved.get("enum").forEach(e -> allowed.add(e.asText()));
            assertThat(allowed).as("%s: %s allowed", what, where).contains(value.asText());
        }
        if (value.isObject()) {
            resolved.path("required").forEach(name -> assertThat(value.has(name.asText()))
                    .as("%s: %s/%s present", what, where, name.asText()).isTrue());
            resolved.path("properties").fields().forEachRemaining(property -> {
                if (value.hasNonNull(property.getKey())) {
                    conforms(value.get(property.getKey()), property.getValue(), what, where + "/" + property.getKey());
                }
            });
        }
        if (value.isArray() && resolved.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                conforms(value.get(i), resolved.get("items"), what, where + "/" + i);
            }
        }
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode resolved = node;
        while (resolved.has("$ref")) {
            resolved = document.at(resolved.get("$ref").asText().substring(1));
        }
        return resolved;
    }

    private Set<Operation> documented() {
        Set<Operation> operations = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(method)) {
                operations.add(new Operation(method.toUpperCase(), path.getKey()));
            }
        }));
        return operations;
    }

    private String completedJobWithResultAndText() {
        String jobId = new JobFixtures(dynamoDb, config.jobs().table()).job(config.buckets().input(),
                "openapi/" + System.nanoTime() + ".pdf", java.time.Instant.now(), JobStatus.COMPLETED, "invoice", null);
        String result = "{\"resultVersion\":1,\"jobId\":\"" + jobId + "\",\"status\":\"COMPLETED\",\"source\":{},"
                + "\"textLocation\":\"s3://" + config.buckets().results() + "/text/" + jobId + ".txt\",\"costUsd\":"
                + BigDecimal.ZERO + "}";
        s3.putObject(b -> b.bucket(config.buckets().results()).key("results/" + jobId + ".json"), RequestBody.fromString(result));
        s3.putObject(b -> b.bucket(config.buckets().results()).key("text/" + jobId + ".txt"), RequestBody.fromString("text"));
        return jobId;
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode read(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    private static JsonNode load() {
        try {
            Object yaml = new Yaml().load(Files.readString(DOCUMENT));
            return JSON.valueToTree(yaml);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + DOCUMENT, e);
        }
    }
}
