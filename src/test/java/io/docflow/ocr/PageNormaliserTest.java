package io.docflow.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** The normalisation steps on generated pages, without Tesseract, Spring or Camel. */
class PageNormaliserTest {

    private static final long MAX_PIXELS = 40_000_000;

    @Test
    void transparentPaperBecomesWhiteAndTheInkStaysBlack() {
        BufferedImage page = Photos.transparentPage(Scans.page(List.of("Total: $1.00"), 100));
        assertThat(page.getType()).isEqualTo(BufferedImage.TYPE_CUSTOM);

        BufferedImage grey = PageNormaliser.grey(page);

        assertThat(grey.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(grey.getRaster().getSample(5, 5, 0)).isEqualTo(255);
        assertThat(darkest(grey)).isLessThan(40);
    }

    @Test
    void colourBecomesItsLuma() {
        BufferedImage colour = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        colour.setRGB(0, 0, 0xff0000);
        colour.setRGB(1, 0, 0x404040);

        BufferedImage grey = PageNormaliser.grey(colour);

        assertThat(grey.getRaster().getSample(0, 0, 0)).isEqualTo(76);
        // Java2D's own conversion goes through linear light and would give 0x40 as about 99
        assertThat(grey.getRaster().getSample(1, 0, 0)).isEqualTo(64);
    }

    @Test
    void aPhotoWithSmallTextIsEnlargedAndAPrintedPageIsNot() throws IOException {
        BufferedImage photo = ImageIO.read(new ByteArrayInputStream(
                Photos.photographed(Photos.printedReceipt(Photos.receipt("19.49"), 200), 380, 570)));
        BufferedImage scan = Scans.page(Scans.invoice("INV-1", "1.00"), 200);

        PageNormaliser.Normalised enlarged = PageNormaliser.normalise(photo, MAX_PIXELS, false);
        PageNormaliser.Normalised kept = PageNormaliser.normalise(scan, MAX_PIXELS, false);

        assertThat(PageNormaliser.glyphHeight(PageNormaliser.grey(photo))).isBetween(8, PageNormaliser.SMALL_TEXT - 1);
        assertThat(enlarged.scale()).isBetween(1.2, PageNormaliser.MAX_SCALE);
        assertThat(enlarged.image().getWidth()).isEqualTo((int) Math.round(380 * enlarged.scale()));
        assertThat(PageNormaliser.glyphHeight(enlarged.image())).isBetween(PageNormaliser.SMALL_TEXT, 30);
        assertThat(kept.scale()).isEqualTo(1);
        assertThat(kept.image().getWidth()).isEqualTo(scan.getWidth());
    }

    @Test
    void upscalingStaysWithinThePixelLimitAndMaxScaleAndLeavesBlankPagesAlone() {
        assertThat(PageNormaliser.upscale(8, 1_000_000, MAX_PIXELS)).isEqualTo(3);
        assertThat(PageNormaliser.upscale(4, 1_000_000, MAX_PIXELS)).isEqualTo(PageNormaliser.MAX_SCALE);
        assertThat(PageNormaliser.upscale(8, 1_000_000, 4_000_000)).isEqualTo(2);
        assertThat(PageNormaliser.upscale(12, 1_000_000, MAX_PIXELS)).isEqualTo(2);
        assertThat(PageNormaliser.upscale(15, 1_000_000, 1_100_000)).isEqualTo(1);
        assertThat(PageNormaliser.upscale(16, 1_000_000, MAX_PIXELS)).isEqualTo(1);
        assertThat(PageNormaliser.upscale(0, 1_000_000, MAX_PIXELS)).isEqualTo(1);
        assertThat(PageNormaliser.glyphHeight(Scans.blank(800, 1000))).isZero();
        assertThat(PageNormaliser.normalise(Scans.blank(800, 1000), MAX_PIXELS, true).scale()).isEqualTo(1);
    }

    @Test
    void deskewStraightensAPageScannedAskewAndLeavesAStraightOneAlone() {
        BufferedImage skewed = Scans.page(Scans.invoice("INV-SKEW", "1.00"), 150, 6, BufferedImage.TYPE_INT_RGB);
        BufferedImage straight = Scans.page(Scans.invoice("INV-STRAIGHT", "1.00"), 150);

        PageNormaliser.Normalised deskewed = PageNormaliser.normalise(skewed, MAX_PIXELS, true);
        PageNormaliser.Normalised kept = PageNormaliser.normalise(straight, MAX_PIXELS, true);
        PageNormaliser.Normalised off = PageNormaliser.normalise(skewed, MAX_PIXELS, false);

        assertThat(deskewed.deskewed()).isCloseTo(6, within(0.5));
        assertThat(PageNormaliser.skewAngle(deskewed.image())).isZero();
        assertThat(kept.deskewed()).isZero();
        assertThat(off.deskewed()).isZero();
        assertThat(PageNormaliser.skewAngle(PageNormaliser.grey(Scans.page(Scans.invoice("INV-CCW", "1.00"), 150, -4,
                BufferedImage.TYPE_INT_RGB)))).isCloseTo(-4, within(0.5));
    }

    @Test
    void quarterTurnsKeepEveryPixel() {
        BufferedImage page = PageNormaliser.grey(Scans.page(List.of("Turn me"), 72));

        BufferedImage back = PageNormaliser.turned(PageNormaliser.turned(page, 90), 270);

        assertThat(back.getWidth()).isEqualTo(page.getWidth());
        for (int y = 0; y < page.getHeight(); y += 7) {
            for (int x = 0; x < page.getWidth(); x += 7) {
                assertThat(back.getRaster().getSample(x, y, 0)).isEqualTo(page.getRaster().getSample(x, y, 0));
            }
        }
    }

    private static int darkest(BufferedImage grey) {
        int darkest = 255;
        for (int y = 0; y < grey.getHeight(); y++) {
            for (int x = 0; x < grey.getWidth(); x++) {
                darkest = Math.min(darkest, grey.getRaster().getSample(x, y, 0));
            }
        }
        return darkest;
    }
}
