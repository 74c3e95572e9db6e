package io.docflow.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders pages in the JVM it runs in: PDF pages with PDFBox (grayscale), image frames with ImageIO. A page's size is
 * checked against the pixel limit from the PDF's crop box or the image's header, before anything is decoded. The
 * decoded page is normalised ({@link PageNormaliser}) and, with Tesseract, turned upright by its orientation pass. This is
 * what a parser worker runs; docflow runs it itself only when parsing is not isolated. The timeout is not enforced
 * here: a worker is killed when it runs out, and in-process rendering is bounded by the document's OCR deadline only.
 */
public class InProcessPageRenderer implements PageRenderer {

    private static final String PDF = "application/pdf";

    @Override
    public RenderedPage render(Path document, String contentType, int page, int dpi, long maxPixels,
                               Preparation preparation, Path png, Duration timeout) {
        try {
            Decoded decoded = PDF.equals(contentType) ? pdfPage(document, page, dpi, maxPixels)
                    : imageFrame(document, contentType, page, maxPixels);
            return decoded.image() == null ? decoded.outcome() : prepared(decoded, maxPixels, preparation, png);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the image of page " + page + " to " + png, e);
        }
    }

    /** A decoded page, or (image null) why it was not decoded. */
    private record Decoded(BufferedImage image, RenderedPage outcome) {

        static Decoded leftOut(int pages, LeftOut why, String reason) {
            return new Decoded(null, RenderedPage.leftOut(pages, why, reason));
        }
    }

    /**
     * The decoded page normalised (PageNormaliser), written as a grey PNG, then, with Tesseract's orientation pass,
     * turned upright and written again: the PNG the engine gets is the page it should read.
     */
    private static RenderedPage prepared(Decoded decoded, long maxPixels, Preparation preparation, Path png)
            throws IOException {
        PageNormaliser.Normalised page = PageNormaliser.normalise(decoded.image(), maxPixels, preparation.deskew());
        ImageIO.write(page.image(), "png", png.toFile());
        int rotation = 0;
        String script = null;
        if (preparation.orientation() != null) {
            String osd = OrientationDetection.run(preparation.orientation(), png);
            rotation = Orientation.rotation(osd);
            script = Orientation.script(osd);
            if (rotation != 0) {
                ImageIO.write(PageNormaliser.turned(page.image(), rotation), "png", png.toFile());
            }
        }
        return new RenderedPage(decoded.outcome().pages(), null, null, page.scale(), page.deskewed(), rotation, script);
    }

    private static Decoded pdfPage(Path document, int page, int dpi, long maxPixels) throws IOException {
        PDDocument pdf;
        try {
            pdf = Loader.loadPDF(document.toFile());
        } catch (IOException | RuntimeException e) {
            return Decoded.leftOut(0, LeftOut.UNREADABLE_IMAGE, "the PDF cannot be opened for rendering: " + e.getMessage());
        }
        try (pdf) {
            int pages = pdf.getNumberOfPages();
            if (page > pages) {
                return Decoded.leftOut(pages, LeftOut.UNREADABLE_IMAGE, "the PDF has no page " + page);
            }
            PDRectangle box = pdf.getPage(page - 1).getCropBox();
            long width = Math.round(box.getWidth() / 72 * dpi);
            long height = Math.round(box.getHeight() / 72 * dpi);
            String tooLarge = tooLarge(width, height, maxPixels, " at " + dpi + " dpi");
            if (tooLarge != null) {
                return Decoded.leftOut(pages, LeftOut.IMAGE_TOO_LARGE, tooLarge);
            }
            BufferedImage image;
            try {
                image = new PDFRenderer(pdf).renderImageWithDPI(page - 1, dpi, ImageType.GRAY);
            } catch (IOException | RuntimeException e) {
                return Decoded.leftOut(pages, LeftOut.UNREADABLE_IMAGE, "the page cannot be rendered: " + e.getMessage());
            }
            return new Decoded(image, RenderedPage.written(pages));
        }
    }

    private static Decoded imageFrame(Path document, String contentType, int frame, long maxPixels)
            throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(document.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return Decoded.leftOut(1, LeftOut.UNREADABLE_IMAGE, contentType + " cannot be decoded for OCR");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                // only TIFF frames are pages; the other frames of a GIF are an animation
                int frames = "image/tiff".equals(contentType) ? frameCount(reader) : 1;
                int index = frame - 1;
                BufferedImage image;
                try {
                    String tooLarge = tooLarge(reader.getWidth(index), reader.getHeight(index), maxPixels, "");
                    if (tooLarge != null) {
                        return Decoded.leftOut(frames, LeftOut.IMAGE_TOO_LARGE, tooLarge);
                    }
                    image = reader.read(index);
                } catch (IOException | RuntimeException e) {
                    return Decoded.leftOut(frames, LeftOut.UNREADABLE_IMAGE, "frame " + frame + " cannot be decoded: " + e.getMessage());
                }
                return new Decoded(image, RenderedPage.written(frames));
            } finally {
                reader.dispose();
            }
        }
    }

    /** Why a page of this size is left out; null when it is within the limit. */
    private static String tooLarge(long width, long height, long maxPixels, String at) {
        long pixels = width * height;
        return pixels <= maxPixels ? null : width + "x" + height + at + " = " + pixels
                + " pixels, more than docflow.ocr.max-image-pixels (" + maxPixels + ")";
    }

    /** A TIFF's frame count; 1 when the file does not say (reading frame 1 then reports what is wrong). */
    private static int frameCount(ImageReader reader) {
        try {
            return Math.max(1, reader.getNumImages(true));
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }
}
