package io.docflow.ocr;

import java.util.Objects;

/**
 * Reads Tesseract's TSV output (the {@code tsv} config): one row per page, block, paragraph, line and word, with
 * a confidence (0-100, -1 for rows that are not words) and the word's text. Words of a line are joined by a space,
 * lines by '\n', and paragraphs and blocks are separated by a blank line.
 */
final class TesseractTsv {

    private static final int LEVEL = 0;
    private static final int BLOCK = 2;
    private static final int PARAGRAPH = 3;
    private static final int LINE = 4;
    private static final int CONFIDENCE = 10;
    private static final int TEXT = 11;
    private static final int WORD_LEVEL = 5;

    private TesseractTsv() {
    }

    static PageRead read(String tsv) {
        StringBuilder text = new StringBuilder();
        String paragraph = null;
        String line = null;
        double weighted = 0;
        long characters = 0;
        for (String row : tsv.split("\n")) {
            String[] columns = row.split("\t", -1);
            if (columns.length <= TEXT || !isWordRow(columns[LEVEL])) {
                continue;
            }
            String word = columns[TEXT].strip();
            double confidence = parse(columns[CONFIDENCE]);
            if (word.isEmpty() || confidence < 0) {
                continue;
            }
            String paragraphKey = columns[BLOCK] + "/" + columns[PARAGRAPH];
            String lineKey = paragraphKey + "/" + columns[LINE];
            if (line == null) {
                // first word
            } else if (!Objects.equals(paragraph, paragraphKey)) {
                text.append("\n\n");
            } else if (!line.equals(lineKey)) {
                text.append('\n');
            } else {
                text.append(' ');
            }
            paragraph = paragraphKey;
            line = lineKey;
            text.append(word);
            weighted += confidence * word.length();
            characters += word.length();
        }
        if (characters > 0) {
            text.append('\n');
        }
        return new PageRead(text.toString(), characters == 0 ? null : weighted / characters);
    }

    private static boolean isWordRow(String level) {
        try {
            return Integer.parseInt(level.strip()) == WORD_LEVEL;
        } catch (NumberFormatException e) {
            return false; // the header row
        }
    }

    private static double parse(String confidence) {
        try {
            return Double.parseDouble(confidence.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
