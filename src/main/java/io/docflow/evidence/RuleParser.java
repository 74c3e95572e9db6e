package io.docflow.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a class schema's {@code x-docflow-rules} into {@link Rule}s, refusing anything it cannot use as written with
 * a message naming the file, the rule and what is wrong: an unknown check or member (a misspelt {@code tolerence}
 * would otherwise be silently ignored), a pointer the schema does not describe, a bad regular expression.
 */
final class RuleParser {

    static final String KEYWORD = "x-docflow-rules";
    static final BigDecimal DEFAULT_TOLERANCE = new BigDecimal("0.01");

    private static final Set<String> COMMON = Set.of("id", "check", "description");
    private static final Map<String, Set<String>> MEMBERS = Map.of(
            "sum", Set.of("add", "subtract", "equals", "optional", "tolerance"),
            "product", Set.of("forEach", "factors", "equals", "tolerance"),
            "order", Set.of("fields", "strict"),
            "checksum", Set.of("field", "algorithm", "mask"),
            "pattern", Set.of("field", "matches", "mustNotMatch"),
            "requires", Set.of("if", "then"),
            "count", Set.of("list", "equals"),
            "running-balance", Set.of("list", "amount", "balance", "opening", "tolerance"));

    private RuleParser() {
    }

    static List<Rule> parse(String source, JsonNode schema, FieldSchemas schemas) {
        JsonNode declared = schema == null ? null : schema.get(KEYWORD);
        if (declared == null || declared.isNull()) {
            return List.of();
        }
        if (!declared.isArray()) {
            throw new ReviewConfigurationException(source + ": " + KEYWORD + " must be a list of rules");
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < declared.size(); index++) {
            Rule rule = new Reader(source, index, declared.get(index), schemas).rule();
            if (!ids.add(rule.id())) {
                throw new ReviewConfigurationException(source + ": " + KEYWORD + "[" + index + "]: rule id \"" + rule.id()
                        + "\" is used twice");
            }
            rules.add(rule);
        }
        return List.copyOf(rules);
    }

    /** Reads one rule; every complaint names the file and the rule. */
    private static final class Reader {
        private final String source;
        private final int index;
        private final JsonNode node;
        private final FieldSchemas schemas;
        private String id;

        Reader(String source, int index, JsonNode node, FieldSchemas schemas) {
            this.source = source;
            this.index = index;
            this.node = node;
            this.schemas = schemas;
        }

        Rule rule() {
            if (!node.isObject()) {
                throw error("must be an object such as {\"id\": ..., \"check\": \"sum\", ...}, got " + node);
            }
            id = text("id", true);
            String check = text("check", true);
            Set<String> members = MEMBERS.get(check);
            if (members == null) {
                throw error("'check' must be one of " + String.join(", ", MEMBERS.keySet().stream().sorted().toList())
                        + "; got \"" + check + "\"");
            }
            node.fieldNames().forEachRemaining(name -> {
                if (!COMMON.contains(name) && !members.contains(name)) {
                    throw error("unknown member '" + name + "' for check " + check + "; known: "
                            + String.join(", ", members.stream().sorted().toList()));
                }
            });
            String description = text("description", false);
            return switch (check) {
                case "sum" -> sum(description);
                case "product" -> product(description);
                case "order" -> order(description);
                case "checksum" -> checksum(description);
                case "pattern" -> pattern(description);
                case "requires" -> requires(description);
                case "count" -> count(description);
                default -> runningBalance(description);
            };
        }

        private Rule sum(String description) {
            List<String> add = pointers("add", true, true);
            List<String> subtract = pointers("subtract", false, true);
            String equals = pointer("equals", true, false);
            List<String> optional = pointers("optional", false, true);
            Set<String> terms = new LinkedHashSet<>(add);
            terms.addAll(subtract);
            optional.stream().filter(term -> !terms.contains(term)).findFirst().ifPresent(term -> {
                throw error("'optional' names " + term + ", which is neither in 'add' nor in 'subtract'");
            });
            return new SumRule(id, or(description, SumRule.describe(add, subtract, equals)), add, subtract, equals,
                    Set.copyOf(optional), tolerance());
        }

        private Rule product(String description) {
            String list = list("forEach");
            List<String> factors = relativePointers("factors", list);
            if (factors.size() < 2) {
                throw error("'factors' needs at least two pointers");
            }
            String equals = relativePointer("equals", list, true);
            return new ProductRule(id, or(description, ProductRule.describe(list, factors, equals)), list, factors,
                    equals, tolerance());
        }

        private Rule order(String description) {
            List<String> fields = pointers("fields", true, true);
            if (fields.size() < 2) {
                throw error("'fields' needs at least two pointers");
            }
            boolean strict = flag("strict", false);
            return new OrderRule(id, or(description, OrderRule.describe(fields, strict)), fields, strict);
        }

        private Rule checksum(String description) {
            String field = pointer("field", true, true);
            String algorithm = text("algorithm", true);
            ChecksumRule.Algorithm chosen;
            try {
                chosen = ChecksumRule.Algorithm.valueOf(algorithm.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw error("'algorithm' must be iban or luhn; got \"" + algorithm + "\"");
            }
            boolean mask = flag("mask", chosen == ChecksumRule.Algorithm.LUHN);
            return new ChecksumRule(id, or(description, ChecksumRule.describe(field, chosen)), field, chosen, mask);
        }

        private Rule pattern(String description) {
            String field = pointer("field", true, true);
            Pattern matches = regex("matches");
            Pattern mustNotMatch = regex("mustNotMatch");
            if (matches == null && mustNotMatch == null) {
                throw error("needs 'matches' or 'mustNotMatch'");
            }
            return new PatternRule(id, or(description, PatternRule.describe(field, matches, mustNotMatch)), field,
                    matches, mustNotMatch);
        }

        private Rule requires(String description) {
            String condition = pointer("if", true, false);
            List<String> then = pointers("then", true, false);
            return new RequiresRule(id, or(description, RequiresRule.describe(condition, then)), condition, then);
        }

        private Rule count(String description) {
            String list = list("list");
            String equals = pointer("equals", true, false);
            return new CountRule(id, or(description, CountRule.describe(list, equals)), list, equals);
        }

        private Rule runningBalance(String description) {
            String list = list("list");
            String amount = relativePointer("amount", list, true);
            String balance = relativePointer("balance", list, true);
            String opening = pointer("opening", false, false);
            return new RunningBalanceRule(id, or(description, RunningBalanceRule.describe(list, amount, balance)), list,
                    amount, balance, opening, tolerance());
        }

        private String text(String name, boolean required) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                if (required) {
                    throw error("'" + name + "' is required");
                }
                return null;
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                throw error("'" + name + "' must be a non-blank string, got " + value);
            }
            return value.asText();
        }

        private String pointer(String name, boolean required, boolean wildcard) {
            String pointer = text(name, required);
            return pointer == null ? null : checked(name, pointer, wildcard);
        }

        private List<String> pointers(String name, boolean required, boolean wildcard) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                if (required) {
                    throw error("'" + name + "' is required");
                }
                return List.of();
            }
            if (!value.isArray() || value.isEmpty() && required) {
                throw error("'" + name + "' must be a list of JSON Pointers such as [\"/subtotal\", \"/tax\"], got " + value);
            }
            List<String> pointers = new ArrayList<>();
            for (JsonNode element : value) {
                if (!element.isTextual()) {
                    throw error("'" + name + "' must hold JSON Pointers (strings), got " + element);
                }
                pointers.add(checked(name, element.asText(), wildcard));
            }
            return List.copyOf(pointers);
        }

        private String checked(String name, String pointer, boolean wildcard) {
            if (!pointer.startsWith("/")) {
                throw error("'" + name + "' must be a JSON Pointer such as \"/total\", got \"" + pointer + "\"");
            }
            int stars = Pointers.wildcards(pointer);
            if (stars > (wildcard ? 1 : 0)) {
                throw error("'" + name + "' " + pointer + (wildcard ? " may have one * at most" : " may not have a *"));
            }
            if (!schemas.describes(pointer)) {
                throw error("'" + name + "' names " + pointer + ", which the schema does not describe");
            }
            return pointer;
        }

        private String list(String name) {
            String list = pointer(name, true, false);
            if (!"array".equals(FieldSchemas.type(schemas.at(list)))) {
                throw error("'" + name + "' names " + list + ", which the schema does not describe as an array");
            }
            return list;
        }

        /** A pointer within each item of {@code list}, e.g. {@code /amount}. */
        private String relativePointer(String name, String list, boolean required) {
            String pointer = text(name, required);
            if (pointer == null) {
                return null;
            }
            if (!pointer.startsWith("/") || Pointers.wildcards(pointer) > 0) {
                throw error("'" + name + "' must be a JSON Pointer within an item of " + list + " such as \"/amount\", got \""
                        + pointer + "\"");
            }
            if (!schemas.describes(list + "/" + Pointers.ANY_ITEM + pointer)) {
                throw error("'" + name + "' names " + pointer + ", which the schema does not describe in the items of " + list);
            }
            return pointer;
        }

        private List<String> relativePointers(String name, String list) {
            JsonNode value = node.get(name);
            if (value == null || !value.isArray()) {
                throw error("'" + name + "' must be a list of JSON Pointers within an item of " + list + ", such as [\"/quantity\", \"/unitPrice\"]");
            }
            List<String> pointers = new ArrayList<>();
            for (JsonNode element : value) {
                if (!element.isTextual() || !element.asText().startsWith("/") || Pointers.wildcards(element.asText()) > 0
                        || !schemas.describes(list + "/" + Pointers.ANY_ITEM + element.asText())) {
                    throw error("'" + name + "' names " + element + ", which the schema does not describe in the items of " + list);
                }
                pointers.add(element.asText());
            }
            return List.copyOf(pointers);
        }

        private BigDecimal tolerance() {
            JsonNode value = node.get("tolerance");
            if (value == null) {
                return DEFAULT_TOLERANCE;
            }
            if (!value.isNumber() || value.decimalValue().signum() < 0) {
                throw error("'tolerance' must be a number of at least 0, got " + value);
            }
            return value.decimalValue();
        }

        private boolean flag(String name, boolean otherwise) {
            JsonNode value = node.get(name);
            if (value == null) {
                return otherwise;
            }
            if (!value.isBoolean()) {
                throw error("'" + name + "' must be true or false, got " + value);
            }
            return value.asBoolean();
        }

        private Pattern regex(String name) {
            String regex = text(name, false);
            if (regex == null) {
                return null;
            }
            try {
                return Pattern.compile(regex);
            } catch (PatternSyntaxException bad) {
                throw error("'" + name + "' is not a valid regular expression: " + bad.getDescription() + " near index " + bad.getIndex());
            }
        }

        private static String or(String given, String otherwise) {
            return given != null ? given : otherwise;
        }

        private ReviewConfigurationException error(String problem) {
            String rule = id == null ? "" : " (" + id + ")";
            return new ReviewConfigurationException(source + ": " + KEYWORD + "[" + index + "]" + rule + ": " + problem);
        }
    }
}
