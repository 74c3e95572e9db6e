package io.docflow.evidence;

import java.util.List;

/**
 * Whether a list field looks complete: where its items were found and how many the document says there are.
 *
 * @param list                   pointer of the list, e.g. {@code /transactions}
 * @param items                  items extracted
 * @param itemsPerPage           items per page, by where each item's grounded evidence starts
 * @param itemsWithoutPage       items with no grounded evidence (or a text without pages), not counted per page
 * @param pagesWithoutItems      pages between the first and the last page with items that have none: a page
 *                               whose lines may have been skipped
 * @param itemsPerChunk          items per chunk, when the chunks were given; an item in two overlapping chunks
 *                               counts in the first
 * @param statedCount            the count the document states (a {@code count} rule's field), if any
 * @param statedCountField       the field stating it
 * @param countMatches           whether {@code items} equals {@code statedCount}; null without a stated count
 * @param rules                  the rules that look at this list's items, with their outcome
 */
public record ListCompleteness(
        String list,
        int items,
        List<PageCount> itemsPerPage,
        int itemsWithoutPage,
        List<Integer> pagesWithoutItems,
        List<ChunkCount> itemsPerChunk,
        Integer statedCount,
        String statedCountField,
        Boolean countMatches,
        List<RuleOutcomeOf> rules) {

    /** Items found on a page (from 1). */
    public record PageCount(int page, int items) {
    }

    /** Items found in a chunk (from 0) of the text. */
    public record ChunkCount(int chunk, int start, int end, int items) {
    }

    /** A rule's outcome, by its id. */
    public record RuleOutcomeOf(String ruleId, RuleOutcome outcome) {
    }
}
