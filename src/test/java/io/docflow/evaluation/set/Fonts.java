package io.docflow.evaluation.set;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;

/** The PDF standard fonts of each face and style, and the width of a text set in them. */
final class Fonts {

    private static final Map<PageStyle.Face, Map<Block.Style, FontName>> NAMES = new EnumMap<>(PageStyle.Face.class);

    static {
        NAMES.put(PageStyle.Face.SANS, styles(FontName.HELVETICA, FontName.HELVETICA_BOLD, FontName.HELVETICA_OBLIQUE));
        NAMES.put(PageStyle.Face.SERIF, styles(FontName.TIMES_ROMAN, FontName.TIMES_BOLD, FontName.TIMES_ITALIC));
        NAMES.put(PageStyle.Face.MONO, styles(FontName.COURIER, FontName.COURIER_BOLD, FontName.COURIER_OBLIQUE));
    }

    private static final Map<FontName, PDType1Font> MEASURING = new EnumMap<>(FontName.class);

    private Fonts() {
    }

    private static Map<Block.Style, FontName> styles(FontName plain, FontName bold, FontName italic) {
        Map<Block.Style, FontName> styles = new EnumMap<>(Block.Style.class);
        styles.put(Block.Style.PLAIN, plain);
        styles.put(Block.Style.BOLD, bold);
        styles.put(Block.Style.ITALIC, italic);
        return styles;
    }

    static FontName name(PageStyle.Face face, Block.Style style) {
        return NAMES.get(face).get(style);
    }

    /** A new font object, one per PDF written. */
    static PDType1Font pdfFont(PageStyle.Face face, Block.Style style) {
        return new PDType1Font(name(face, style));
    }

    /** Width in points of {@code text} at {@code size}; fails on a character the standard fonts cannot show. */
    static synchronized float width(PageStyle.Face face, Block.Style style, float size, String text) {
        PDType1Font font = MEASURING.computeIfAbsent(name(face, style), PDType1Font::new);
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot set \"" + text + "\" in " + font.getName(), e);
        }
    }
}
