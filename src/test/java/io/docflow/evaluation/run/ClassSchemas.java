package io.docflow.evaluation.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The class schemas truth is checked against: docflow's shipped ones, or a folder of one's own (--classes). */
final class ClassSchemas {

    private static final String SUFFIX = ".schema.json";

    private ClassSchemas() {
    }

    static Map<String, JsonNode> shipped(ObjectMapper mapper) {
        Map<String, JsonNode> schemas = new TreeMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:document-classes/*" + SUFFIX)) {
                try (InputStream in = r.getInputStream()) {
                    schemas.put(r.getFilename().substring(0, r.getFilename().length() - SUFFIX.length()), mapper.readTree(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schemas;
    }

    static Map<String, JsonNode> inFolder(ObjectMapper mapper, Path folder) {
        Map<String, JsonNode> schemas = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
                String name = file.getFileName().toString();
                schemas.put(name.substring(0, name.length() - SUFFIX.length()), mapper.readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (schemas.isEmpty()) {
            throw new IllegalArgumentException("No *" + SUFFIX + " in " + folder);
        }
        return schemas;
    }
}
