package io.docflow.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import io.docflow.pipeline.Fixtures;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * Scans generated for the tests, so no binary fixture is committed: text drawn with Java2D into a US-letter page
 * at a given resolution, in large clear type (18 pt), as a scanner or a phone would deliver it.
 */
public final class Scans {

    private static final double POINT_SIZE = 18;

    private Scans() {
    }

    /** The lines of an invoice the local model reads an invoice number and a total from. */
    public static List<String> invoice(String number, String total) {
        Fixtures.InvoiceFigures figures = Fixtures.InvoiceFigures.of(total);
        return List.of("ACME Supplies Ltd", "INVOICE", "Invoice Number: " + number, "Invoice Date: 2026-03-01",
                "Due Date: 2026-03-31", "Bill To: Example Corp", "Subtotal: $" + figures.subtotal(),
                "Tax: $" + figures.tax(), "Total: $" + total, "Amount due in USD.");
    }

    /** A letter-size page at {@code dpi} holding {@code lines}, black on white, in RGB like a colour scan. */
    public static BufferedImage page(List<String> lines, int dpi) {
        return page(lines, dpi, 0, BufferedImage.TYPE_INT_RGB);
    }

    /** The page turned by {@code degrees} about its centre, as a skewed scan (the corners are cut off, not the text). */
    public static BufferedImage page(List<String> lines, int dpi, double degrees, int imageType) {
        int width = (int) Math.round(8.5 * dpi);
        int height = 11 * dpi;
        BufferedImage image = new BufferedImage(width, height, imageType);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.rotate(Math.toRadians(degrees), width / 2.0, height / 2.0);
        g.setColor(Color.BLACK);
        int fontPixels = (int) Math.round(POINT_SIZE * dpi / 72);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontPixels));
        int y = dpi;
        for (String line : lines) {
            g.drawString(line, dpi, y);
            y += (int) Math.round(fontPixels * 1.6);
        }
        g.dispose();
        return image;
    }

    /** The image turned clockwise by {@code quarterTurns} × 90°, as a page fed into the scanner sideways. */
    public static BufferedImage turned(BufferedImage image, int quarterTurns) {
        BufferedImage turned = image;
        for (int i = 0; i < quarterTurns; i++) {
            BufferedImage next = new BufferedImage(turned.getHeight(), turned.getWidth(), turned.getType());
            Graphics2D g = next.createGraphics();
            g.translate(turned.getHeight(), 0);
            g.rotate(Math.PI / 2);
            g.drawImage(turned, 0, 0, null);
            g.dispose();
            turned = next;
        }
        return turned;
    }

    /** An empty white page. */
    public static BufferedImage blank(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** {@code png}, {@code jpeg}, {@code bmp}, {@code gif} or {@code tiff}. */
    public static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("No ImageIO writer for " + format + " and image type " + image.getType());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A multipage TIFF as a copier makes it: one bilevel frame per page, CCITT Group 4 compressed. */
    public static byte[] multipageTiff(List<BufferedImage> pages) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // the image stream hands on everything it buffered only when closed
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("CCITT T.6");
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(bilevel(page), null, null), param);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A PDF whose pages are only images (each page image filling a letter page): a scanned PDF. */
    public static byte[] imagePdf(List<BufferedImage> pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (BufferedImage image : pages) {
                addImagePage(document, image);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF with a text page ({@code textLines} in Helvetica) followed by a page that is only an image. */
    public static byte[] mixedPdf(List<String> textLines, BufferedImage scannedPage) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.setLeading(16);
                content.newLineAtOffset(72, 700);
                for (String line : textLines) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            addImagePage(document, scannedPage);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addImagePage(PDDocument document, BufferedImage image) throws IOException {
        PDPage page = new PDPage(PDRectangle.LETTER);
        document.addPage(page);
        var picture = LosslessFactory.createFromImage(document, image);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.drawImage(picture, 0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
        }
    }

    private static BufferedImage bilevel(BufferedImage image) {
        BufferedImage bilevel = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = bilevel.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return bilevel;
    }
}
