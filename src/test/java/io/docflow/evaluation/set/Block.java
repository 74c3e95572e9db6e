package io.docflow.evaluation.set;

import java.util.List;

/** One piece of a document's content, in reading order; the renderings place it on pages. */
interface Block {

    enum Style { PLAIN, BOLD, ITALIC }

    /** The document's main heading. */
    record Title(String text) implements Block {
    }

    /** A section heading. */
    record Heading(String text) implements Block {
    }

    /** One line, wrapped only if it does not fit. */
    record Line(String text, Style style) implements Block {
        Line(String text) {
            this(text, Style.PLAIN);
        }
    }

    /** Running text, wrapped to the page. */
    record Paragraph(String text) implements Block {
    }

    /** Two columns side by side, such as a sender's address beside the invoice details. */
    record Columns(List<String> left, List<String> right) implements Block {
    }

    /**
     * A table: a header row and rows of cells; {@code widths} are the columns' shares of the line, {@code numeric}
     * columns are right-aligned. A table longer than a page continues on the next with its header repeated.
     */
    record Table(List<String> headers, List<Double> widths, List<Boolean> numeric, List<List<String>> rows)
            implements Block {
    }

    /** Some vertical space. */
    record Gap() implements Block {
    }

    /** The rest starts on a new page. */
    record PageBreak() implements Block {
    }
}
