package io.docflow.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

class OrientationTest {

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

    @Test
    void theScriptIsTakenWhenTesseractIsSureOfIt() {
        assertThat(Orientation.script(osd("0", "9").replace("Script confidence: 2.00", "Script confidence: 4.20")
                .replace("Latin", "Cyrillic"))).isEqualTo("Cyrillic");
        assertThat(Orientation.script(osd("0", "9").replace("Script confidence: 2.00", "Script confidence: 0.40"))).isNull();
        assertThat(Orientation.script("")).isNull();
    }

    /** 4 x 2 white, black in the top left corner. */
    private static BufferedImage image() {
        BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 2; y++) {
                image.getRaster().setSample(x, y, 0, 255);
            }
        }
        image.getRaster().setSample(0, 0, 0, 0);
        return image;
    }

    private static int grey(BufferedImage image, int x, int y) {
        return image.getRaster().getSample(x, y, 0);
    }

    @Test
    void aQuarterTurnClockwiseSwapsWidthAndHeight() {
        BufferedImage turned = PageNormaliser.turned(image(), 90);

        assertThat(turned.getWidth()).isEqualTo(2);
        assertThat(turned.getHeight()).isEqualTo(4);
        assertThat(grey(turned, 1, 0)).isZero();
        assertThat(grey(turned, 0, 0)).isEqualTo(255);
    }

    @Test
    void halfAndThreeQuarterTurnsMoveTheCornerAccordingly() {
        BufferedImage upsideDown = PageNormaliser.turned(image(), 180);
        assertThat(upsideDown.getWidth()).isEqualTo(4);
        assertThat(grey(upsideDown, 3, 1)).isZero();

        BufferedImage left = PageNormaliser.turned(image(), 270);
        assertThat(left.getHeight()).isEqualTo(4);
        assertThat(grey(left, 0, 3)).isZero();
    }
}
