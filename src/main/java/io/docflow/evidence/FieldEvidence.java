package io.docflow.evidence;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where one extracted value comes from in the document's stored text, or why that could not be shown.
 *
 * @param field           RFC 6901 pointer into the fields, e.g. {@code /lineItems/2/amount}
 * @param value           the value (card numbers masked to their last four digits)
 * @param quote           the model's quote, as given (card numbers masked)
 * @param page            the page (from 1) the quote was found on; null when not found or the text has no pages
 * @param claimedPage     the page the model named, if it did
 * @param start           where the value itself is in the stored text, {@code text.substring(start, end)}; null
 *                        unless grounded
 * @param end             see {@code start}
 * @param quoteStart      where the quote was found in the stored text; null when it was not
 * @param quoteEnd        see {@code quoteStart}
 * @param grounded        true when the quote is in the text and the value is in the quote
 * @param reason          why not grounded; null when grounded
 * @param note            what a reviewer should know about a grounded value: found on another page, an ambiguous
 *                        date, a sign the quote does not show; null when nothing
 * @param modelConfidence the model's own estimate (0 to 1), if it gave one
 */
public record FieldEvidence(
        String field,
        JsonNode value,
        String quote,
        Integer page,
        Integer claimedPage,
        Integer start,
        Integer end,
        Integer quoteStart,
        Integer quoteEnd,
        boolean grounded,
        String reason,
        String note,
        Double modelConfidence) {
}
