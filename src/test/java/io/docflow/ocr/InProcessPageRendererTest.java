package io.docflow.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessPageRendererTest {

    private static final Duration ANY = Duration.ofSeconds(30);
    private final InProcessPageRenderer renderer = new InProcessPageRenderer();

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void aPdfPageIsRenderedInGrayAtTheResolutionAsked() throws IOException {
        Path pdf = file("scan.pdf", Scans.imagePdf(List.of(Scans.page(List.of("one"), 100), Scans.page(List.of("two"), 100))));
        Path png = dir.resolve("page-2.png");

        PageRenderer.RenderedPage page = renderer.render(pdf, "application/pdf", 2, 100, 10_000_000, PageRenderer.Preparation.NORMALISED, png, ANY);

        assertThat(page).isEqualTo(PageRenderer.RenderedPage.written(2));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(image.getWidth()).isPositive();
    }

    @Test
    void aPdfPageOverThePixelLimitAtItsResolutionIsLeftOutUnrendered() throws IOException {
        Path pdf = file("scan.pdf", Scans.imagePdf(List.of(Scans.page(List.of("one"), 100))));
        Path png = dir.resolve("page-1.png");

        PageRenderer.RenderedPage page = renderer.render(pdf, "application/pdf", 1, 600, 1_000_000, PageRenderer.Preparation.NORMALISED, png, ANY);

        assertThat(page.leftOut()).isEqualTo(LeftOut.IMAGE_TOO_LARGE);
        assertThat(page.reason()).contains(" at 600 dpi = ").endsWith("more than docflow.ocr.max-image-pixels (1000000)");
        assertThat(page.pages()).isEqualTo(1);
        assertThat(png).doesNotExist();
    }

    @Test
    void aPageThePdfDoesNotHaveIsLeftOutSayingSo() throws IOException {
        Path pdf = file("scan.pdf", Scans.imagePdf(List.of(Scans.page(List.of("one"), 100))));

        PageRenderer.RenderedPage page = renderer.render(pdf, "application/pdf", 3, 100, 10_000_000, PageRenderer.Preparation.NORMALISED, dir.resolve("p.png"), ANY);

        assertThat(page).isEqualTo(PageRenderer.RenderedPage.leftOut(1, LeftOut.UNREADABLE_IMAGE, "the PDF has no page 3"));
    }

    @Test
    void eachFrameOfATiffIsAPageAndTheFirstAnswerCountsThem() throws IOException {
        Path tiff = file("copier.tif", Scans.multipageTiff(List.of(Scans.page(List.of("a"), 100), Scans.page(List.of("b"), 100))));

        PageRenderer.RenderedPage second = renderer.render(tiff, "image/tiff", 2, 0, 10_000_000, PageRenderer.Preparation.NORMALISED, dir.resolve("f2.png"), ANY);

        assertThat(second).isEqualTo(PageRenderer.RenderedPage.written(2));
        assertThat(ImageIO.read(dir.resolve("f2.png").toFile()).getWidth()).isPositive();
    }

    @Test
    void anImageTooLargeIsLeftOutFromItsHeaderAndBytesNoDecoderKnowsAreUnreadable() throws IOException {
        Path png = file("big.png", Scans.encode(Scans.blank(2000, 1000), "png"));
        Path noise = file("noise.webp", new byte[] {'R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'E', 'B', 'P'});

        PageRenderer.RenderedPage big = renderer.render(png, "image/png", 1, 0, 1_000_000, PageRenderer.Preparation.NORMALISED, dir.resolve("b.png"), ANY);
        PageRenderer.RenderedPage unreadable = renderer.render(noise, "image/webp", 1, 0, 1_000_000, PageRenderer.Preparation.NORMALISED, dir.resolve("n.png"), ANY);

        assertThat(big).isEqualTo(PageRenderer.RenderedPage.leftOut(1, LeftOut.IMAGE_TOO_LARGE,
                "2000x1000 = 2000000 pixels, more than docflow.ocr.max-image-pixels (1000000)"));
        assertThat(unreadable).isEqualTo(PageRenderer.RenderedPage.leftOut(1, LeftOut.UNREADABLE_IMAGE,
                "image/webp cannot be decoded for OCR"));
    }
}
