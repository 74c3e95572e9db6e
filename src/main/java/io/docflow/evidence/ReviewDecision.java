package io.docflow.evidence;

import java.util.List;

/**
 * Whether a person should look at the extraction, and why, e.g. {@code total: ungrounded (the quote is not in the
 * text), confidence 0.36 below 0.95}, {@code rule invoice.total failed: subtotal 617.96 + tax 30.90 = 648.86 != total
 * 693.86 (difference 45.00; absent: shipping, discount)}, {@code vendorName: confidence 0.42 below 0.8}.
 */
public record ReviewDecision(boolean needsReview, List<String> reasons) {

    public ReviewDecision {
        reasons = List.copyOf(reasons);
    }
}
