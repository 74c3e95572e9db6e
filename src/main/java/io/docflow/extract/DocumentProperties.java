package io.docflow.extract;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;

/** The few document properties docflow keeps, read from the many names Tika's parsers use for them. */
final class DocumentProperties {

    private DocumentProperties() {
    }

    /** PDF page count, else the Office page count, else the slide count; null if the format gives none. */
    static Integer pages(Metadata metadata) {
        for (Property property : new Property[] {PagedText.N_PAGES, Office.PAGE_COUNT, Office.SLIDE_COUNT}) {
            Integer value = metadata.getInt(property);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static String title(Metadata metadata) {
        return blankToNull(metadata.get(TikaCoreProperties.TITLE));
    }

    /** All creators, comma separated: Office and mail formats may list several. */
    static String author(Metadata metadata) {
        return blankToNull(Arrays.stream(metadata.getValues(TikaCoreProperties.CREATOR))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .collect(Collectors.joining(", ")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
