package io.docflow.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds quotes in a document's text, compared in their {@link CanonicalText} form: first on the page the model
 * named, else anywhere. Each page with claims is read once for all its quotes and the whole text at most once for
 * the rest ({@link FirstOccurrences}), so the cost grows with the text, not with text times quotes.
 */
final class QuoteLocator {

    private final Pages pages;
    private final CanonicalText canonical;
    private final int[] canonicalPageStarts;

    QuoteLocator(String text, Pages pages) {
        this.pages = pages;
        this.canonical = CanonicalText.of(text);
        this.canonicalPageStarts = pages.starts().stream().mapToInt(canonical::indexAtOrAfter).toArray();
    }

    /** For each request, in order, where its quote is, or null when it is empty or not in the text. */
    List<Found> locate(List<Request> requests) {
        List<String> quotes = requests.stream().map(request -> CanonicalText.canonical(request.quote())).toList();
        Found[] found = new Found[requests.size()];
        Map<Integer, List<Integer>> byPage = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            if (pages.has(requests.get(i).claimedPage()) && !quotes.get(i).isEmpty()) {
                byPage.computeIfAbsent(requests.get(i).claimedPage(), page -> new ArrayList<>()).add(i);
            }
        }
        byPage.forEach((page, indexes) -> findOnPage(page, indexes, quotes, found));
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (found[i] == null && !quotes.get(i).isEmpty()) {
                rest.add(i);
            }
        }
        if (!rest.isEmpty()) {
            Map<String, Integer> anywhere = FirstOccurrences.in(canonical.chars(), rest.stream().map(quotes::get).toList());
            for (int i : rest) {
                Integer at = anywhere.get(quotes.get(i));
                if (at != null) {
                    found[i] = found(at, at + quotes.get(i).length());
                }
            }
        }
        return Arrays.asList(found);
    }

    private void findOnPage(int page, List<Integer> indexes, List<String> quotes, Found[] found) {
        int start = canonicalPageStarts[page - 1];
        int end = page < pages.count() ? canonicalPageStarts[page] : canonical.length();
        int longest = indexes.stream().mapToInt(i -> quotes.get(i).length()).max().orElse(1);
        // a quote may run over the page's end; it still counts for this page if it starts on it
        String pageText = canonical.chars().substring(start, Math.min(canonical.length(), end + longest - 1));
        Map<String, Integer> onPage = FirstOccurrences.in(pageText, indexes.stream().map(quotes::get).toList());
        for (int i : indexes) {
            Integer at = onPage.get(quotes.get(i));
            if (at != null && start + at < end) {
                found[i] = found(start + at, start + at + quotes.get(i).length());
            }
        }
    }

    private Found found(int canonicalStart, int canonicalEnd) {
        int start = canonical.originalStart(canonicalStart);
        return new Found(start, canonical.originalEnd(canonicalEnd), pages.pageOf(start));
    }

    /** A quote to find and the page (from 1) the model says it is on, if it said. */
    record Request(String quote, Integer claimedPage) {
    }

    /** Where a quote is in the original text: {@code [start, end)}, and on which page (null without page marks). */
    record Found(int start, int end, Integer page) {
    }
}
