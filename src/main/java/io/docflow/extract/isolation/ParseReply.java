package io.docflow.extract.isolation;

import java.util.List;

import io.docflow.extract.ExtractedDocument;
import io.docflow.jobs.FailureReason;

/**
 * A parser worker's answer, one JSON line on its standard output: what {@link ExtractedDocument} holds except the
 * text, which is in the request's text file; or the reason and message of a failed parse.
 */
record ParseReply(String reason, String message, String contentType, Integer pages, String language, String title,
                  String author, int characters, boolean truncated, int characterLimit, List<Integer> pageStarts,
                  int embeddedDocumentsSkipped) {

    static ParseReply of(ExtractedDocument document) {
        return new ParseReply(null, null, document.contentType(), document.pages(), document.language(), document.title(),
                document.author(), document.characters(), document.truncated(), document.characterLimit(),
                document.pageStarts(), document.embeddedDocumentsSkipped());
    }

    static ParseReply failed(FailureReason reason, String message) {
        return new ParseReply(reason.name(), message, null, null, null, null, null, 0, false, 0, List.of(), 0);
    }

    boolean failed() {
        return reason != null;
    }

    ExtractedDocument document(String text) {
        if (text.length() != characters) {
            throw new IllegalStateException("The parser worker reported " + characters + " characters and wrote "
                    + text.length());
        }
        return new ExtractedDocument(text, contentType, pages, language, title, author, characters, truncated,
                characterLimit, pageStarts, embeddedDocumentsSkipped);
    }
}
