package io.docflow.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * An UpdateItem written as DynamoDB expressions: SET, ADD and REMOVE clauses and a condition, every attribute name
 * behind a {@code #placeholder} (many, such as {@code status}, are reserved words) and every value behind a
 * {@code :placeholder}. Conditions name attributes as {@code #name} and values as {@code :name}, declared with
 * {@link #name} and {@link #value}.
 */
final class ItemUpdate {

    private final List<String> set = new ArrayList<>();
    private final List<String> add = new ArrayList<>();
    private final List<String> remove = new ArrayList<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();
    private String condition;

    ItemUpdate set(String attribute, AttributeValue value) {
        set.add(name(attribute) + " = " + value(attribute, value));
        return this;
    }

    ItemUpdate set(String attribute, String value) {
        return set(attribute, AttributeValue.fromS(value));
    }

    ItemUpdate setAll(Map<String, AttributeValue> attributes) {
        attributes.forEach(this::set);
        return this;
    }

    ItemUpdate increment(String attribute) {
        add.add(name(attribute) + " " + value(attribute + "_increment", AttributeValue.fromN("1")));
        return this;
    }

    ItemUpdate remove(String attribute) {
        remove.add(name(attribute));
        return this;
    }

    /** The condition, in DynamoDB's condition syntax, naming attributes and values declared with name and value. */
    ItemUpdate condition(String expression) {
        this.condition = expression;
        return this;
    }

    /** Declares {@code #attribute} for the condition; answers it. */
    String name(String attribute) {
        String placeholder = "#" + attribute;
        names.put(placeholder, attribute);
        return placeholder;
    }

    /** Declares {@code :label} for the condition; answers it. */
    String value(String label, AttributeValue value) {
        String placeholder = ":" + label;
        values.put(placeholder, value);
        return placeholder;
    }

    String expression() {
        List<String> clauses = new ArrayList<>();
        if (!set.isEmpty()) {
            clauses.add("SET " + String.join(", ", set));
        }
        if (!add.isEmpty()) {
            clauses.add("ADD " + String.join(", ", add));
        }
        if (!remove.isEmpty()) {
            clauses.add("REMOVE " + String.join(", ", remove));
        }
        if (clauses.isEmpty()) {
            throw new IllegalStateException("An update needs at least one clause");
        }
        return String.join(" ", clauses);
    }

    UpdateItemRequest.Builder applyTo(UpdateItemRequest.Builder request) {
        request.updateExpression(expression()).expressionAttributeNames(Map.copyOf(names));
        if (!values.isEmpty()) {
            request.expressionAttributeValues(Map.copyOf(values));
        }
        if (condition != null) {
            request.conditionExpression(condition);
        }
        return request;
    }
}
