package io.docflow.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a decoded page easy for an OCR engine to read: transparency flattened onto white, colour to grey, small text
 * scaled up to a readable height, and (optionally) a skewed page straightened. Pure image work, no I/O; runs where
 * pages are decoded (a parser worker), so docflow's heap never holds the image.
 */
public final class PageNormaliser {

    /**
     * Glyphs shorter than this (median, pixels) read poorly. Tesseract copes down to about 15 pixels itself; below that
     * it starts losing characters, and enlarging a blurred photo much further loses decimal points (docs/ocr.md).
     */
    static final int SMALL_TEXT = 16;
    /** Small text is scaled so its glyphs are this tall. */
    static final int READABLE_TEXT = 24;
    /** Glyph heights are measured on a copy of at most this many pixels. */
    static final long MEASURED_PIXELS = 4_000_000;
    /** Fewer glyphs than this: no text to measure (a blank page, a picture). */
    static final int MIN_GLYPHS = 10;
    /** Upscaling is bounded: a tiny image is noise, not text to magnify. */
    static final double MAX_SCALE = 4;
    /** Deskew searches this many degrees either way; beyond it a page is a photo at an angle, not a skewed scan. */
    static final double MAX_SKEW = 15;

    private PageNormaliser() {
    }

    /**
     * @param image     the normalised page, 8-bit grey
     * @param scale     how much it was enlarged (1: not)
     * @param deskewed  degrees it was turned counter-clockwise to straighten it (0: not)
     */
    public record Normalised(BufferedImage image, double scale, double deskewed) {
    }

    public static Normalised normalise(BufferedImage decoded, long maxPixels, boolean deskew) {
        BufferedImage grey = grey(decoded);
        double skew = deskew ? skewAngle(grey) : 0;
        if (skew != 0) {
            grey = rotated(grey, -skew);
        }
        double scale = upscale(glyphHeight(grey), (long) grey.getWidth() * grey.getHeight(), maxPixels);
        if (scale > 1) {
            grey = scaled(grey, scale);
        }
        return new Normalised(grey, scale, skew);
    }

    /**
     * The image in 8-bit grey (Rec. 601 luma of its sRGB values), any transparency composited onto white. Not drawn
     * with Java2D: onto a grey image it converts through linear light, which pales dark grey strokes (a decimal point
     * gets lost), and a translucent image drawn over the default black makes transparent paper black.
     */
    static BufferedImage grey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        int width = image.getWidth();
        BufferedImage grey = new BufferedImage(width, image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        int[] argb = new int[width];
        int[] row = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, argb, 0, width);
            for (int x = 0; x < width; x++) {
                int p = argb[x];
                double luma = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
                double alpha = ((p >>> 24) & 0xff) / 255.0;
                row[x] = (int) Math.round(alpha * luma + (1 - alpha) * 255);
            }
            grey.getRaster().setSamples(0, y, width, 1, 0, row);
        }
        return grey;
    }

    /** The factor that brings glyphs of {@code glyphHeight} pixels to a readable size, within the pixel budget; 1 if none. */
    static double upscale(int glyphHeight, long pixels, long maxPixels) {
        if (glyphHeight <= 0 || glyphHeight >= SMALL_TEXT) {
            return 1;
        }
        double wanted = Math.min(MAX_SCALE, (double) READABLE_TEXT / glyphHeight);
        double allowed = Math.sqrt((double) maxPixels / pixels);
        double scale = Math.floor(Math.min(wanted, allowed) * 100) / 100;
        return scale < 1.2 ? 1 : scale;
    }

    /**
     * The median height (pixels) of the page's glyphs: the connected groups of ink pixels, ink being a pixel clearly
     * darker than its neighbourhood (so shadows, uneven light and a dark table around a photographed page are not
     * ink). Measured on a copy of at most {@value #MEASURED_PIXELS} pixels. 0 when the page holds no glyph.
     */
    static int glyphHeight(BufferedImage grey) {
        long pixels = (long) grey.getWidth() * grey.getHeight();
        double shrink = pixels <= MEASURED_PIXELS ? 1 : Math.sqrt((double) MEASURED_PIXELS / pixels);
        BufferedImage measured = shrink < 1 ? scaled(grey, shrink) : grey;
        boolean[] ink = ink(measured);
        int width = measured.getWidth();
        int height = measured.getHeight();
        boolean[] seen = new boolean[ink.length];
        int[] stack = new int[ink.length];
        List<Integer> heights = new ArrayList<>();
        for (int start = 0; start < ink.length; start++) {
            if (!ink[start] || seen[start]) {
                continue;
            }
            int top = start / width;
            int bottom = top;
            int left = start % width;
            int right = left;
            int size = 0;
            int depth = 0;
            stack[depth++] = start;
            seen[start] = true;
            while (depth > 0) {
                int at = stack[--depth];
                size++;
                int x = at % width;
                int y = at / width;
                top = Math.min(top, y);
                bottom = Math.max(bottom, y);
                left = Math.min(left, x);
                right = Math.max(right, x);
                for (int next : new int[] {x > 0 ? at - 1 : -1, x < width - 1 ? at + 1 : -1,
                        y > 0 ? at - width : -1, y < height - 1 ? at + width : -1}) {
                    if (next >= 0 && ink[next] && !seen[next]) {
                        seen[next] = true;
                        stack[depth++] = next;
                    }
                }
            }
            int h = bottom - top + 1;
            int w = right - left + 1;
            // a glyph, not a speck or a rule or a picture
            if (size >= 4 && h >= 3 && h <= height / 8 && w <= 4 * h) {
                heights.add(h);
            }
        }
        if (heights.size() < MIN_GLYPHS) {
            return 0;
        }
        java.util.Collections.sort(heights);
        return (int) Math.round(heights.get(heights.size() / 2) / shrink);
    }

    private static int[] integral(int[] values, int width, int height) {
        int[] sums = new int[(width + 1) * (height + 1)];
        for (int y = 0; y < height; y++) {
            int row = 0;
            for (int x = 0; x < width; x++) {
                row += values[y * width + x];
                sums[(y + 1) * (width + 1) + x + 1] = sums[y * (width + 1) + x + 1] + row;
            }
        }
        return sums;
    }

    private static double mean(int[] sums, int width, int height, int x, int y, int radius) {
        int x0 = Math.max(0, x - radius);
        int x1 = Math.min(width, x + radius + 1);
        int y0 = Math.max(0, y - radius);
        int y1 = Math.min(height, y + radius + 1);
        long sum = (long) sums[y1 * (width + 1) + x1] - sums[y0 * (width + 1) + x1] - sums[y1 * (width + 1) + x0]
                + sums[y0 * (width + 1) + x0];
        return (double) sum / ((x1 - x0) * (y1 - y0));
    }

    /** Pixels clearly darker than the mean of the square around them (an integral image gives the means). */
    private static boolean[] ink(BufferedImage grey) {
        int width = grey.getWidth();
        int height = grey.getHeight();
        int[] values = grey.getRaster().getSamples(0, 0, width, height, 0, new int[width * height]);
        int[] sums = integral(values, width, height);
        int radius = Math.max(8, Math.min(width, height) / 40);
        boolean[] ink = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double mean = mean(sums, width, height, x, y, radius);
                int value = values[y * width + x];
                ink[y * width + x] = value < mean * 0.8 && mean - value > 20;
            }
        }
        return ink;
    }

    /**
     * How many degrees the page's text is turned clockwise, 0 when it is straight
     * within half a degree. Projection profile: rotated by the right angle, the text's rows of ink are sharpest (the
     * differences between neighbouring rows are largest). Searched on a copy at most 600 pixels wide, so it costs
     * little whatever the page's size.
     */
    static double skewAngle(BufferedImage grey) {
        double shrink = Math.min(1, 600.0 / grey.getWidth());
        BufferedImage small = shrink < 1 ? scaled(grey, shrink) : grey;
        int threshold = otsu(small);
        double straight = sharpness(rowInk(small, threshold));
        double[] best = {0, straight};
        // whole degrees first, then quarter degrees around the best
        for (double angle = -MAX_SKEW; angle <= MAX_SKEW; angle += 1) {
            tryAngle(small, threshold, angle, best);
        }
        double coarse = best[0];
        for (double angle = coarse - 0.75; angle <= coarse + 0.75; angle += 0.25) {
            tryAngle(small, threshold, angle, best);
        }
        // a page with too little text gives a flat profile at every angle: leave it as it is
        return best[1] > straight * 1.15 && Math.abs(best[0]) >= 0.5 ? best[0] : 0;
    }

    private static void tryAngle(BufferedImage small, int threshold, double angle, double[] best) {
        if (angle == 0) {
            return;
        }
        double score = sharpness(rowInk(rotated(small, -angle), threshold));
        if (score > best[1]) {
            best[0] = angle;
            best[1] = score;
        }
    }

    /** The image turned clockwise by {@code degrees} about its centre, the corners filled white; same size. */
    static BufferedImage rotated(BufferedImage grey, double degrees) {
        BufferedImage turned = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = turned.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grey.getWidth(), grey.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), grey.getWidth() / 2.0, grey.getHeight() / 2.0);
        g.drawImage(grey, 0, 0, null);
        g.dispose();
        return turned;
    }

    /** The image turned clockwise by a multiple of 90 degrees, width and height swapped for 90 and 270. */
    public static BufferedImage turned(BufferedImage grey, int degrees) {
        boolean sideways = degrees % 180 != 0;
        int width = sideways ? grey.getHeight() : grey.getWidth();
        int height = sideways ? grey.getWidth() : grey.getHeight();
        BufferedImage turned = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = turned.createGraphics();
        g.translate(width / 2.0, height / 2.0);
        g.rotate(Math.toRadians(degrees));
        g.translate(-grey.getWidth() / 2.0, -grey.getHeight() / 2.0);
        g.drawImage(grey, 0, 0, null);
        g.dispose();
        return turned;
    }

    static BufferedImage scaled(BufferedImage grey, double factor) {
        int width = Math.max(1, (int) Math.round(grey.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(grey.getHeight() * factor));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, factor > 1
                ? RenderingHints.VALUE_INTERPOLATION_BICUBIC : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(grey, 0, 0, width, height, null);
        g.dispose();
        return scaled;
    }

    /** Dark pixels (below the threshold) per row. */
    private static int[] rowInk(BufferedImage grey, int threshold) {
        Raster raster = grey.getRaster();
        int width = grey.getWidth();
        int[] row = new int[width];
        int[] ink = new int[grey.getHeight()];
        for (int y = 0; y < ink.length; y++) {
            raster.getSamples(0, y, width, 1, 0, row);
            int count = 0;
            for (int value : row) {
                if (value < threshold) {
                    count++;
                }
            }
            ink[y] = count;
        }
        return ink;
    }

    private static double sharpness(int[] ink) {
        double sum = 0;
        for (int y = 1; y < ink.length; y++) {
            double d = ink[y] - ink[y - 1];
            sum += d * d;
        }
        return sum;
    }

    /** Otsu's threshold of the grey histogram: the split that best separates ink from paper. */
    static int otsu(BufferedImage grey) {
        long[] histogram = new long[256];
        Raster raster = grey.getRaster();
        int[] row = new int[grey.getWidth()];
        for (int y = 0; y < grey.getHeight(); y++) {
            raster.getSamples(0, y, row.length, 1, 0, row);
            for (int value : row) {
                histogram[value]++;
            }
        }
        long total = (long) grey.getWidth() * grey.getHeight();
        double sumAll = 0;
        for (int i = 0; i < 256; i++) {
            sumAll += i * (double) histogram[i];
        }
        double sumBelow = 0;
        long below = 0;
        double bestVariance = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            below += histogram[t];
            if (below == 0) {
                continue;
            }
            long above = total - below;
            if (above == 0) {
                break;
            }
            sumBelow += t * (double) histogram[t];
            double meanBelow = sumBelow / below;
            double meanAbove = (sumAll - sumBelow) / above;
            double variance = (double) below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (variance > bestVariance) {
                bestVariance = variance;
                threshold = t + 1;
            }
        }
        return threshold;
    }
}
