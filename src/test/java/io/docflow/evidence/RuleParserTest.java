package io.docflow.evidence;

import static io.docflow.evidence.TestRules.rule;
import static io.docflow.evidence.TestRules.schemaWithRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class RuleParserTest {

    private static List<Rule> parse(String... rules) {
        JsonNode schema = schemaWithRules(rules);
        return RuleParser.parse("invoice.schema.json", schema, new FieldSchemas("invoice.schema.json", schema));
    }

    private static void rejected(String rule, String message) {
        assertThatThrownBy(() -> parse(rule)).isInstanceOf(ReviewConfigurationException.class).hasMessage(message);
    }

    @Test
    void everyCheckTypeIsRead() {
        List<Rule> rules = parse(
                "{'id': 's', 'check': 'sum', 'add': ['/subtotal'], 'equals': '/total'}",
                "{'id': 'p', 'check': 'product', 'forEach': '/lineItems', 'factors': ['/quantity', '/unitPrice'], 'equals': '/amount'}",
                "{'id': 'o', 'check': 'order', 'fields': ['/invoiceDate', '/dueDate']}",
                "{'id': 'c', 'check': 'checksum', 'field': '/iban', 'algorithm': 'iban'}",
                "{'id': 'pa', 'check': 'pattern', 'field': '/vendorName', 'mustNotMatch': '^x'}",
                "{'id': 'r', 'check': 'requires', 'if': '/tax', 'then': ['/subtotal']}",
                "{'id': 'n', 'check': 'count', 'list': '/transactions', 'equals': '/transactionCount'}",
                "{'id': 'b', 'check': 'running-balance', 'list': '/transactions', 'amount': '/amount', 'balance': '/balance'}");

        assertThat(rules).extracting(rule -> rule.getClass().getSimpleName()).containsExactly("SumRule", "ProductRule",
                "OrderRule", "ChecksumRule", "PatternRule", "RequiresRule", "CountRule", "RunningBalanceRule");
        assertThat(((SumRule) rules.get(0)).tolerance()).isEqualByComparingTo(new BigDecimal("0.01"));
    }

    @Test
    void noRulesIsNoRules() {
        ObjectNode schema = (ObjectNode) Json.json(TestRules.SCHEMA);

        assertThat(RuleParser.parse("x", schema, new FieldSchemas("x", schema))).isEmpty();
    }

    @Test
    void aDeclaredDescriptionIsKept() {
        assertThat(rule("{'id': 's', 'check': 'sum', 'description': 'items add up', 'add': ['/subtotal'], 'equals': '/total'}")
                .description()).isEqualTo("items add up");
    }

    @Test
    void malformedRulesAreRejectedNamingTheFileTheRuleAndTheProblem() {
        rejected("{'check': 'sum'}", "invoice.schema.json: x-docflow-rules[0]: 'id' is required");
        rejected("{'id': 'invoice.total', 'check': 'summ'}", "invoice.schema.json: x-docflow-rules[0] (invoice.total): "
                + "'check' must be one of checksum, count, order, pattern, product, requires, running-balance, sum; got \"summ\"");
        rejected("{'id': 'invoice.total', 'check': 'sum', 'add': ['/subtotal'], 'equals': '/total', 'tolerence': 0.01}",
                "invoice.schema.json: x-docflow-rules[0] (invoice.total): unknown member 'tolerence' for check sum; "
                        + "known: add, equals, optional, subtract, tolerance");
        rejected("{'id': 'invoice.total', 'check': 'sum', 'add': ['/subtotal'], 'equals': 'total'}",
                "invoice.schema.json: x-docflow-rules[0] (invoice.total): 'equals' must be a JSON Pointer such as \"/total\", got \"total\"");
        rejected("{'id': 'invoice.total', 'check': 'sum', 'add': ['/subtotal', '/shiping'], 'equals': '/total'}",
                "invoice.schema.json: x-docflow-rules[0] (invoice.total): 'add' names /shiping, which the schema does not describe");
        rejected("{'id': 'invoice.total', 'check': 'sum', 'add': ['/subtotal'], 'equals': '/total', 'optional': ['/tax']}",
                "invoice.schema.json: x-docflow-rules[0] (invoice.total): 'optional' names /tax, which is neither in 'add' nor in 'subtract'");
        rejected("{'id': 'invoice.total', 'check': 'sum', 'add': ['/subtotal'], 'equals': '/total', 'tolerance': -1}",
                "invoice.schema.json: x-docflow-rules[0] (invoice.total): 'tolerance' must be a number of at least 0, got -1");
        rejected("{'id': 't', 'check': 'sum', 'add': [], 'equals': '/total'}",
                "invoice.schema.json: x-docflow-rules[0] (t): 'add' must be a list of JSON Pointers such as [\"/subtotal\", \"/tax\"], got []");
        rejected("{'id': 't', 'check': 'sum', 'add': ['/subtotal'], 'equals': '/lineItems/*/amount'}",
                "invoice.schema.json: x-docflow-rules[0] (t): 'equals' /lineItems/*/amount may not have a *");
    }

    @Test
    void malformedRulesOfEachCheckAreRejected() {
        rejected("{'id': 'p', 'check': 'product', 'forEach': '/total', 'factors': ['/quantity', '/unitPrice'], 'equals': '/amount'}",
                "invoice.schema.json: x-docflow-rules[0] (p): 'forEach' names /total, which the schema does not describe as an array");
        rejected("{'id': 'p', 'check': 'product', 'forEach': '/lineItems', 'factors': ['/quantity', '/price'], 'equals': '/amount'}",
                "invoice.schema.json: x-docflow-rules[0] (p): 'factors' names \"/price\", which the schema does not describe in the items of /lineItems");
        rejected("{'id': 'o', 'check': 'order', 'fields': ['/invoiceDate']}",
                "invoice.schema.json: x-docflow-rules[0] (o): 'fields' needs at least two pointers");
        rejected("{'id': 'c', 'check': 'checksum', 'field': '/iban', 'algorithm': 'crc'}",
                "invoice.schema.json: x-docflow-rules[0] (c): 'algorithm' must be iban or luhn; got \"crc\"");
        rejected("{'id': 'pa', 'check': 'pattern', 'field': '/vendorName'}",
                "invoice.schema.json: x-docflow-rules[0] (pa): needs 'matches' or 'mustNotMatch'");
        rejected("{'id': 'pa', 'check': 'pattern', 'field': '/vendorName', 'matches': '(unclosed'}",
                "invoice.schema.json: x-docflow-rules[0] (pa): 'matches' is not a valid regular expression: Unclosed group near index 9");
        rejected("{'id': 'r', 'check': 'requires', 'if': '/tax'}", "invoice.schema.json: x-docflow-rules[0] (r): 'then' is required");
        rejected("{'id': 'n', 'check': 'count', 'list': '/transactions', 'equals': 5}",
                "invoice.schema.json: x-docflow-rules[0] (n): 'equals' must be a non-blank string, got 5");
        rejected("{'id': 'c', 'check': 'checksum', 'field': '/cardNumber', 'algorithm': 'luhn', 'mask': 'yes'}",
                "invoice.schema.json: x-docflow-rules[0] (c): 'mask' must be true or false, got \"yes\"");
    }

    @Test
    void duplicateIdsAndNonObjectsAreRejected() {
        assertThatThrownBy(() -> parse("{'id': 'a', 'check': 'count', 'list': '/transactions', 'equals': '/transactionCount'}",
                "{'id': 'a', 'check': 'count', 'list': '/transactions', 'equals': '/transactionCount'}"))
                .hasMessage("invoice.schema.json: x-docflow-rules[1]: rule id \"a\" is used twice");
        assertThatThrownBy(() -> parse("'sum'"))
                .hasMessage("invoice.schema.json: x-docflow-rules[0]: must be an object such as {\"id\": ..., \"check\": \"sum\", ...}, got \"sum\"");
        ObjectNode schema = (ObjectNode) Json.json(TestRules.SCHEMA);
        schema.put(RuleParser.KEYWORD, "none");
        assertThatThrownBy(() -> RuleParser.parse("invoice.schema.json", schema, new FieldSchemas("invoice.schema.json", schema)))
                .hasMessage("invoice.schema.json: x-docflow-rules must be a list of rules");
    }
}
