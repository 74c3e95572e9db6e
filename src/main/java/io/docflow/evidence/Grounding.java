package io.docflow.evidence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Grounds every leaf value of the fields in the document's text: its quote must be in the text (on the page the
 * model named, else anywhere, and then the evidence says where) and the value must be in the quote. A value with
 * several evidence entries is grounded by the first that grounds it.
 */
final class Grounding {

    private final String text;
    private final Pages pages;
    private final FieldSchemas schemas;
    private final UnquotedValues unquoted;

    Grounding(String text, Pages pages, FieldSchemas schemas) {
        this(text, pages, schemas, false);
    }

    /** @param lookUpUnquoted values without any claim are looked for by themselves ({@link UnquotedValues}) */
    Grounding(String text, Pages pages, FieldSchemas schemas, boolean lookUpUnquoted) {
        this.text = text;
        this.pages = pages;
        this.schemas = schemas;
        this.unquoted = lookUpUnquoted ? new UnquotedValues(text, pages, schemas) : null;
    }

    /** The evidence of each leaf, in the leaves' order, and the claims that name no leaf. */
    record Result(List<FieldEvidence> evidence, List<String> unusedEvidence) {
    }

    Result ground(List<Pointers.Located> leaves, List<EvidenceClaim> claims) {
        Set<String> leafPointers = new HashSet<>();
        leaves.forEach(leaf -> leafPointers.add(leaf.pointer()));
        Map<String, List<Integer>> claimsByField = new LinkedHashMap<>();
        List<String> unused = new ArrayList<>();
        List<EvidenceClaim> used = new ArrayList<>();
        for (EvidenceClaim claim : claims) {
            if (leafPointers.contains(claim.field())) {
                claimsByField.computeIfAbsent(claim.field(), field -> new ArrayList<>()).add(used.size());
                used.add(claim);
            } else {
                unused.add(Pointers.display(claim.field()) + ": no such value in the fields");
            }
        }
        // the whole text is read only when there is a quote to find in it
        QuoteLocator locator = new QuoteLocator(used.isEmpty() ? "" : text, used.isEmpty() ? new Pages(List.of(), 0) : pages);
        List<QuoteLocator.Found> found = locator.locate(
                used.stream().map(claim -> new QuoteLocator.Request(claim.quote(), claim.page())).toList());
        List<FieldEvidence> evidence = new ArrayList<>();
        for (Pointers.Located leaf : leaves) {
            List<FieldEvidence> attempts = new ArrayList<>();
            for (int index : claimsByField.getOrDefault(leaf.pointer(), List.of())) {
                attempts.add(attempt(leaf, used.get(index), found.get(index)));
            }
            evidence.add(best(leaf, attempts));
        }
        return new Result(evidence, unused);
    }

    private FieldEvidence attempt(Pointers.Located leaf, EvidenceClaim claim, QuoteLocator.Found found) {
        if (claim.quote().isBlank()) {
            return ungrounded(leaf, claim, null, "the evidence gives no quote");
        }
        if (found == null) {
            return ungrounded(leaf, claim, null, "the quote is not in the text");
        }
        ValueMatch match = ValueInQuote.find(schemas.matchKind(leaf.pointer(), leaf.value()), text, found.start(),
                found.end(), leaf.value(), schemas.dateOrder(leaf.pointer()));
        if (!match.found()) {
            return ungrounded(leaf, claim, found, match.reason());
        }
        String pageNote = pageNote(claim.page(), found.page());
        String note = pageNote == null ? match.note() : match.note() == null ? pageNote : pageNote + "; " + match.note();
        return new FieldEvidence(leaf.pointer(), leaf.value(), claim.quote(), found.page(), claim.page(), match.start(),
                match.end(), found.start(), found.end(), true, null, note, claim.confidence());
    }

    private String pageNote(Integer claimed, Integer actual) {
        if (claimed == null || actual == null || claimed.equals(actual)) {
            return null;
        }
        return pages.has(claimed)
                ? "quoted as page " + claimed + ", found on page " + actual
                : "quoted as page " + claimed + ", which the text does not have (" + pages.count() + " pages), found on page " + actual;
    }

    private static FieldEvidence ungrounded(Pointers.Located leaf, EvidenceClaim claim, QuoteLocator.Found found, String reason) {
        return new FieldEvidence(leaf.pointer(), leaf.value(), claim.quote(), found == null ? null : found.page(),
                claim.page(), null, null, found == null ? null : found.start(), found == null ? null : found.end(),
                false, reason, null, claim.confidence());
    }

    /**
     * The first attempt that grounds the value; else the first whose quote was at least found; else the first; with no
     * attempt, the value looked for by itself when unquoted values are.
     */
    private FieldEvidence best(Pointers.Located leaf, List<FieldEvidence> attempts) {
        if (attempts.isEmpty() && unquoted != null) {
            return unquoted.ground(leaf);
        }
        if (attempts.isEmpty()) {
            return new FieldEvidence(leaf.pointer(), leaf.value(), null, null, null, null, null, null, null, false,
                    "no evidence given for this value", null, null);
        }
        return attempts.stream().filter(FieldEvidence::grounded).findFirst()
                .or(() -> attempts.stream().filter(attempt -> attempt.quoteStart() != null).findFirst())
                .orElse(attempts.get(0));
    }
}
