package io.docflow.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrientationTest {

    private static final int RED = Color.RED.getRGB() & 0xFFFFFF;

    @TempDir
    Path dir;

    private static String osd(String rotate, String confidence) {
        return "Page number: 0\nOrientation in degrees: 90\nRotate: " + rotate + "\nOrientation confidence: " + confidence
                + "\nScript: Latin\nScript confidence: 2.00\n";
    }

    @Test
    void aConfidentRotationIsTaken() {
        assertThat(Orientation.rotation(osd("90", "9.87"))).isEqualTo(90);
        assertThat(Orientation.rotation(osd("270", "3"))).isEqualTo(270);
        assertThat(Orientation.rotation(osd("0", "15.0"))).isZero();
    }

    @Test
    void theConfidenceThresholdIsInclusive() {
        assertThat(Orientation.rotation(osd("180", "1.5"))).isEqualTo(180);
        assertThat(Orientation.rotation(osd("180", "1.49"))).isZero();
    }

    @Test
    void withoutARotateOrConfidenceLineThePageIsLeftAsItIs() {
        assertThat(Orientation.rotation("")).isZero();
        assertThat(Orientation.rotation("Rotate: 90\n")).isZero();
        assertThat(Orientation.rotation("Orientation confidence: 9.0\n")).isZero();
        assertThat(Orientation.rotation("Warning. Invalid resolution 0 dpi. Using 70 instead.\n" + osd("90", "5"))).isEqualTo(90);
    }

    @Test
    void oddAnglesAreIgnoredAndFullTurnsReduced() {
        assertThat(Orientation.rotation(osd("45", "9"))).isZero();
        assertThat(Orientation.rotation(osd("450", "9"))).isEqualTo(90);
        assertThat(Orientation.rotation(osd("360", "9"))).isZero();
    }

    private Path image() throws IOException {
        BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 2; y++) {
                image.setRGB(x, y, Color.WHITE.getRGB());
            }
        }
        image.setRGB(0, 0, Color.RED.getRGB());
        Path file = dir.resolve("page-1.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static int rgb(Path file, int x, int y) throws IOException {
        return ImageIO.read(file.toFile()).getRGB(x, y) & 0xFFFFFF;
    }

    @Test
    void aQuarterTurnClockwiseSwapsWidthAndHeight() throws IOException {
        Path turned = Orientation.turned(image(), 90);

        BufferedImage result = ImageIO.read(turned.toFile());
        assertThat(result.getWidth()).isEqualTo(2);
        assertThat(result.getHeight()).isEqualTo(4);
        assertThat(rgb(turned, 1, 0)).isEqualTo(RED);
        assertThat(rgb(turned, 0, 0)).isNotEqualTo(RED);
    }

    @Test
    void halfAndThreeQuarterTurnsMoveTheCornerAccordingly() throws IOException {
        Path page = image();

        Path upsideDown = Orientation.turned(page, 180);
        assertThat(ImageIO.read(upsideDown.toFile()).getWidth()).isEqualTo(4);
        assertThat(rgb(upsideDown, 3, 1)).isEqualTo(RED);

        Path left = Orientation.turned(page, 270);
        assertThat(ImageIO.read(left.toFile()).getHeight()).isEqualTo(4);
        assertThat(rgb(left, 0, 3)).isEqualTo(RED);
    }

    @Test
    void theTurnedImageIsWrittenNextToTheOriginalWhichStaysUnchanged() throws IOException {
        Path page = image();

        Path turned = Orientation.turned(page, 90);

        assertThat(turned).isEqualTo(dir.resolve("turned-90-page-1.png"));
        assertThat(rgb(page, 0, 0)).isEqualTo(RED);
        assertThat(ImageIO.read(page.toFile()).getWidth()).isEqualTo(4);
    }
}
