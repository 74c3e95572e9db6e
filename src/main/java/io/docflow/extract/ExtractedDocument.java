package io.docflow.extract;

import java.util.List;
import java.util.Objects;

/**
 * The text of one document and what Tika learned about it.
 *
 * @param contentType    media type detected from the bytes, without parameters, e.g. {@code application/pdf}
 * @param pages          page count (PDF pages, Office pages or slides); null when the format does not say
 * @param language       ISO 639-1 code guessed from the text; null when the guess is not reasonably certain
 * @param title          null when the document has none
 * @param author         null when the document has none
 * @param characters     length of {@code text}
 * @param truncated      true when extraction stopped at {@code characterLimit}; {@code text} is then the first
 *                       {@code characterLimit} characters
 * @param characterLimit the limit that applied to this extraction
 * @param pageStarts     where each page's text begins in {@code text}, in page order (PDFs); empty when the format
 *                       has no pages or does not mark them
 * @param embeddedDocumentsSkipped embedded documents left unparsed past {@code docflow.extract.max-embedded-documents}
 */
public record ExtractedDocument(
        String text,
        String contentType,
        Integer pages,
        String language,
        String title,
        String author,
        int characters,
        boolean truncated,
        int characterLimit,
        List<Integer> pageStarts,
        int embeddedDocumentsSkipped) {

    public ExtractedDocument {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(contentType, "contentType");
        pageStarts = pageStarts == null ? List.of() : List.copyOf(pageStarts);
        if (characters != text.length()) {
            throw new IllegalArgumentException("characters (" + characters + ") must equal the text's length (" + text.length() + ")");
        }
    }

    /** False for blank text, e.g. a scan, an image or an empty file: {@link io.docflow.jobs.FailureReason#NO_TEXT} if the caller needs text. */
    public boolean hasText() {
        return !text.isBlank();
    }

    /** The text of page {@code index} (from 0) of {@link #pageStarts()}. */
    public String pageText(int index) {
        int end = index + 1 < pageStarts.size() ? pageStarts.get(index + 1) : text.length();
        return text.substring(pageStarts.get(index), end);
    }

    /** This document with other text, e.g. with OCR text for its scanned pages; the language is guessed anew by the caller. */
    public ExtractedDocument withText(String newText, Integer newPages, String newLanguage, boolean newTruncated,
                                      List<Integer> newPageStarts) {
        return new ExtractedDocument(newText, contentType, newPages, newLanguage, title, author, newText.length(),
                truncated || newTruncated, characterLimit, newPageStarts, embeddedDocumentsSkipped);
    }
}
