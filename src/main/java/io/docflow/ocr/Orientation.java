package io.docflow.ocr;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

/** Reads Tesseract's orientation detection ({@code --psm 0}) and turns a page image accordingly. */
final class Orientation {

    private static final Pattern ROTATE = Pattern.compile("(?m)^Rotate:\\s*(\\d+)");
    private static final Pattern CONFIDENCE = Pattern.compile("(?m)^Orientation confidence:\\s*([0-9.]+)");
    /** Below this, Tesseract's guess is noise (pages with little text); the page is read as it is. */
    static final double MIN_CONFIDENCE = 1.5;

    private Orientation() {
    }

    /** Degrees (0, 90, 180, 270) to turn the page clockwise so its text stands upright; 0 when unsure. */
    static int rotation(String osd) {
        Matcher rotate = ROTATE.matcher(osd);
        Matcher confidence = CONFIDENCE.matcher(osd);
        if (!rotate.find() || !confidence.find() || Double.parseDouble(confidence.group(1)) < MIN_CONFIDENCE) {
            return 0;
        }
        int degrees = Integer.parseInt(rotate.group(1)) % 360;
        return degrees % 90 == 0 ? degrees : 0;
    }

    /** The image turned clockwise by {@code degrees}, written next to it. */
    static Path turned(Path image, int degrees) throws IOException {
        BufferedImage source = ImageIO.read(image.toFile());
        boolean sideways = degrees % 180 != 0;
        int width = sideways ? source.getHeight() : source.getWidth();
        int height = sideways ? source.getWidth() : source.getHeight();
        BufferedImage turned = new BufferedImage(width, height,
                source.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_RGB : source.getType());
        Graphics2D g = turned.createGraphics();
        g.translate(width / 2.0, height / 2.0);
        g.rotate(Math.toRadians(degrees));
        g.translate(-source.getWidth() / 2.0, -source.getHeight() / 2.0);
        g.drawImage(source, 0, 0, null);
        g.dispose();
        Path file = image.resolveSibling("turned-" + degrees + "-" + image.getFileName());
        ImageIO.write(turned, "png", file.toFile());
        return file;
    }
}
