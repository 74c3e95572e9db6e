package io.docflow.local.bedrock;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Fills a JSON Schema's properties from a document's text, typed as the schema declares. A property the text does
 * not give is left out, never made up, so that a schema's {@code required} can fail the way a real model's can.
 * Each value's evidence quotes the line it was read from (for a value under its label on the next line, that line).
 */
final class FieldExtractor {

    private static final Set<String> CURRENCY = Set.of("currency", "currencycode");
    private static final Set<String> TOTAL = Set.of("total", "totalamount", "grandtotal", "invoicetotal", "amounttotal");
    private static final Set<String> VENDOR = Set.of("vendor", "vendorname", "issuer", "issuername", "supplier",
            "suppliername", "seller", "sellername", "merchant", "merchantname");
    private static final List<String> VENDOR_LABELS = List.of("vendor", "supplier", "seller", "issuer", "merchant", "from");
    private static final Pattern TOTAL_LINE = Pattern.compile("(?i)(?<![\\p{L}])total(?![\\p{L}])");
    private static final Pattern NOT_THE_TOTAL = Pattern.compile("(?i)sub[-\\s]?total|total\\s+(tax|vat)");
    private static final Pattern HEADING = Pattern.compile(
            "(?i)(tax\\s+)?(invoice|receipt|bill|statement|credit note|quote|quotation)");
    private static final Set<String> TRUE = Set.of("yes", "y", "true", "x", "[x]", "☑", "☒", "checked");
    private static final Set<String> FALSE = Set.of("no", "n", "false", "[ ]", "☐", "unchecked");

    /** One value's evidence: a JSON Pointer into the fields, the line it was read from, and its page if known. */
    record Evidence(String field, String quote, Integer page) {

        ObjectNode toJson() {
            ObjectNode node = Json.MAPPER.createObjectNode().put("field", field).put("quote", quote);
            if (page != null) {
                node.put("page", page);
            }
            return node.put("confidence", CONFIDENCE);
        }
    }

    /** The fields and, per leaf value (each list item's properties too), where it was read. */
    record Extraction(ObjectNode fields, List<Evidence> evidence) {

        ArrayNode evidenceJson() {
            ArrayNode array = Json.MAPPER.createArrayNode();
            evidence.forEach(e -> array.add(e.toJson()));
            return array;
        }
    }

    static final double CONFIDENCE = 0.9;

    ObjectNode extract(JsonNode schema, String text) {
        return extractWithEvidence(schema, text).fields();
    }

    Extraction extractWithEvidence(JsonNode schema, String text) {
        DocumentLines document = new DocumentLines(text);
        List<Evidence> evidence = new ArrayList<>();
        ObjectNode fields = extract(schema, text, document, new LabeledValues(document.lines()), "", evidence);
        return new Extraction(fields, List.copyOf(evidence));
    }

    private ObjectNode extract(JsonNode schema, String text, DocumentLines document, LabeledValues labeled,
            String pointer, List<Evidence> evidence) {
        ObjectNode result = Json.MAPPER.createObjectNode();
        schema.path("properties").fields().forEachRemaining(property -> {
            String path = pointer + "/" + property.getKey().replace("~", "~0").replace("/", "~1");
            value(property.getKey(), property.getValue(), text, document, labeled, path, evidence)
                    .ifPresent(value -> result.set(property.getKey(), value));
        });
        return result;
    }

    private Optional<JsonNode> value(String name, JsonNode schema, String text, DocumentLines document,
            LabeledValues labeled, String path, List<Evidence> evidence) {
        String key = Labels.compact(name);
        List<String> lines = document.lines();
        if (SchemaTypes.isArrayOfObjects(schema)) {
            List<LineItems.LocatedItem> items = LineItems.parseLocated(lines);
            ArrayNode array = LineItems.toJson(items.stream().map(LineItems.LocatedItem::item).toList(),
                    schema.path("items"));
            for (int i = 0; i < array.size(); i++) {
                int line = items.get(i).line();
                String itemPath = path + "/" + i;
                array.get(i).fieldNames().forEachRemaining(field ->
                        evidence.add(evidence(document, itemPath + "/" + field, line)));
            }
            return Optional.of(array);
        }
        if ("object".equals(SchemaTypes.type(schema))) {
            ObjectNode nested = extract(schema, text, document, labeled, path, evidence);
            return nested.isEmpty() ? Optional.empty() : Optional.of(nested);
        }
        List<Located> candidates = new ArrayList<>();
        if (TOTAL.contains(key)) {
            lastTotal(lines).ifPresent(candidates::add);
        }
        candidates.addAll(labeled.located(Labels.of(name, schema.path("title").asText(null))));
        if (CURRENCY.contains(key)) {
            List<Located> codes = new ArrayList<>();
            candidates.forEach(c -> Currencies.find(c.raw()).ifPresent(code -> codes.add(new Located(code, c.line()))));
            Currencies.find(text).ifPresent(code -> codes.add(new Located(code, currencyLine(document, code))));
            candidates = codes;
        }
        if (VENDOR.contains(key)) {
            candidates.addAll(labeled.located(VENDOR_LABELS));
            firstLine(lines).ifPresent(candidates::add);
        }
        for (Located candidate : candidates) {
            Optional<JsonNode> value = coerce(schema, candidate.raw());
            if (value.isPresent()) {
                JsonNode found = value.get();
                if (found.isArray()) {
                    for (int i = 0; i < found.size(); i++) {
                        evidence.add(evidence(document, path + "/" + i, candidate.line()));
                    }
                } else {
                    evidence.add(evidence(document, path, candidate.line()));
                }
                return value;
            }
        }
        return Optional.empty();
    }

    private static Evidence evidence(DocumentLines document, String field, int line) {
        return line < 0 ? new Evidence(field, "", null) : new Evidence(field, document.quote(line), document.page(line));
    }

    /** The line a currency was read from: where its code is written, else the first line whose sign gives it. */
    private static int currencyLine(DocumentLines document, String code) {
        int line = document.lineContaining(code);
        for (int i = 0; line < 0 && i < document.lines().size(); i++) {
            if (Currencies.find(document.lines().get(i)).filter(code::equals).isPresent()) {
                line = i;
            }
        }
        return line;
    }

    /** The amount on the last line that mentions a total (not a subtotal): totals come last on invoices. */
    private static Optional<Located> lastTotal(List<String> lines) {
        return lastTotal(lines, Amounts::lastMoney).or(() -> lastTotal(lines, Amounts::last));
    }

    private static Optional<Located> lastTotal(List<String> lines, Function<String, Optional<BigDecimal>> amount) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (TOTAL_LINE.matcher(line).find() && !NOT_THE_TOTAL.matcher(line).find()) {
                Optional<BigDecimal> found = amount.apply(line);
                if (found.isPresent()) {
                    return Optional.of(new Located(found.get().toPlainString(), i));
                }
            }
        }
        return Optional.empty();
    }

    /** The first line that is not blank or just the document's heading ("INVOICE"): usually the issuer. */
    private static Optional<Located> firstLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !HEADING.matcher(line).matches()) {
                return Optional.of(new Located(line, i));
            }
        }
        return Optional.empty();
    }

    static Optional<JsonNode> coerce(JsonNode schema, String raw) {
        String value = raw.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (schema.has("enum")) {
            for (JsonNode option : schema.get("enum")) {
                if (option.asText().equalsIgnoreCase(value)) {
                    return Optional.of(option);
                }
            }
            return Optional.empty();
        }
        String type = SchemaTypes.type(schema);
        if (type == null) {
            type = "string";
        }
        return switch (type) {
            case "number" -> Amounts.first(value).map(n -> DecimalNode.valueOf(Amounts.plain(n)));
            case "integer" -> Amounts.first(value)
                    .filter(n -> n.stripTrailingZeros().scale() <= 0)
                    .map(n -> LongNode.valueOf(n.longValueExact()));
            case "boolean" -> bool(value);
            case "array" -> Optional.of(strings(value));
            case "string" -> "date".equals(schema.path("format").asText())
                    ? Dates.find(value).map(date -> TextNode.valueOf(date.toString()))
                    : Optional.of(TextNode.valueOf(value));
            default -> Optional.empty();
        };
    }

    private static Optional<JsonNode> bool(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return TRUE.contains(v) ? Optional.of(BooleanNode.TRUE)
                : FALSE.contains(v) ? Optional.of(BooleanNode.FALSE) : Optional.empty();
    }

    private static ArrayNode strings(String value) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (String part : value.split("[,;]")) {
            if (!part.isBlank()) {
                array.add(part.strip());
            }
        }
        return array;
    }
}
