package io.docflow.extract;

import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * Guesses a text's language (ISO 639-1) with Tika's Optimaize detector from its first few thousand characters;
 * null when the detector is not reasonably certain. The detector keeps state per call, hence the lock.
 */
final class LanguageGuesser {

    private static final int SAMPLE = 5_000;

    private final LanguageDetector detector;

    LanguageGuesser() {
        this.detector = new OptimaizeLangDetector().loadModels();
    }

    synchronized String guess(String text) {
        if (text.isBlank()) {
            return null;
        }
        LanguageResult result = detector.detect(text.length() <= SAMPLE ? text : text.substring(0, SAMPLE));
        return result.isReasonablyCertain() ? result.getLanguage() : null;
    }
}
