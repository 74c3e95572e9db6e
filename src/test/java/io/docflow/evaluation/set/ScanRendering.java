package io.docflow.evaluation.set;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A scan of the laid-out page: black text on white drawn at {@value #DPI} dpi, turned by 0.5 to 2 degrees and
 * speckled with a little noise, saved as a PNG or as a PDF holding only the picture (JPEG, as scanners do).
 */
final class ScanRendering {

    static final int DPI = 200;

    private ScanRendering() {
    }

    static byte[] render(DocumentSpec spec) {
        List<PageLayout.Page> pages = PageLayout.layOut(spec.page(), spec.blocks());
        Random random = new Random(java.util.Objects.hash(spec.name(), spec.fields().toString()));
        try {
            if (spec.format() == Format.SCANNED_PNG) {
                if (pages.size() != 1) {
                    throw new IllegalArgumentException(spec.name() + ": a PNG scan holds one page; got " + pages.size());
                }
                return png(scan(pages.get(0), spec.page().face(), random));
            }
            try (PDDocument document = new PDDocument()) {
                for (PageLayout.Page laidOut : pages) {
                    BufferedImage image = scan(laidOut, spec.page().face(), random);
                    PDPage page = new PDPage(new PDRectangle(laidOut.width(), laidOut.height()));
                    document.addPage(page);
                    PDImageXObject picture = JPEGFactory.createFromImage(document, image, 0.85f, DPI);
                    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                        content.drawImage(picture, 0, 0, laidOut.width(), laidOut.height());
                    }
                }
                return PdfRendering.save(document, spec.name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage scan(PageLayout.Page page, PageStyle.Face face, Random random) {
        double scale = DPI / 72.0;
        int width = (int) Math.round(page.width() * scale);
        int height = (int) Math.round(page.height() * scale);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        double degrees = (0.5 + 1.5 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
        g.rotate(Math.toRadians(degrees), width / 2.0, height / 2.0);
        g.setColor(new Color(20, 20, 20));
        for (PageLayout.Text text : page.texts()) {
            Font font = new Font(family(face), style(text.style()), 1).deriveFont((float) (text.size() * scale));
            g.setFont(font);
            double laidOut = Fonts.width(face, text.style(), text.size(), text.text()) * scale;
            double textWidth = g.getFontMetrics().stringWidth(text.text());
            if (textWidth > laidOut && laidOut > 0) {
                // the screen face is wider than the PDF's: condense it to the width the layout gave the text
                g.setFont(font.deriveFont(AffineTransform.getScaleInstance(laidOut / textWidth, 1)));
                textWidth = laidOut;
            }
            double x = text.x() * scale;
            x = switch (text.align()) {
                case LEFT -> x;
                case RIGHT -> x - textWidth;
                case CENTER -> x - textWidth / 2;
            };
            g.drawString(text.text(), (float) x, (float) (text.top() * scale));
        }
        for (PageLayout.Rule rule : page.rules()) {
            g.draw(new Line2D.Double(rule.x1() * scale, rule.top() * scale, rule.x2() * scale, rule.top() * scale));
        }
        g.dispose();
        speckle(image, random);
        return image;
    }

    /** Dust and toner: a sprinkling of grey dots, sparse enough to leave every letter readable. */
    private static void speckle(BufferedImage image, Random random) {
        int dots = image.getWidth() * image.getHeight() / 2500;
        for (int i = 0; i < dots; i++) {
            int x = random.nextInt(image.getWidth());
            int y = random.nextInt(image.getHeight());
            int grey = 90 + random.nextInt(120);
            int rgb = (grey << 16) | (grey << 8) | grey;
            image.setRGB(x, y, rgb);
            if (random.nextInt(4) == 0 && x + 1 < image.getWidth()) {
                image.setRGB(x + 1, y, rgb);
            }
        }
    }

    private static String family(PageStyle.Face face) {
        return switch (face) {
            case SANS -> Font.SANS_SERIF;
            case SERIF -> Font.SERIF;
            case MONO -> Font.MONOSPACED;
        };
    }

    private static int style(Block.Style style) {
        return switch (style) {
            case PLAIN -> Font.PLAIN;
            case BOLD -> Font.BOLD;
            case ITALIC -> Font.ITALIC;
        };
    }

    private static byte[] png(BufferedImage image) throws IOException {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
    }
}
