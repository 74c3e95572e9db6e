package io.docflow.evaluation.set;

import java.util.ArrayList;
import java.util.List;

/**
 * Places a document's blocks on pages: lines wrapped to the page, two columns side by side, tables with their header
 * repeated on every page they run onto. Positions are in points from the page's top left; the PDF and the scan are
 * drawn from the same layout.
 */
final class PageLayout {

    enum Align { LEFT, RIGHT, CENTER }

    /** A text whose baseline is {@code top} points below the page's top; {@code x} is its left, right or centre. */
    record Text(float x, float top, String text, Block.Style style, float size, Align align) {
    }

    /** A horizontal rule. */
    record Rule(float x1, float x2, float top) {
    }

    record Page(float width, float height, List<Text> texts, List<Rule> rules) {
    }

    private static final float LEADING = 1.4f;

    private final PageStyle style;
    private final List<Page> pages = new ArrayList<>();
    private List<Text> texts = new ArrayList<>();
    private List<Rule> rules = new ArrayList<>();
    private float y;

    private PageLayout(PageStyle style) {
        this.style = style;
        this.y = style.margin();
    }

    static List<Page> layOut(PageStyle style, List<Block> blocks) {
        PageLayout layout = new PageLayout(style);
        blocks.forEach(layout::place);
        return layout.finish();
    }

    private float size() {
        return style.fontSize();
    }

    private float contentWidth() {
        return style.width() - 2 * style.margin();
    }

    private float bottom() {
        return style.height() - style.margin() - (style.pageNumbers() ? 2 * size() : 0);
    }

    private void place(Block block) {
        if (block instanceof Block.Title title) {
            float size = size() * 1.7f;
            for (String line : wrap(title.text(), Block.Style.BOLD, size, contentWidth())) {
                line(style.margin(), line, Block.Style.BOLD, size, Align.LEFT);
            }
            y += size() * 0.6f;
        } else if (block instanceof Block.Heading heading) {
            y += size() * 0.6f;
            float size = size() * 1.2f;
            ensure(size * LEADING * 2);
            for (String line : wrap(heading.text(), Block.Style.BOLD, size, contentWidth())) {
                line(style.margin(), line, Block.Style.BOLD, size, Align.LEFT);
            }
        } else if (block instanceof Block.Line line) {
            for (String part : wrap(line.text(), line.style(), size(), contentWidth())) {
                line(style.margin(), part, line.style(), size(), Align.LEFT);
            }
        } else if (block instanceof Block.Paragraph paragraph) {
            for (String part : wrap(paragraph.text(), Block.Style.PLAIN, size(), contentWidth())) {
                line(style.margin(), part, Block.Style.PLAIN, size(), Align.LEFT);
            }
            y += size() * 0.5f;
        } else if (block instanceof Block.Columns columns) {
            columns(columns);
        } else if (block instanceof Block.Table table) {
            table(table);
        } else if (block instanceof Block.Gap) {
            y += size() * 0.9f;
        } else if (block instanceof Block.PageBreak) {
            if (!style.growsToContent()) {
                newPage();
            }
        } else {
            throw new IllegalArgumentException("Unknown block " + block);
        }
    }

    private void columns(Block.Columns columns) {
        float gutter = 12;
        float half = (contentWidth() - gutter) / 2;
        List<String> left = wrapAll(columns.left(), half);
        List<String> right = wrapAll(columns.right(), half);
        float rightX = style.margin() + half + gutter;
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            ensure(size() * LEADING);
            float baseline = y + size() * 1.1f;
            if (i < left.size()) {
                texts.add(new Text(style.margin(), baseline, left.get(i), Block.Style.PLAIN, size(), Align.LEFT));
            }
            if (i < right.size()) {
                texts.add(new Text(rightX, baseline, right.get(i), Block.Style.PLAIN, size(), Align.LEFT));
            }
            y += size() * LEADING;
        }
        y += size() * 0.5f;
    }

    private List<String> wrapAll(List<String> lines, float width) {
        List<String> wrapped = new ArrayList<>();
        lines.forEach(line -> wrapped.addAll(wrap(line, Block.Style.PLAIN, size(), width)));
        return wrapped;
    }

    private void table(Block.Table table) {
        int n = table.headers().size();
        double share = table.widths().stream().mapToDouble(Double::doubleValue).sum();
        float[] left = new float[n];
        float[] width = new float[n];
        float x = style.margin();
        for (int c = 0; c < n; c++) {
            left[c] = x;
            width[c] = (float) (contentWidth() * table.widths().get(c) / share);
            x += width[c];
        }
        y += size() * 0.3f;
        ensure(size() * LEADING * 3);
        header(table, left, width);
        for (List<String> row : table.rows()) {
            List<List<String>> cells = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < n; c++) {
                List<String> cell = wrap(row.get(c), Block.Style.PLAIN, size(), width[c] - 6);
                cells.add(cell);
                lines = Math.max(lines, cell.size());
            }
            if (!fits(lines * size() * LEADING)) {
                newPage();
                header(table, left, width);
            }
            for (int c = 0; c < n; c++) {
                boolean numeric = table.numeric().get(c);
                for (int l = 0; l < cells.get(c).size(); l++) {
                    float baseline = y + size() * 1.1f + l * size() * LEADING;
                    texts.add(numeric
                            ? new Text(left[c] + width[c] - 4, baseline, cells.get(c).get(l), Block.Style.PLAIN, size(), Align.RIGHT)
                            : new Text(left[c] + 2, baseline, cells.get(c).get(l), Block.Style.PLAIN, size(), Align.LEFT));
                }
            }
            y += lines * size() * LEADING;
        }
        rules.add(new Rule(style.margin(), style.width() - style.margin(), y + size() * 0.3f));
        y += size() * 0.8f;
    }

    private void header(Block.Table table, float[] left, float[] width) {
        float baseline = y + size() * 1.1f;
        for (int c = 0; c < left.length; c++) {
            String header = table.headers().get(c);
            texts.add(table.numeric().get(c)
                    ? new Text(left[c] + width[c] - 4, baseline, header, Block.Style.BOLD, size(), Align.RIGHT)
                    : new Text(left[c] + 2, baseline, header, Block.Style.BOLD, size(), Align.LEFT));
        }
        y += size() * LEADING;
        rules.add(new Rule(style.margin(), style.width() - style.margin(), y));
        y += size() * 0.2f;
    }

    private void line(float x, String text, Block.Style textStyle, float size, Align align) {
        ensure(size * LEADING);
        texts.add(new Text(x, y + size * 1.1f, text, textStyle, size, align));
        y += size * LEADING;
    }

    private boolean fits(float height) {
        return style.growsToContent() || y + height <= bottom();
    }

    private void ensure(float height) {
        if (!fits(height)) {
            newPage();
        }
    }

    private void newPage() {
        pages.add(new Page(style.width(), style.height(), texts, rules));
        texts = new ArrayList<>();
        rules = new ArrayList<>();
        y = style.margin();
    }

    private List<Page> finish() {
        if (style.growsToContent()) {
            return List.of(new Page(style.width(), y + style.margin(), texts, rules));
        }
        if (!texts.isEmpty() || pages.isEmpty()) {
            newPage();
        }
        if (style.pageNumbers()) {
            List<Page> numbered = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                Page page = pages.get(i);
                List<Text> withNumber = new ArrayList<>(page.texts());
                withNumber.add(new Text(style.width() / 2, style.height() - style.margin() + size(),
                        "Page " + (i + 1) + " of " + pages.size(), Block.Style.PLAIN, size() * 0.85f, Align.CENTER));
                numbered.add(new Page(page.width(), page.height(), withNumber, page.rules()));
            }
            return numbered;
        }
        return List.copyOf(pages);
    }

    /** {@code text} broken at spaces into lines no wider than {@code width}; a longer word stands alone. */
    List<String> wrap(String text, Block.Style textStyle, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && Fonts.width(style.face(), textStyle, size, candidate) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
