package io.docflow.evidence;

/**
 * Grounds values an answer gave without any evidence (text answers: docflow.models.output text, or a model refusing
 * tool use) by looking for the value itself in the whole text, the way its {@link MatchKind} says. Weaker than a
 * quote: the first occurrence is taken, which may be another figure that happens to be equal, so the evidence says
 * so in its {@code note}; a value that is nowhere in the text is ungrounded, as is a value only a quote can ground
 * (yes/no and derived values). The search reads the whole text once per value, so it stops after
 * {@value #CHARACTER_BUDGET} characters read in all; the values left are ungrounded with that reason.
 */
final class UnquotedValues {

    static final long CHARACTER_BUDGET = 200_000_000L;
    static final String NOTE = "no quote given (text answer): the value itself was found in the text, its first occurrence";

    private final String text;
    private final Pages pages;
    private final FieldSchemas schemas;
    private long budget = CHARACTER_BUDGET;

    UnquotedValues(String text, Pages pages, FieldSchemas schemas) {
        this.text = text;
        this.pages = pages;
        this.schemas = schemas;
    }

    FieldEvidence ground(Pointers.Located leaf) {
        MatchKind kind = schemas.matchKind(leaf.pointer(), leaf.value());
        if (kind == MatchKind.QUOTE) {
            return ungrounded(leaf, "no quote given (text answer), and only a quote can ground this value");
        }
        if (budget < text.length()) {
            return ungrounded(leaf, "no quote given (text answer), and the text is too long to look for every value in it");
        }
        budget -= text.length();
        ValueMatch match = ValueInQuote.find(kind, text, 0, text.length(), leaf.value(), schemas.dateOrder(leaf.pointer()));
        if (!match.found()) {
            return ungrounded(leaf, "no quote given (text answer), and the value is not in the text");
        }
        String note = match.note() == null ? NOTE : NOTE + "; " + match.note();
        return new FieldEvidence(leaf.pointer(), leaf.value(), null, pages.pageOf(match.start()), null, match.start(),
                match.end(), null, null, true, null, note, null);
    }

    private static FieldEvidence ungrounded(Pointers.Located leaf, String reason) {
        return new FieldEvidence(leaf.pointer(), leaf.value(), null, null, null, null, null, null, null, false, reason,
                null, null);
    }
}
