package io.docflow.ocr;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Tesseract's orientation and script detection ({@code --psm 0}). */
final class Orientation {

    private static final Pattern ROTATE = Pattern.compile("(?m)^Rotate:\\s*(\\d+)");
    private static final Pattern CONFIDENCE = Pattern.compile("(?m)^Orientation confidence:\\s*([0-9.]+)");
    private static final Pattern SCRIPT = Pattern.compile("(?m)^Script:\\s*(\\S+)");
    private static final Pattern SCRIPT_CONFIDENCE = Pattern.compile("(?m)^Script confidence:\\s*([0-9.]+)");
    /** Below this, Tesseract's guess is noise (pages with little text); the page is read as it is. */
    static final double MIN_CONFIDENCE = 1.5;
    /**
     * Below this, the script guess is noise. Short pages score low even when right (our six-line Cyrillic page: 0.93),
     * so the guess is only a suspicion: a page read well despite it keeps its text (DocumentOcr).
     */
    static final double MIN_SCRIPT_CONFIDENCE = 0.5;

    private Orientation() {
    }

    /** Degrees (0, 90, 180, 270) to turn the page clockwise so its text stands upright; 0 when unsure. */
    static int rotation(String osd) {
        Matcher rotate = ROTATE.matcher(osd);
        Matcher confidence = CONFIDENCE.matcher(osd);
        if (!rotate.find() || !confidence.find() || Double.parseDouble(confidence.group(1)) < MIN_CONFIDENCE) {
            return 0;
        }
        int degrees = Integer.parseInt(rotate.group(1)) % 360;
        return degrees % 90 == 0 ? degrees : 0;
    }

    /** The script the page is written in ({@code Latin}, {@code Cyrillic}, {@code Japanese}...); null when unsure. */
    static String script(String osd) {
        Matcher script = SCRIPT.matcher(osd);
        Matcher confidence = SCRIPT_CONFIDENCE.matcher(osd);
        if (!script.find() || !confidence.find() || Double.parseDouble(confidence.group(1)) < MIN_SCRIPT_CONFIDENCE) {
            return null;
        }
        return script.group(1);
    }
}
