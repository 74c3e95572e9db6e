package io.docflow.ocr;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBuffer;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Pictures as phones and odd scanners deliver them, made for the tests: a receipt photographed on a table
 * (perspective, blur, uneven light, a small JPEG), and pages with transparency.
 */
public final class Photos {

    private Photos() {
    }

    /** The lines of a till receipt the local model classifies as a receipt and reads a total from. */
    public static List<String> receipt(String total) {
        return List.of("CORNER STORE", "12 High Street", "Receipt #5531", "Cashier: Dana", "Milk 1 $1.99",
                "Bread 2 $5.00", "Coffee beans 1 $12.50", "SUBTOTAL $19.49", "TOTAL $" + total, "CASH $40.00",
                "CHANGE $" + "20.51", "Thank you for your purchase!");
    }

    /** The receipt printed at {@code dpi} on narrow till paper (80 mm), monospaced, black on white. */
    public static BufferedImage printedReceipt(List<String> lines, int dpi) {
        int width = (int) Math.round(80 / 25.4 * dpi);
        int fontPixels = (int) Math.round(12.0 * dpi / 72);
        int lineHeight = (int) Math.round(fontPixels * 1.5);
        int height = lineHeight * (lines.size() + 4);
        BufferedImage paper = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = paper.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(30, 30, 30));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontPixels));
        int y = lineHeight * 2;
        for (String line : lines) {
            g.drawString(line, fontPixels, y);
            y += lineHeight;
        }
        g.dispose();
        return paper;
    }

    /**
     * The paper as a phone photographs it on a wooden table: seen at an angle (the top narrower than the bottom,
     * tilted by a few degrees), slightly out of focus, lit from one side, {@code width} pixels wide, as a JPEG.
     */
    public static byte[] photographed(BufferedImage paper, int width, int height) {
        BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        // where the paper's corners land: top-left, top-right, bottom-right, bottom-left
        double[][] corners = {{0.30 * width, 0.06 * height}, {0.68 * width, 0.09 * height},
                {0.74 * width, 0.95 * height}, {0.24 * width, 0.92 * height}};
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double[] uv = inverseBilinear(corners, x + 0.5, y + 0.5);
                int rgb;
                if (uv == null) {
                    rgb = table(x, y);
                } else {
                    rgb = sample(paper, uv[0] * paper.getWidth(), uv[1] * paper.getHeight());
                }
                photo.setRGB(x, y, lit(rgb, x, y, width, height));
            }
        }
        float[] blur = new float[9];
        java.util.Arrays.fill(blur, 1f / 9);
        BufferedImage blurred = new ConvolveOp(new Kernel(3, 3, blur), ConvolveOp.EDGE_NO_OP, null).filter(photo, null);
        return jpeg(blurred, 0.8f);
    }

    /** A page with an alpha channel whose paper is fully transparent, 16 bits per channel, as some scanners save it. */
    public static BufferedImage transparentPage(BufferedImage page) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_USHORT);
        BufferedImage rgba = new BufferedImage(model, model.createCompatibleWritableRaster(page.getWidth(),
                page.getHeight()), false, null);
        // the page's darkness becomes the ink's opacity: black text on transparent (black) paper
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int grey = page.getRGB(x, y) & 0xff;
                rgba.setRGB(x, y, (255 - grey) << 24);
            }
        }
        return rgba;
    }

    public static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Light falling off from the upper left: up to 45 % darker in the far corner. */
    private static int lit(int rgb, int x, int y, int width, int height) {
        double light = 1 - 0.45 * (0.6 * x / width + 0.4 * y / height);
        int r = (int) (((rgb >> 16) & 0xff) * light);
        int g = (int) (((rgb >> 8) & 0xff) * light);
        int b = (int) ((rgb & 0xff) * light);
        return (r << 16) | (g << 8) | b;
    }

    private static int table(int x, int y) {
        int grain = (int) (12 * Math.sin(x * 0.05 + Math.sin(y * 0.01) * 3));
        return ((120 + grain) << 16) | ((85 + grain) << 8) | (50 + grain);
    }

    private static int sample(BufferedImage paper, double x, double y) {
        int ix = Math.min(paper.getWidth() - 1, Math.max(0, (int) x));
        int iy = Math.min(paper.getHeight() - 1, Math.max(0, (int) y));
        return paper.getRGB(ix, iy);
    }

    /**
     * The paper coordinates (0-1, 0-1) of the photo point (x, y) inside the quadrilateral {@code q}, or null outside:
     * the inverse of bilinear interpolation between the corners, by a few Newton steps.
     */
    private static double[] inverseBilinear(double[][] q, double x, double y) {
        double u = 0.5;
        double v = 0.5;
        for (int i = 0; i < 8; i++) {
            double px = (1 - u) * (1 - v) * q[0][0] + u * (1 - v) * q[1][0] + u * v * q[2][0] + (1 - u) * v * q[3][0];
            double py = (1 - u) * (1 - v) * q[0][1] + u * (1 - v) * q[1][1] + u * v * q[2][1] + (1 - u) * v * q[3][1];
            double dxu = (1 - v) * (q[1][0] - q[0][0]) + v * (q[2][0] - q[3][0]);
            double dyu = (1 - v) * (q[1][1] - q[0][1]) + v * (q[2][1] - q[3][1]);
            double dxv = (1 - u) * (q[3][0] - q[0][0]) + u * (q[2][0] - q[1][0]);
            double dyv = (1 - u) * (q[3][1] - q[0][1]) + u * (q[2][1] - q[1][1]);
            double det = dxu * dyv - dxv * dyu;
            if (det == 0) {
                return null;
            }
            double ex = x - px;
            double ey = y - py;
            u += (ex * dyv - ey * dxv) / det;
            v += (ey * dxu - ex * dyu) / det;
        }
        return u < 0 || u > 1 || v < 0 || v > 1 ? null : new double[] {u, v};
    }
}
