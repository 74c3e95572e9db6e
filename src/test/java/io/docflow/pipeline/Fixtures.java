package io.docflow.pipeline;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Documents generated for the tests, so no binary fixture is committed. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * A one-page invoice whose figures add up: subtotal + 10% tax = {@code total} (e.g. {@code 1,100.00}:
     * subtotal 1,000.00, tax 100.00), so the invoice rules pass.
     */
    public static String invoiceText(String number, String total) {
        InvoiceFigures figures = InvoiceFigures.of(total);
        return """
                ACME Supplies Ltd
                INVOICE
                Invoice Number: %s
                Invoice Date: 2026-03-01
                Due Date: 2026-03-31
                Bill To: Example Corp
                Description: Paper, 10 boxes
                Subtotal: $%s
                Tax: $%s
                Total: $%s
                Amount due in USD. Thank you for your business.
                """.formatted(number, figures.subtotal(), figures.tax(), total);
    }

    /** An invoice's subtotal and 10% tax for a total such as {@code 1,100.00}, written as US invoices write them. */
    public record InvoiceFigures(String subtotal, String tax) {

        public static InvoiceFigures of(String total) {
            BigDecimal totalValue = new BigDecimal(total.replace(",", ""));
            BigDecimal subtotal = totalValue.divide(new BigDecimal("1.1"), 2, RoundingMode.HALF_UP);
            DecimalFormat money = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
            return new InvoiceFigures(money.format(subtotal), money.format(totalValue.subtract(subtotal)));
        }
    }

    /** A PDF whose pages each hold the given lines, set in Helvetica. */
    public static byte[] pdf(List<List<String>> pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    writeLines(content, lines);
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code lines} down a page from its top left, in 9 pt Helvetica. */
    public static void writeLines(PDPageContentStream content, List<String> lines) throws IOException {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
        content.setLeading(11);
        content.newLineAtOffset(40, 750);
        for (String line : lines) {
            content.showText(line);
            content.newLine();
        }
        content.endText();
    }

    public static byte[] pdfOf(String text) {
        return pdf(List.of(List.of(text.split("\n"))));
    }

    /**
     * A long invoice: the number on page 1, filler prose with paragraphs, the total on the last page, so extraction
     * has to merge what different chunks found.
     */
    static byte[] longInvoicePdf(int pageCount) {
        List<List<String>> pages = new ArrayList<>();
        for (int p = 1; p <= pageCount; p++) {
            List<String> lines = new ArrayList<>();
            if (p == 1) {
                lines.add("ACME Supplies Ltd");
                lines.add("INVOICE");
                lines.add("Invoice Number: INV-LONG-60");
                lines.add("Invoice Date: 2026-02-01");
                lines.add("");
            }
            for (int i = 1; i <= 45; i++) {
                lines.add("Page " + p + " line " + i + ": delivery of item " + (p * 100 + i) + " was completed as agreed.");
                if (i % 9 == 0) {
                    lines.add("");
                }
            }
            if (p == pageCount) {
                lines.add("Total: $98,765.43");
            }
            pages.add(lines);
        }
        return pdf(pages);
    }

    static byte[] docx(String... paragraphs) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String paragraph : paragraphs) {
                document.createParagraph().createRun().setText(paragraph);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A picture with no text layer: what an image-only scan looks like to a text extractor. */
    static byte[] png() {
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 100);
        g.setColor(Color.BLACK);
        g.fillOval(50, 20, 60, 60);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF header followed by garbage: Tika detects a PDF and the parser fails on it. */
    static byte[] corruptPdf() {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        byte[] header = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\n".getBytes();
        byte[] all = new byte[header.length + garbage.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(garbage, 0, all, header.length, garbage.length);
        return all;
    }
}
