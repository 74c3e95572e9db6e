package io.docflow.evidence;

/**
 * A class schema's review settings ({@code x-docflow-rules}, {@code x-docflow-review}, {@code x-docflow-match},
 * {@code x-docflow-date-order}) cannot be used as written. The message names the file and the rule or keyword.
 */
public class ReviewConfigurationException extends IllegalArgumentException {

    public ReviewConfigurationException(String message) {
        super(message);
    }
}
