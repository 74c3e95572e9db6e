package io.docflow.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import javax.imageio.ImageIO;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.textract.TextractClient;
import software.amazon.awssdk.services.textract.model.BadDocumentException;
import software.amazon.awssdk.services.textract.model.Block;
import software.amazon.awssdk.services.textract.model.BlockType;
import software.amazon.awssdk.services.textract.model.DetectDocumentTextRequest;
import software.amazon.awssdk.services.textract.model.DetectDocumentTextResponse;
import software.amazon.awssdk.services.textract.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.textract.model.ThrottlingException;
import software.amazon.awssdk.services.textract.model.UnsupportedDocumentException;

class TextractEngineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final List<DetectDocumentTextRequest> requests = new ArrayList<>();

    /** A Textract client that answers DetectDocumentText with {@code answer} and records the requests. */
    private TextractClient textract(Function<DetectDocumentTextRequest, DetectDocumentTextResponse> answer) {
        return new TextractClient() {
            @Override
            public DetectDocumentTextResponse detectDocumentText(DetectDocumentTextRequest request) {
                requests.add(request);
                return answer.apply(request);
            }

            @Override
            public String serviceName() {
                return "textract";
            }

            @Override
            public void close() {
            }
        };
    }

    private TextractClient failing(RuntimeException error) {
        return textract(request -> {
            throw error;
        });
    }

    private static Block line(String text) {
        return Block.builder().blockType(BlockType.LINE).text(text).build();
    }

    private static Block word(String text, float confidence) {
        return Block.builder().blockType(BlockType.WORD).text(text).confidence(confidence).build();
    }

    private static final DetectDocumentTextResponse INVOICE = DetectDocumentTextResponse.builder().blocks(
            Block.builder().blockType(BlockType.PAGE).build(),
            line("ACME Ltd"), word("ACME", 90f), word("Ltd", 80f),
            line("Total: 5"), word("Total:", 100f), word("5", 50f)).build();

    private Path png(int width, int height, boolean noise) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        if (noise) {
            Random random = new Random(42);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    image.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
        }
        Path file = dir.resolve("page-" + width + ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static TextractEngine engine(TextractClient client) {
        return new TextractEngine(client, CircuitBreaker.ofDefaults("ocr-textract-test"));
    }

    @Test
    void linesBecomeTextAndWordsGiveALengthWeightedConfidence() {
        PageRead read = TextractEngine.text(INVOICE);

        assertThat(read.text()).isEqualTo("ACME Ltd\nTotal: 5\n");
        // (4*90 + 3*80 + 6*100 + 1*50) / 14
        assertThat(read.confidence()).isEqualTo(1250.0 / 14);
    }

    @Test
    void aPageWithoutWordsHasNoTextAndNoConfidence() {
        PageRead read = TextractEngine.text(DetectDocumentTextResponse.builder()
                .blocks(Block.builder().blockType(BlockType.PAGE).build()).build());

        assertThat(read.text()).isEmpty();
        assertThat(read.confidence()).isNull();
        assertThat(read.readable()).isFalse();
    }

    @Test
    void blocksWithoutTextOrConfidenceAreIgnored() {
        PageRead read = TextractEngine.text(DetectDocumentTextResponse.builder().blocks(
                Block.builder().blockType(BlockType.LINE).build(),
                Block.builder().blockType(BlockType.WORD).text("x").build(),
                line("y"), word("y", 70f)).build());

        assertThat(read.text()).isEqualTo("y\n");
        assertThat(read.confidence()).isEqualTo(70.0);
    }

    @Test
    void sendsThePageBytesWithThePageTimeout() throws Exception {
        Path page = png(20, 10, false);

        PageRead read = engine(textract(request -> INVOICE)).read(page, 300, TIMEOUT);

        assertThat(read.text()).startsWith("ACME Ltd");
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).document().bytes().asByteArray()).isEqualTo(Files.readAllBytes(page));
        assertThat(requests.get(0).overrideConfiguration().orElseThrow().apiCallTimeout()).contains(TIMEOUT);
    }

    @Test
    void aPngOverTextractsLimitIsSentAsJpeg() throws Exception {
        Path page = png(1400, 1400, true);
        assertThat(Files.size(page)).isGreaterThan(TextractEngine.MAX_BYTES);

        engine(textract(request -> INVOICE)).read(page, 300, TIMEOUT);

        byte[] sent = requests.get(0).document().bytes().asByteArray();
        assertThat(sent.length).isLessThanOrEqualTo(TextractEngine.MAX_BYTES);
        assertThat(sent[0] & 0xFF).isEqualTo(0xFF);
        assertThat(sent[1] & 0xFF).isEqualTo(0xD8); // JPEG start of image
    }

    @Test
    void aPageTextractRefusesIsLeftOutWithItsReason() throws IOException {
        Path page = png(20, 10, false);
        BadDocumentException refused = BadDocumentException.builder().message("bad")
                .awsErrorDetails(AwsErrorDetails.builder().errorMessage("Request has invalid image format").build()).build();

        for (RuntimeException error : new RuntimeException[] {refused, UnsupportedDocumentException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorMessage("Request has unsupported document format").build())
                .build()}) {
            assertThatThrownBy(() -> engine(failing(error)).read(page, 0, TIMEOUT))
                    .isInstanceOfSatisfying(OcrPageException.class,
                            e -> assertThat(e.leftOut()).isEqualTo(LeftOut.ENGINE_REJECTED))
                    .hasMessageStartingWith("Textract refused the page: Request has ");
        }
    }

    @Test
    void aPageThatTakesTooLongIsLeftOutAsTimedOut() throws IOException {
        Path page = png(20, 10, false);

        assertThatThrownBy(() -> engine(failing(ApiCallTimeoutException.create(20_000))).read(page, 0, TIMEOUT))
                .isInstanceOfSatisfying(OcrPageException.class, e -> assertThat(e.leftOut()).isEqualTo(LeftOut.PAGE_TIMEOUT))
                .hasMessage("Textract took longer than docflow.ocr.page-timeout (PT20S)");
    }

    @Test
    void throttlingAndServiceErrorsMakeOcrUnavailableNotThePageBad() throws IOException {
        Path page = png(20, 10, false);

        for (RuntimeException error : new RuntimeException[] {
                ThrottlingException.builder().message("Rate exceeded").build(),
                ProvisionedThroughputExceededException.builder().message("Throughput").build(),
                SdkClientException.create("Connection refused")}) {
            assertThatThrownBy(() -> engine(failing(error)).read(page, 0, TIMEOUT))
                    .isInstanceOf(OcrUnavailableException.class)
                    .hasMessageStartingWith("Textract is unavailable after the SDK's retries: ")
                    .hasCause(error);
        }
    }

    @Test
    void anOpenBreakerMakesOcrUnavailableWithoutCallingTextract() throws IOException {
        Path page = png(20, 10, false);
        CircuitBreaker breaker = CircuitBreaker.ofDefaults("ocr-textract-open");
        breaker.transitionToForcedOpenState();

        assertThatThrownBy(() -> new TextractEngine(textract(request -> INVOICE), breaker).read(page, 0, TIMEOUT))
                .isInstanceOf(OcrUnavailableException.class)
                .hasMessageContaining("circuit breaker is open");
        assertThat(requests).isEmpty();
    }

    @Test
    void aMissingImageIsAnIoError() {
        assertThatThrownBy(() -> engine(textract(request -> INVOICE)).read(dir.resolve("absent.png"), 0, TIMEOUT))
                .isInstanceOf(IOException.class);
        assertThat(requests).isEmpty();
    }

    @Test
    void itsNameIsTextract() {
        assertThat(engine(textract(request -> INVOICE)).name()).isEqualTo("textract");
    }
}
