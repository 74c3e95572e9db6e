package io.docflow.extract;

import io.docflow.jobs.FailureReason;

/**
 * What a parser's exception says about the document: a decompression bomb, markup nested too deep, or a broken
 * file. Tika reports its bomb checks (SecureContentHandler) as ZipBombException and the XML parsers their entity
 * expansion limit as a SAXParseException, so the cause chain is what tells them apart.
 */
final class ParseFailures {

    private ParseFailures() {
    }

    static FailureReason reasonOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StackOverflowError) {
                return FailureReason.TOO_DEEPLY_NESTED;
            }
            String message = String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
            boolean bombCheck = cause.getClass().getSimpleName().equals("ZipBombException") || message.contains("zip bomb");
            if (bombCheck && message.contains("nesting")) {
                return FailureReason.TOO_DEEPLY_NESTED;
            }
            if (bombCheck || message.contains("entity expansion") || message.contains("entityexpansion")) {
                return FailureReason.TOO_LARGE_EXPANDED;
            }
        }
        return FailureReason.CORRUPT_DOCUMENT;
    }
}
