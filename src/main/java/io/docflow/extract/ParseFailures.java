package io.docflow.extract;

import io.docflow.jobs.FailureReason;

/**
 * What a parser's exception says about the document: a decompression bomb, markup nested too deep, or a broken
 * file. Tika reports its bomb checks (SecureContentHandler) as "Zip bomb detected!" / "Suspected zip bomb: ..." and the XML parsers their entity
 * expansion limit as a SAXParseException, so the cause chain is what tells them apart.
 */
final class ParseFailures {

    private ParseFailures() {
    }

    static FailureReason reasonOf(Throwable failure) {
        boolean bomb = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (cause instanceof StackOverflowError || (message.contains("zip bomb") && message.contains("nesting"))) {
                return FailureReason.TOO_DEEPLY_NESTED;
            }
            bomb |= message.contains("zip bomb") || message.contains("entity expansion") || message.contains("entityexpansion");
        }
        return bomb ? FailureReason.TOO_LARGE_EXPANDED : FailureReason.CORRUPT_DOCUMENT;
    }
}
