package io.docflow.local.bedrock;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the item lines of an invoice or receipt: a description followed by quantity, optional unit price and
 * amount ("Widget A  2  $10.00  $20.00"), or "2 x Widget A @ 10.00 = 20.00".
 */
final class LineItems {

    enum Role {
        DESCRIPTION, QUANTITY, UNIT_PRICE, AMOUNT
    }

    record Item(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    }

    private static final Pattern NUMBER = Pattern.compile("-?[$€£¥]?\\d[\\d.,']*[$€£¥]?");
    private static final Pattern CURRENCY_ONLY = Pattern.compile("[$€£¥]|[A-Z]{3}");
    private static final Pattern LEADING_QUANTITY = Pattern.compile("(\\d+(?:[.,]\\d+)?)[x×]?");
    private static final Pattern NOT_AN_ITEM = Pattern.compile(
            "(?i)(?<![\\p{L}])(sub-?\\s?total|total|tax|vat|balance|due|change|cash|paid|amount|discount)(?![\\p{L}])");
    private static final Set<String> CONNECTORS = Set.of("@", "=", "|");
    private static final Map<String, Role> ROLE_NAMES = Map.ofEntries(
            Map.entry("description", Role.DESCRIPTION), Map.entry("name", Role.DESCRIPTION),
            Map.entry("item", Role.DESCRIPTION), Map.entry("product", Role.DESCRIPTION),
            Map.entry("service", Role.DESCRIPTION), Map.entry("title", Role.DESCRIPTION),
            Map.entry("qty", Role.QUANTITY), Map.entry("quantity", Role.QUANTITY), Map.entry("units", Role.QUANTITY),
            Map.entry("count", Role.QUANTITY), Map.entry("hours", Role.QUANTITY),
            Map.entry("unitprice", Role.UNIT_PRICE), Map.entry("price", Role.UNIT_PRICE),
            Map.entry("rate", Role.UNIT_PRICE), Map.entry("unitcost", Role.UNIT_PRICE),
            Map.entry("priceperunit", Role.UNIT_PRICE),
            Map.entry("amount", Role.AMOUNT), Map.entry("total", Role.AMOUNT), Map.entry("linetotal", Role.AMOUNT),
            Map.entry("lineamount", Role.AMOUNT), Map.entry("totalprice", Role.AMOUNT),
            Map.entry("netamount", Role.AMOUNT));

    private LineItems() {
    }

    /** An item with the index of the line it was read from. */
    record LocatedItem(Item item, int line) {
    }

    static List<Item> parse(List<String> lines) {
        return parseLocated(lines).stream().map(LocatedItem::item).toList();
    }

    static List<LocatedItem> parseLocated(List<String> lines) {
        List<LocatedItem> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int line = i;
            parseLine(lines.get(i)).ifPresent(item -> items.add(new LocatedItem(item, line)));
        }
        return items;
    }

    /** The items as JSON objects with the properties {@code itemSchema} declares (a default set if none). */
    static ArrayNode toJson(List<Item> items, JsonNode itemSchema) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (Item item : items) {
            ObjectNode node = array.addObject();
            JsonNode properties = itemSchema.path("properties");
            if (properties.isEmpty()) {
                put(node, "description", null, item.description());
                put(node, "quantity", null, item.quantity());
                put(node, "unitPrice", null, item.unitPrice());
                put(node, "amount", null, item.amount());
                continue;
            }
            properties.fields().forEachRemaining(p -> role(p.getKey()).ifPresent(role -> put(node, p.getKey(),
                    SchemaTypes.type(p.getValue()), switch (role) {
                        case DESCRIPTION -> item.description();
                        case QUANTITY -> item.quantity();
                        case UNIT_PRICE -> item.unitPrice();
                        case AMOUNT -> item.amount();
                    })));
        }
        return array;
    }

    static Optional<Role> role(String propertyName) {
        String key = Labels.compact(propertyName);
        return Optional.ofNullable(ROLE_NAMES.get(key))
                .or(() -> key.contains("desc") ? Optional.of(Role.DESCRIPTION) : Optional.empty());
    }

    private static void put(ObjectNode node, String name, String type, Object value) {
        if (value instanceof String text) {
            node.put(name, text);
        } else if (value instanceof BigDecimal number) {
            boolean whole = number.stripTrailingZeros().scale() <= 0;
            if ("string".equals(type)) {
                node.put(name, Amounts.plain(number).toPlainString());
            } else if ("integer".equals(type) || type == null && whole) {
                if (whole) {
                    node.put(name, number.longValueExact());
                }
            } else {
                node.put(name, Amounts.plain(number));
            }
        }
    }

    static Optional<Item> parseLine(String line) {
        List<String> tokens = new ArrayList<>();
        for (String token : line.strip().split("\\s+")) {
            if (!token.isEmpty() && !CONNECTORS.contains(token) && !CURRENCY_ONLY.matcher(token).matches()) {
                tokens.add(token.startsWith("@") ? token.substring(1) : token);
            }
        }
        List<String> numbers = new ArrayList<>();
        int end = tokens.size();
        while (end > 0 && numbers.size() < 3 && NUMBER.matcher(tokens.get(end - 1)).matches()) {
            numbers.add(0, tokens.get(--end));
        }
        List<String> words = new ArrayList<>(tokens.subList(0, end));
        BigDecimal leadingQuantity = leadingQuantity(words);
        BigDecimal quantity;
        String unitPrice = null;
        if (leadingQuantity != null && numbers.size() == 1) {
            quantity = leadingQuantity;
        } else if (leadingQuantity != null && numbers.size() == 2) {
            quantity = leadingQuantity;
            unitPrice = numbers.get(0);
        } else if (leadingQuantity == null && numbers.size() >= 2) {
            String quantityToken = numbers.get(0);
            if (!quantityToken.matches("\\d+(?:[.,]\\d+)?")) {
                return Optional.empty();
            }
            quantity = Amounts.first(quantityToken).orElseThrow();
            unitPrice = numbers.size() == 3 ? numbers.get(1) : null;
        } else {
            return Optional.empty();
        }
        String amountToken = numbers.get(numbers.size() - 1);
        String description = String.join(" ", words).replaceFirst("^(\\d+[.)]|[-*•])\\s*", "").strip();
        if (!Amounts.looksLikeMoney(amountToken) || quantity.signum() <= 0 || !description.matches(".*\\p{L}.*")
                || NOT_AN_ITEM.matcher(description).find()) {
            return Optional.empty();
        }
        BigDecimal amount = Amounts.first(amountToken).orElseThrow();
        BigDecimal unit = unitPrice == null ? null : Amounts.first(unitPrice).orElse(null);
        return Optional.of(new Item(description, quantity, unit, amount));
    }

    /** Takes "2 x" or "2x" off the front of the description words and returns the 2, or null. */
    private static BigDecimal leadingQuantity(List<String> words) {
        if (words.size() < 2) {
            return null;
        }
        var m = LEADING_QUANTITY.matcher(words.get(0));
        if (!m.matches()) {
            return null;
        }
        boolean joined = words.get(0).endsWith("x") || words.get(0).endsWith("×");
        boolean separate = words.get(1).equals("x") || words.get(1).equals("×");
        if (!joined && !separate) {
            return null;
        }
        words.remove(0);
        if (separate) {
            words.remove(0);
        }
        return new BigDecimal(m.group(1).replace(',', '.'));
    }
}
