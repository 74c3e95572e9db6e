package io.docflow.ocr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.textract.TextractClient;
import software.amazon.awssdk.services.textract.model.BadDocumentException;
import software.amazon.awssdk.services.textract.model.Block;
import software.amazon.awssdk.services.textract.model.BlockType;
import software.amazon.awssdk.services.textract.model.DetectDocumentTextRequest;
import software.amazon.awssdk.services.textract.model.DetectDocumentTextResponse;
import software.amazon.awssdk.services.textract.model.DocumentTooLargeException;
import software.amazon.awssdk.services.textract.model.InternalServerErrorException;
import software.amazon.awssdk.services.textract.model.InvalidParameterException;
import software.amazon.awssdk.services.textract.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.textract.model.ThrottlingException;
import software.amazon.awssdk.services.textract.model.UnsupportedDocumentException;

/**
 * OCR with Amazon Textract's synchronous DetectDocumentText, one call per page image (the bytes are sent, so no S3
 * access is needed). Text is the LINE blocks in order; the confidence is the WORD blocks' mean, weighted by length.
 * <p>
 * Who retries what: the SDK retries throttling, 5xx and I/O errors (standard mode,
 * {@code docflow.ocr.textract.max-attempts} attempts in all). When those are spent, or the breaker around the calls
 * is open, the document is parked ({@link OcrUnavailableException}) and comes back later. A page Textract refuses
 * (bad, unsupported, too large) is left out with Textract's reason; the breaker does not count those.
 */
final class TextractEngine implements OcrEngine {

    /** Textract's limit for document bytes sent in the request. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final TextractClient client;
    private final CircuitBreaker breaker;

    TextractEngine(TextractClient client, CircuitBreaker breaker) {
        this.client = client;
        this.breaker = breaker;
    }

    @Override
    public String name() {
        return "textract";
    }

    @Override
    public PageRead read(Path image, int dpi, Duration timeout) throws IOException {
        byte[] bytes = withinLimit(image);
        DetectDocumentTextRequest request = DetectDocumentTextRequest.builder()
                .document(d -> d.bytes(SdkBytes.fromByteArray(bytes)))
                .overrideConfiguration(o -> o.apiCallTimeout(timeout))
                .build();
        DetectDocumentTextResponse response;
        try {
            response = breaker.executeSupplier(() -> client.detectDocumentText(request));
        } catch (CallNotPermittedException e) {
            throw new OcrUnavailableException("Textract's circuit breaker is open after repeated failures; "
                    + "the document waits and tries again", e);
        } catch (BadDocumentException | UnsupportedDocumentException | DocumentTooLargeException
                 | InvalidParameterException e) {
            throw new OcrPageException(LeftOut.ENGINE_REJECTED, "Textract refused the page: " + e.awsErrorDetails().errorMessage());
        } catch (ApiCallTimeoutException e) {
            throw new OcrPageException(LeftOut.PAGE_TIMEOUT, "Textract took longer than docflow.ocr.page-timeout (" + timeout + ")");
        } catch (ThrottlingException | ProvisionedThroughputExceededException | InternalServerErrorException
                 | SdkClientException e) {
            throw new OcrUnavailableException("Textract is unavailable after the SDK's retries: " + e.getMessage(), e);
        }
        return text(response);
    }

    static PageRead text(DetectDocumentTextResponse response) {
        StringBuilder text = new StringBuilder();
        double weighted = 0;
        long characters = 0;
        int[] rotations = new int[4];
        for (Block block : response.blocks()) {
            if (block.blockType() == BlockType.LINE && block.text() != null) {
                text.append(block.text()).append('\n');
            } else if (block.blockType() == BlockType.WORD && block.text() != null && block.confidence() != null) {
                weighted += block.confidence() * block.text().length();
                characters += block.text().length();
                int rotation = rotation(block);
                if (rotation >= 0) {
                    rotations[rotation / 90] += block.text().length();
                }
            }
        }
        int rotation = 0;
        for (int quarter = 1; quarter < 4; quarter++) {
            if (rotations[quarter] > rotations[rotation / 90]) {
                rotation = quarter * 90;
            }
        }
        return new PageRead(text.toString(), characters == 0 ? null : weighted / characters, rotation);
    }

    /**
     * Degrees the page must be turned clockwise for the word to stand upright, to the nearest quarter turn, or -1 when
     * its geometry does not say. Textract reads turned pages as they are and gives each word's polygon starting at the
     * word's own top left, in reading order: the direction from the first point to the second is the direction of its
     * text (running up the page: the page needs a quarter turn clockwise).
     */
    static int rotation(Block word) {
        if (word.geometry() == null || word.geometry().polygon() == null || word.geometry().polygon().size() < 2) {
            return -1;
        }
        var first = word.geometry().polygon().get(0);
        var second = word.geometry().polygon().get(1);
        // image y grows downwards, so atan2(dy, dx) is the clockwise angle from the x axis
        double degrees = Math.toDegrees(Math.atan2(second.y() - first.y(), second.x() - first.x()));
        int direction = (int) ((Math.round(degrees / 90) * 90 + 360) % 360);
        return (360 - direction) % 360;
    }

    /** The page's PNG, or the page as a JPEG when the PNG is over Textract's limit; over it still: left out. */
    private static byte[] withinLimit(Path image) throws IOException {
        if (Files.size(image) <= MAX_BYTES) {
            return Files.readAllBytes(image);
        }
        BufferedImage picture = ImageIO.read(image.toFile());
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(jpeg)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(picture, null, null), param);
        } finally {
            writer.dispose();
        }
        if (jpeg.size() > MAX_BYTES) {
            throw new OcrPageException(LeftOut.IMAGE_TOO_LARGE, "the page image has " + jpeg.size()
                    + " bytes even as JPEG, more than Textract's " + MAX_BYTES + " for DetectDocumentText");
        }
        return jpeg.toByteArray();
    }
}
