package io.docflow.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads ground truth, from a file beside the document ({@code invoice-7.pdf.truth.json}, or
 * {@code invoice-7.truth.json}) or from a manifest listing many documents, and checks it against the class schemas:
 * the class is known, every field is one its schema has, every value has the schema's type (dates as ISO dates,
 * lists as lists). All problems are reported at once, each with its file and JSON pointer.
 */
public final class GroundTruthReader {

    public static final int TRUTH_VERSION = 1;
    public static final String SUFFIX = ".truth.json";

    private static final Set<String> SIDECAR_MEMBERS = Set.of("truthVersion", "class", "fields", "note");
    private static final Set<String> ENTRY_MEMBERS = Set.of("document", "class", "fields", "note");
    private static final Set<String> MANIFEST_MEMBERS = Set.of("truthVersion", "documents");

    private final ObjectMapper mapper;
    private final Map<String, JsonNode> classSchemas;

    /** {@code classSchemas}: class name to its schema (src/main/resources/document-classes). */
    public GroundTruthReader(ObjectMapper mapper, Map<String, JsonNode> classSchemas) {
        this.mapper = mapper.copy().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.classSchemas = Map.copyOf(classSchemas);
    }

    /** The truth file of a document: {@code <file name>.truth.json}, else {@code <name without extension>.truth.json}. */
    public static Optional<Path> truthFileFor(Path document) {
        String name = document.getFileName().toString();
        Path full = document.resolveSibling(name + SUFFIX);
        if (Files.isRegularFile(full)) {
            return Optional.of(full);
        }
        int dot = name.lastIndexOf('.');
        Path base = document.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + SUFFIX);
        return Files.isRegularFile(base) ? Optional.of(base) : Optional.empty();
    }

    /** Reads {@code <document>.truth.json} for {@code document}. */
    public GroundTruth readFor(Path document) {
        Path file = truthFileFor(document).orElseThrow(() -> new GroundTruthException(List.of(
                document + ": no ground truth beside it (" + document.getFileName() + SUFFIX + ")")));
        String source = file.toString();
        JsonNode root = parse(file);
        Problems problems = new Problems(source);
        if (!root.isObject()) {
            problems.add("", "must be an object with class and fields");
            throw problems.exception();
        }
        members(root, "", SIDECAR_MEMBERS, problems);
        version(root, problems);
        GroundTruth truth = entry(root, "", document, source, problems);
        problems.throwIfAny();
        return truth;
    }

    /**
     * Reads a manifest: {@code {"truthVersion": 1, "documents": [{"document": "a.pdf", "class": ..., "fields": ...}]}},
     * document paths relative to the manifest's folder and inside it, each listed once.
     */
    public List<GroundTruth> readManifest(Path manifest) {
        String source = manifest.toString();
        JsonNode root = parse(manifest);
        Problems problems = new Problems(source);
        if (!root.isObject() || !root.path("documents").isArray()) {
            problems.add(root.isObject() ? "/documents" : "", "must hold a \"documents\" array");
            throw problems.exception();
        }
        members(root, "", MANIFEST_MEMBERS, problems);
        version(root, problems);
        Path folder = manifest.toAbsolutePath().getParent();
        List<GroundTruth> truths = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        JsonNode documents = root.path("documents");
        for (int i = 0; i < documents.size(); i++) {
            String at = "/documents/" + i;
            JsonNode entry = documents.get(i);
            if (!entry.isObject()) {
                problems.add(at, "must be an object with document, class and fields");
                continue;
            }
            members(entry, at, ENTRY_MEMBERS, problems);
            JsonNode name = entry.path("document");
            if (!name.isTextual() || name.asText().isBlank()) {
                problems.add(at + "/document", "must be the document's path, relative to the manifest");
                continue;
            }
            Path document = folder.resolve(name.asText()).normalize();
            if (!document.startsWith(folder)) {
                problems.add(at + "/document", "must stay inside the manifest's folder; got " + name.asText());
                continue;
            }
            if (!seen.add(document)) {
                problems.add(at + "/document", "lists " + name.asText() + " a second time");
                continue;
            }
            GroundTruth truth = entry(entry, at, document, source + "#" + at, problems);
            if (truth != null) {
                truths.add(truth);
            }
        }
        problems.throwIfAny();
        return truths;
    }

    private JsonNode parse(Path file) {
        try {
            return mapper.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new GroundTruthException(List.of(file + ": line " + (at == null ? "?" : at.getLineNr()) + ", column "
                    + (at == null ? "?" : at.getColumnNr()) + ": not valid JSON (" + e.getOriginalMessage() + ")"));
        } catch (IOException e) {
            throw new GroundTruthException(List.of(file + ": cannot be read (" + e.getMessage() + ")"));
        }
    }

    private static void version(JsonNode root, Problems problems) {
        JsonNode version = root.path("truthVersion");
        if (!version.isMissingNode() && !(version.isInt() && version.asInt() == TRUTH_VERSION)) {
            problems.add("/truthVersion", "must be " + TRUTH_VERSION + "; got " + version);
        }
    }

    private static void members(JsonNode node, String at, Set<String> allowed, Problems problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(at + "/" + escape(name), "is not a ground truth member (expected one of "
                        + allowed.stream().sorted().toList() + ")");
            }
        }
    }

    private GroundTruth entry(JsonNode node, String at, Path document, String source, Problems problems) {
        JsonNode documentClass = node.path("class");
        JsonNode fields = node.path("fields");
        int before = problems.count();
        if (!documentClass.isTextual() || documentClass.asText().isBlank()) {
            problems.add(at + "/class", "must be the class name, e.g. \"invoice\"");
        } else if (!classSchemas.containsKey(documentClass.asText())) {
            problems.add(at + "/class", "is not a known class (" + classSchemas.keySet().stream().sorted().toList()
                    + "); got \"" + documentClass.asText() + "\"");
        }
        if (!fields.isObject()) {
            problems.add(at + "/fields", "must be an object (use {} when nothing is expected)");
        } else if (problems.count() == before) {
            JsonNode schema = classSchemas.get(documentClass.asText());
            fields.fields().forEachRemaining(field -> value(schema.path("properties").path(field.getKey()),
                    field.getValue(), at + "/fields/" + escape(field.getKey()), problems));
        }
        return problems.count() == before
                ? new GroundTruth(document, documentClass.asText(), (ObjectNode) fields, source) : null;
    }

    /** Whether {@code value} has the type {@code schema} gives; null is always allowed (nothing expected). */
    private static void value(JsonNode schema, JsonNode value, String at, Problems problems) {
        if (schema.isMissingNode()) {
            problems.add(at, "is not a field of this class");
            return;
        }
        if (value.isNull()) {
            return;
        }
        String type = schema.path("type").isTextual() ? schema.path("type").asText() : null;
        if (type == null) {
            return;
        }
        switch (type) {
            case "number" -> expect(value.isNumber(), "a number", value, at, problems);
            case "integer" -> expect(value.isIntegralNumber(), "a whole number", value, at, problems);
            case "boolean" -> expect(value.isBoolean(), "true or false", value, at, problems);
            case "string" -> {
                boolean isDate = "date".equals(schema.path("format").asText());
                expect(value.isTextual() && (!isDate || isIsoDate(value.asText())),
                        isDate ? "an ISO date (yyyy-MM-dd)" : "text", value, at, problems);
            }
            case "array" -> {
                if (expect(value.isArray(), "a list", value, at, problems)) {
                    for (int i = 0; i < value.size(); i++) {
                        value(schema.path("items"), value.get(i), at + "/" + i, problems);
                    }
                }
            }
            case "object" -> {
                if (expect(value.isObject(), "an object", value, at, problems)) {
                    value.fields().forEachRemaining(member -> value(schema.path("properties").path(member.getKey()),
                            member.getValue(), at + "/" + escape(member.getKey()), problems));
                }
            }
            default -> {
            }
        }
    }

    private static boolean expect(boolean ok, String what, JsonNode value, String at, Problems problems) {
        if (!ok) {
            problems.add(at, "must be " + what + "; got " + value);
        }
        return ok;
    }

    private static boolean isIsoDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static final class Problems {
        private final String source;
        private final List<String> found = new ArrayList<>();

        Problems(String source) {
            this.source = source;
        }

        void add(String pointer, String message) {
            found.add(source + ": " + (pointer.isEmpty() ? "(root)" : pointer) + ": " + message);
        }

        int count() {
            return found.size();
        }

        GroundTruthException exception() {
            return new GroundTruthException(found);
        }

        void throwIfAny() {
            if (!found.isEmpty()) {
                throw exception();
            }
        }
    }
}
