package io.docflow.evidence;

import static io.docflow.evidence.Json.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Rules read from JSON as a class schema declares them, against a schema with every field the rule tests use. */
final class TestRules {

    static final String SCHEMA = """
            {'type': 'object', 'properties': {
              'vendorName': {'type': 'string'}, 'customerName': {'type': 'string'},
              'invoiceDate': {'type': 'string', 'format': 'date'}, 'dueDate': {'type': 'string', 'format': 'date'},
              'periodStart': {'type': 'string', 'format': 'date'}, 'periodEnd': {'type': 'string', 'format': 'date'},
              'subtotal': {'type': 'number'}, 'tax': {'type': 'number'}, 'shipping': {'type': 'number'},
              'discount': {'type': 'number'}, 'total': {'type': 'number'}, 'currency': {'type': 'string'},
              'iban': {'type': 'string'}, 'cardNumber': {'type': 'string'},
              'openingBalance': {'type': 'number'}, 'closingBalance': {'type': 'number'},
              'transactionCount': {'type': 'integer'},
              'lineItems': {'type': 'array', 'items': {'type': 'object', 'properties': {
                'description': {'type': 'string'}, 'quantity': {'type': 'number'}, 'unitPrice': {'type': 'number'},
                'amount': {'type': 'number'}}}},
              'transactions': {'type': 'array', 'items': {'type': 'object', 'properties': {
                'date': {'type': 'string', 'format': 'date'}, 'amount': {'type': 'number'}, 'balance': {'type': 'number'}}}}}}""";

    private TestRules() {
    }

    static JsonNode schemaWithRules(String... rules) {
        ObjectNode schema = (ObjectNode) json(SCHEMA);
        schema.set(RuleParser.KEYWORD, json("[" + String.join(",", rules) + "]"));
        return schema;
    }

    static Rule rule(String rule) {
        JsonNode schema = schemaWithRules(rule);
        return RuleParser.parse("test.schema.json", schema, new FieldSchemas("test.schema.json", schema)).get(0);
    }

    static RuleResult evaluate(String rule, String fields) {
        return rule(rule).evaluate(json(fields));
    }
}
