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

    ObjectNode extract(JsonNode schema, String text) {
        List<String> lines = text.lines().toList();
        LabeledValues labeled = new LabeledValues(lines);
        ObjectNode result = Json.MAPPER.createObjectNode();
        schema.path("properties").fields().forEachRemaining(property ->
                value(property.getKey(), property.getValue(), text, lines, labeled)
                        .ifPresent(value -> result.set(property.getKey(), value)));
        return result;
    }

    private Optional<JsonNode> value(String name, JsonNode schema, String text, List<String> lines,
            LabeledValues labeled) {
        String key = Labels.compact(name);
        if (SchemaTypes.isArrayOfObjects(schema)) {
            return Optional.of(LineItems.toJson(LineItems.parse(lines), schema.path("items")));
        }
        if ("object".equals(SchemaTypes.type(schema))) {
            ObjectNode nested = extract(schema, text);
            return nested.isEmpty() ? Optional.empty() : Optional.of(nested);
        }
        List<String> candidates = new ArrayList<>();
        if (TOTAL.contains(key)) {
            lastTotal(lines).ifPresent(candidates::add);
        }
        candidates.addAll(labeled.candidates(Labels.of(name, schema.path("title").asText(null))));
        if (CURRENCY.contains(key)) {
            List<String> codes = new ArrayList<>();
            candidates.forEach(candidate -> Currencies.find(candidate).ifPresent(codes::add));
            Currencies.find(text).ifPresent(codes::add);
            candidates = codes;
        }
        if (VENDOR.contains(key)) {
            candidates.addAll(labeled.candidates(VENDOR_LABELS));
            firstLine(lines).ifPresent(candidates::add);
        }
        return candidates.stream().map(raw -> coerce(schema, raw)).flatMap(Optional::stream).findFirst();
    }

    /** The amount on the last line that mentions a total (not a subtotal): totals come last on invoices. */
    private static Optional<String> lastTotal(List<String> lines) {
        return lastTotal(lines, Amounts::lastMoney).or(() -> lastTotal(lines, Amounts::last));
    }

    private static Optional<String> lastTotal(List<String> lines, Function<String, Optional<BigDecimal>> amount) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (TOTAL_LINE.matcher(line).find() && !NOT_THE_TOTAL.matcher(line).find()) {
                Optional<BigDecimal> found = amount.apply(line);
                if (found.isPresent()) {
                    return found.map(BigDecimal::toPlainString);
                }
            }
        }
        return Optional.empty();
    }

    /** The first line that is not blank or just the document's heading ("INVOICE"): usually the issuer. */
    private static Optional<String> firstLine(List<String> lines) {
        return lines.stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !HEADING.matcher(line).matches())
                .findFirst();
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
