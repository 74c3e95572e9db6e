package io.docflow.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The document classes, one {@code <name>.schema.json} file each under {@code docflow.classes.location}. Adding a
 * class is adding a file (docs/document-classes.md). The class {@code other} must exist: it is where a document
 * that fits no class, or a model answer naming an unknown class, ends up.
 */
@Component("documentClasses")
public class DocumentClassCatalog {

    public static final String OTHER = "other";
    private static final String SUFFIX = ".schema.json";

    private final Map<String, DocumentClass> classes;

    public DocumentClassCatalog(DocflowProperties properties, ObjectMapper mapper) {
        this.classes = load(properties.classes().location(), mapper);
        if (!classes.containsKey(OTHER)) {
            throw new IllegalStateException("docflow.classes.location (" + properties.classes().location()
                    + ") must contain other" + SUFFIX + "; found " + classes.keySet());
        }
    }

    public Collection<DocumentClass> all() {
        return classes.values();
    }

    public Optional<DocumentClass> find(String name) {
        return Optional.ofNullable(name == null ? null : classes.get(name));
    }

    public DocumentClass get(String name) {
        return find(name).orElseGet(() -> classes.get(OTHER));
    }

    /** The classes as the classification prompt lists them: {@code name: description}, one per line. */
    public String promptList() {
        StringBuilder list = new StringBuilder();
        classes.values().forEach(c -> list.append(c.name()).append(": ").append(c.description()).append('\n'));
        return list.toString().stripTrailing();
    }

    private static Map<String, DocumentClass> load(String location, ObjectMapper mapper) {
        String base = location.endsWith("/") ? location : location + "/";
        Map<String, DocumentClass> loaded = new LinkedHashMap<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(base + "*" + SUFFIX);
            java.util.Arrays.sort(files, java.util.Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                String name = file.getFilename().substring(0, file.getFilename().length() - SUFFIX.length());
                try (InputStream in = file.getInputStream()) {
                    loaded.put(name, toClass(name, mapper.readTree(in)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read document classes from " + base, e);
        }
        return loaded;
    }

    private static DocumentClass toClass(String name, JsonNode schema) {
        List<String> keyFields = new ArrayList<>();
        schema.path("x-docflow-key-fields").forEach(f -> keyFields.add(f.asText()));
        return new DocumentClass(name, schema.path("description").asText(name),
                schema.path("x-docflow-version").asText("1"), schema, List.copyOf(keyFields));
    }
}
