package io.docflow.local.bedrock;

import java.util.List;

/**
 * A document's lines with what evidence needs of each: its text as a quote, and its page when the text has page
 * breaks (form feeds, as text extractors write them between pages).
 */
final class DocumentLines {

    private final List<String> lines;
    private final int[] pages;
    private final boolean paged;

    DocumentLines(String text) {
        this.lines = text.lines().toList();
        this.paged = text.indexOf('\f') >= 0;
        this.pages = new int[lines.size()];
        int page = 1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int leading = 0;
            while (leading < line.length() && line.charAt(leading) == '\f') {
                leading++;
            }
            page += leading;
            pages[i] = page;
            page += (int) line.chars().skip(leading).filter(c -> c == '\f').count();
        }
    }

    List<String> lines() {
        return lines;
    }

    /** Line {@code index} as it stands in the document, without its page breaks and surrounding blanks. */
    String quote(int index) {
        return lines.get(index).replace("\f", "").strip();
    }

    /** The page of line {@code index}, or null when the text has no page breaks. */
    Integer page(int index) {
        return paged ? pages[index] : null;
    }

    /** The first line containing {@code text}, or -1. */
    int lineContaining(String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
