package io.docflow.local.bedrock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks the offered document class with the most keyword evidence in a text. Well-known classes use built-in
 * keyword lists; any other class is recognised by the words of its name and description.
 */
final class KeywordClassifier {

    /** One line of a prompt's {@code <classes>} block: {@code name: description}. */
    record DocumentClass(String name, String description) {
    }

    record Classification(String documentClass, double confidence, String reason) {
    }

    private static final Map<String, List<String>> BUILT_IN = Map.of(
            "invoice", List.of("invoice", "invoice number", "bill to", "amount due", "total due", "due date", "vat", "tax"),
            "receipt", List.of("receipt", "thank you for your purchase", "cash", "change", "subtotal", "store", "cashier"),
            "contract", List.of("agreement", "parties", "hereby", "term", "termination", "governing law", "whereas"),
            "resume", List.of("experience", "education", "skills", "curriculum vitae", "employment history"),
            "letter", List.of("dear", "sincerely", "yours faithfully", "regards"),
            "bankstatement", List.of("statement", "account number", "opening balance", "closing balance", "deposits",
                    "withdrawals"),
            "form", List.of("form", "please complete", "signature", "date of birth", "checkbox"),
            "report", List.of("report", "executive summary", "findings", "conclusion", "introduction"));
    private static final Map<String, String> ALIASES = Map.of("cv", "resume", "statement", "bankstatement");
    private static final Set<String> FALLBACK_NAMES = Set.of("other", "unknown", "unclassified", "misc");
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "from", "that", "this", "are",
            "was", "any", "all", "not", "other", "such", "document", "documents", "file", "text", "page", "type", "kind",
            "contains", "containing", "like", "has", "have", "its", "their", "which", "into", "about", "etc");
    private static final int MAX_EVIDENCE_IN_REASON = 4;

    static List<DocumentClass> parseClasses(String block) {
        List<DocumentClass> classes = new ArrayList<>();
        for (String raw : block.split("\\R")) {
            String line = raw.strip().replaceFirst("^[-*•]\\s*", "");
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            classes.add(colon < 0
                    ? new DocumentClass(line, "")
                    : new DocumentClass(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        return classes;
    }

    Classification classify(List<DocumentClass> classes, String text) {
        Optional<Evidence> best = classes.stream()
                .filter(c -> !isFallback(c))
                .map(c -> evidence(c, text))
                .filter(e -> !e.keywords().isEmpty())
                .max(Comparator.comparingInt((Evidence e) -> e.keywords().size())
                        .thenComparingInt(Evidence::occurrences)
                        .thenComparing(e -> -classes.indexOf(e.documentClass())));
        if (best.isPresent()) {
            Evidence e = best.get();
            double confidence = Math.min(0.99, 0.5 + 0.1 * e.keywords().size());
            return new Classification(e.documentClass().name(), round(confidence), "found " + e.keywords().stream()
                    .limit(MAX_EVIDENCE_IN_REASON).map(k -> "'" + k + "'").collect(Collectors.joining(", ")));
        }
        Optional<DocumentClass> fallback = classes.stream().filter(KeywordClassifier::isFallback).findFirst();
        String name = fallback.or(() -> classes.stream().findFirst()).map(DocumentClass::name).orElse("other");
        return new Classification(name, fallback.isPresent() ? 0.2 : 0.1, "no keyword evidence for any offered class");
    }

    private static Evidence evidence(DocumentClass documentClass, String text) {
        List<String> found = new ArrayList<>();
        int occurrences = 0;
        for (String keyword : keywords(documentClass)) {
            int n = Keywords.occurrences(keyword, text);
            if (n > 0) {
                found.add(keyword);
                occurrences += n;
            }
        }
        return new Evidence(documentClass, found, occurrences);
    }

    static List<String> keywords(DocumentClass documentClass) {
        String key = documentClass.name().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        List<String> builtIn = BUILT_IN.get(ALIASES.getOrDefault(key, key));
        if (builtIn != null) {
            return builtIn;
        }
        Set<String> words = new LinkedHashSet<>();
        String phrase = documentClass.name().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        if (!phrase.isEmpty()) {
            words.add(phrase);
        }
        for (String word : (documentClass.name() + " " + documentClass.description()).toLowerCase(Locale.ROOT)
                .split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3 && !STOP_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }

    private static boolean isFallback(DocumentClass documentClass) {
        return FALLBACK_NAMES.contains(documentClass.name().toLowerCase(Locale.ROOT));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private record Evidence(DocumentClass documentClass, List<String> keywords, int occurrences) {
    }
}
