package io.docflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** docs/aws/iam-policy.json, statement by statement, with its two placeholders filled in. */
record IamPolicy(List<Statement> statements) {

    static final Path FILE = Path.of("docs/aws/iam-policy.json");
    static final String REGION = "eu-west-1";
    static final String ACCOUNT = "111122223333";

    record Statement(String sid, List<String> actions, List<String> resources) {

        boolean allows(String action, String resource) {
            return actions.contains(action) && resources.stream().anyMatch(r -> matches(r, resource));
        }

        /** IAM's wildcards: * any run of characters, ? one character. */
        static boolean matches(String pattern, String resource) {
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                regex.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
            }
            return resource.matches(regex.toString());
        }
    }

    static IamPolicy load() {
        try {
            String text = Manifests.read(FILE).replace("${AWS_REGION}", REGION).replace("${AWS_ACCOUNT_ID}", ACCOUNT);
            JsonNode policy = new ObjectMapper().readTree(text);
            List<Statement> statements = new ArrayList<>();
            for (JsonNode statement : policy.path("Statement")) {
                if (!"Allow".equals(statement.path("Effect").asText())) {
                    throw new AssertionError("only Allow statements expected: " + statement);
                }
                statements.add(new Statement(statement.path("Sid").asText(), strings(statement.path("Action")),
                        strings(statement.path("Resource"))));
            }
            return new IamPolicy(statements);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean allows(String action, String resource) {
        return statements.stream().anyMatch(s -> s.allows(action, resource));
    }

    boolean grants(String action) {
        return statements.stream().anyMatch(s -> s.actions().contains(action));
    }

    Map<String, Statement> bySid() {
        Map<String, Statement> map = new LinkedHashMap<>();
        statements.forEach(s -> map.put(s.sid(), s));
        return map;
    }

    static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }
}
