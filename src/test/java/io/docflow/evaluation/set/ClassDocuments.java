package io.docflow.evaluation.set;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Drafts the documents of one class: content in one of several layouts, and the truth it states. */
interface ClassDocuments {

    /** Truth values are built with exact decimals, so 12.50 stays 12.50. */
    JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    String documentClass();

    Draft draft(Pick pick, Shape shape);

    /**
     * What the plan asks of one document: its position in the class, its format (a scan must fit on one page), and
     * the length of its main list (0: the drafter chooses, mostly 1 to 20).
     */
    record Shape(int index, Format format, int listSize) {

        boolean onePage() {
            return format.isScan();
        }
    }

    record Draft(PageStyle page, List<Block> blocks, ObjectNode fields) {
    }

    /** One of the common date styles; numeric day/month styles come with their hint (see {@link #dateHint}). */
    static DateStyle dateStyle(Pick pick) {
        return pick.one(List.of(DateStyle.values()));
    }

    /** "Dates: DD/MM/YYYY" for a numeric style, to keep every date unambiguous; null when none is needed. */
    static Block dateHint(DateStyle style) {
        return style.hint() == null ? null : new Block.Line("All dates are shown as " + style.hint() + ".", Block.Style.ITALIC);
    }

    static PageStyle.Face face(Pick pick) {
        return pick.oneOf(PageStyle.Face.SANS, PageStyle.Face.SANS, PageStyle.Face.SERIF);
    }

    static PageStyle page(Pick pick, float low, float high) {
        PageStyle.Face face = face(pick);
        float size = low + pick.between(0, Math.round((high - low) * 2)) / 2f;
        return pick.chance(0.5) ? PageStyle.letter(face, size) : PageStyle.a4(face, size);
    }
}
