package io.docflow.local.bedrock;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults injected per model id ({@code "*"}: every model), settable while calls run. A rule fires on the next N
 * calls, on every call, or on each call with a probability. A model's own rules go before the {@code "*"} rules,
 * older rules before newer ones; a call gets at most one fault.
 */
public final class Faults {

    private final Map<String, List<Rule>> rules = new ConcurrentHashMap<>();

    /** The next {@code count} calls to {@code modelId} get {@code fault}. */
    public void inject(String modelId, Fault fault, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("A fault count must be at least 1, was " + count);
        }
        add(modelId, new Rule(fault, new AtomicInteger(count), 1.0));
    }

    /** Every call to {@code modelId} gets {@code fault} until {@link #clear}. */
    public void injectAlways(String modelId, Fault fault) {
        add(modelId, new Rule(fault, null, 1.0));
    }

    /** Each call to {@code modelId} gets {@code fault} with {@code probability} (0..1) until {@link #clear}. */
    public void injectWithProbability(String modelId, Fault fault, double probability) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("A fault probability must be within 0..1, was " + probability);
        }
        add(modelId, new Rule(fault, null, probability));
    }

    public void clear(String modelId) {
        rules.remove(modelId);
    }

    public void clear() {
        rules.clear();
    }

    /** The fault for this call, if any; a counted rule is used up by it. */
    Optional<Fault> next(String modelId) {
        return fire(modelId).or(() -> fire(PerModel.ALL_MODELS));
    }

    private Optional<Fault> fire(String key) {
        List<Rule> list = rules.get(key);
        if (list == null) {
            return Optional.empty();
        }
        for (Rule rule : list) {
            if (rule.fire()) {
                list.removeIf(Rule::usedUp);
                return Optional.of(rule.fault());
            }
        }
        return Optional.empty();
    }

    private void add(String modelId, Rule rule) {
        rules.computeIfAbsent(modelId, k -> new CopyOnWriteArrayList<>()).add(rule);
    }

    /** {@code remaining} is null for a rule that never runs out. */
    private record Rule(Fault fault, AtomicInteger remaining, double probability) {

        boolean fire() {
            if (remaining != null) {
                return remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            }
            return probability >= 1.0 || ThreadLocalRandom.current().nextDouble() < probability;
        }

        boolean usedUp() {
            return remaining != null && remaining.get() == 0;
        }
    }
}
