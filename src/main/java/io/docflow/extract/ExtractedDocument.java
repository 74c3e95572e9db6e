package io.docflow.extract;

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
        int characterLimit) {

    public ExtractedDocument {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(contentType, "contentType");
        if (characters != text.length()) {
            throw new IllegalArgumentException("characters (" + characters + ") must equal the text's length (" + text.length() + ")");
        }
    }

    /** False for blank text, e.g. a scan, an image or an empty file: {@link ExtractionFailure#NO_TEXT} if the caller needs text. */
    public boolean hasText() {
        return !text.isBlank();
    }
}
