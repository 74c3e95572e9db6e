package io.docflow.evaluation.set;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A Word document of the same content: headings and paragraphs, two columns as a borderless table, tables as
 * tables. Core properties carry a fixed date and the archive's entries a fixed time, so the bytes do not depend on
 * the clock.
 */
final class DocxRendering {

    private static final long FIXED_TIME = 1_704_067_200_000L; // 2024-01-01T00:00:00Z

    private DocxRendering() {
    }

    static byte[] render(DocumentSpec spec) {
        String fontFamily = switch (spec.page().face()) {
            case SANS -> "Arial";
            case SERIF -> "Times New Roman";
            case MONO -> "Courier New";
        };
        int size = Math.round(spec.page().fontSize()) + 1;
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Block block : spec.blocks()) {
                add(document, block, fontFamily, size);
            }
            var core = document.getProperties().getCoreProperties();
            core.setCreated(Optional.of(new java.util.Date(FIXED_TIME)));
            core.setModified(Optional.of(new java.util.Date(FIXED_TIME)));
            core.setCreator("docflow evaluation set");
            core.setTitle(spec.name());
            document.write(out);
            return withFixedTimes(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(XWPFDocument document, Block block, String font, int size) {
        if (block instanceof Block.Title title) {
            run(document.createParagraph(), title.text(), font, size * 2 - 2, true, false);
        } else if (block instanceof Block.Heading heading) {
            XWPFParagraph paragraph = document.createParagraph();
            paragraph.setSpacingBefore(160);
            run(paragraph, heading.text(), font, size + 2, true, false);
        } else if (block instanceof Block.Line line) {
            XWPFParagraph paragraph = document.createParagraph();
            paragraph.setSpacingAfter(0);
            run(paragraph, line.text(), font, size, line.style() == Block.Style.BOLD,
                    line.style() == Block.Style.ITALIC);
        } else if (block instanceof Block.Paragraph text) {
            run(document.createParagraph(), text.text(), font, size, false, false);
        } else if (block instanceof Block.Columns columns) {
            XWPFTable table = document.createTable(1, 2);
            table.removeBorders();
            table.setWidth("100%");
            cell(table.getRow(0).getCell(0), columns.left(), font, size, false);
            cell(table.getRow(0).getCell(1), columns.right(), font, size, false);
            document.createParagraph();
        } else if (block instanceof Block.Table data) {
            table(document, data, font, size);
        } else if (block instanceof Block.Gap) {
            document.createParagraph();
        } else if (block instanceof Block.PageBreak) {
            document.createParagraph().createRun().addBreak(BreakType.PAGE);
        } else {
            throw new IllegalArgumentException("Unknown block " + block);
        }
    }

    private static void table(XWPFDocument document, Block.Table data, String font, int size) {
        int columns = data.headers().size();
        XWPFTable table = document.createTable(data.rows().size() + 1, columns);
        table.setWidth("100%");
        double share = data.widths().stream().mapToDouble(Double::doubleValue).sum();
        fill(table.getRow(0), data.headers(), data.numeric(), font, size, true);
        for (int c = 0; c < columns; c++) {
            table.getRow(0).getCell(c).setWidth(Math.round(100 * data.widths().get(c) / share) + "%");
        }
        for (int r = 0; r < data.rows().size(); r++) {
            fill(table.getRow(r + 1), data.rows().get(r), data.numeric(), font, size, false);
        }
        document.createParagraph();
    }

    private static void fill(XWPFTableRow row, List<String> cells, List<Boolean> numeric, String font, int size,
                             boolean bold) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            XWPFParagraph paragraph = cell.getParagraphs().get(0);
            if (numeric.get(c)) {
                paragraph.setAlignment(ParagraphAlignment.RIGHT);
            }
            run(paragraph, cells.get(c), font, size, bold, false);
        }
    }

    private static void cell(XWPFTableCell cell, List<String> lines, String font, int size, boolean bold) {
        for (int i = 0; i < lines.size(); i++) {
            XWPFParagraph paragraph = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
            paragraph.setSpacingAfter(0);
            run(paragraph, lines.get(i), font, size, bold, false);
        }
    }

    private static void run(XWPFParagraph paragraph, String text, String font, int size, boolean bold, boolean italic) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setFontFamily(font);
        run.setFontSize(size);
        run.setBold(bold);
        run.setItalic(italic);
    }

    /** The same archive with every entry stamped with one fixed time, in the same order. */
    private static byte[] withFixedTimes(byte[] docx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(docx.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(FIXED_TIME);
                zip.putNextEntry(copy);
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
