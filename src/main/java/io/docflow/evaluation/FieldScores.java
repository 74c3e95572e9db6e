package io.docflow.evaluation;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Field counts summed over documents, per class and field ({@code /lineItems/*}{@code /amount} sums every item).
 * Per class and overall figures are micro-averaged: the counts are summed first, then scored, so a field given on
 * every document weighs more than a rare one.
 */
public final class FieldScores {

    private final Map<String, Map<String, Counts>> byClass = new TreeMap<>();

    public FieldScores add(String documentClass, Collection<FieldOutcome> outcomes) {
        Map<String, Counts> fields = byClass.computeIfAbsent(documentClass, c -> new TreeMap<>());
        for (FieldOutcome outcome : outcomes) {
            fields.merge(outcome.field(), outcome.verdict().counts(), Counts::plus);
        }
        return this;
    }

    public Map<String, Counts> byField(String documentClass) {
        return Collections.unmodifiableMap(byClass.getOrDefault(documentClass, Map.of()));
    }

    public Counts forClass(String documentClass) {
        return byField(documentClass).values().stream().reduce(Counts.NONE, Counts::plus);
    }

    public Counts overall() {
        return byClass.keySet().stream().map(this::forClass).reduce(Counts.NONE, Counts::plus);
    }

    public Collection<String> classes() {
        return Collections.unmodifiableSet(byClass.keySet());
    }
}
