package io.docflow.evaluation.set;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Random choices for one document, all from one seeded source so a seed gives the same document. */
final class Pick {

    private final Random random;

    Pick(long seed) {
        this.random = new Random(seed);
    }

    <T> T one(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    @SafeVarargs
    final <T> T oneOf(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** {@code n} different choices, in random order. */
    <T> List<T> some(List<T> choices, int n) {
        List<T> copy = new ArrayList<>(choices);
        Collections.shuffle(copy, random);
        return List.copyOf(copy.subList(0, Math.min(n, copy.size())));
    }

    /** A whole number from {@code low} to {@code high}, both included. */
    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** An amount with cents from {@code low} to {@code high}. */
    BigDecimal money(double low, double high) {
        return BigDecimal.valueOf(low + (high - low) * random.nextDouble()).setScale(2, RoundingMode.HALF_UP);
    }

    /** A day in 2023-2025. */
    LocalDate date() {
        return LocalDate.of(2023, 1, 1).plusDays(random.nextInt(3 * 365));
    }

    long nextLong() {
        return random.nextLong();
    }

    Random random() {
        return random;
    }
}
