package io.docflow.extract;

import org.xml.sax.SAXException;

/** Thrown by {@link PageStarts} when a document starts a page past docflow.extract.max-pages. */
final class PageLimitReachedException extends SAXException {

    private final int maxPages;

    PageLimitReachedException(int maxPages) {
        super("more than docflow.extract.max-pages (" + maxPages + ") pages");
        this.maxPages = maxPages;
    }

    int maxPages() {
        return maxPages;
    }

    /** The limit that ended this parse, when {@code failure} or one of its causes is this exception; else null. */
    static PageLimitReachedException in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PageLimitReachedException reached) {
                return reached;
            }
        }
        return null;
    }
}
