package io.docflow.ocr;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.docflow.config.DocflowProperties;
import io.docflow.extract.ExtractionSettings;
import io.docflow.extract.TextExtractor;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.textract.TextractClient;
import software.amazon.awssdk.services.textract.TextractClientBuilder;
import software.amazon.awssdk.services.textract.model.InternalServerErrorException;
import software.amazon.awssdk.services.textract.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.textract.model.ThrottlingException;

/** The OCR engine chosen by {@code docflow.ocr.engine}, its bounded pool, and {@link DocumentOcr}. */
@Configuration(proxyBeanMethods = false)
public class OcrConfiguration {

    @Bean
    OcrSettings ocrSettings(DocflowProperties properties) {
        return properties.ocr();
    }

    /** With OCR off no engine is checked or called; Tesseract is checked at start-up (command, languages). */
    @Bean
    OcrEngine ocrEngine(OcrSettings settings, ObjectProvider<TextractClient> textract, DocflowProperties properties) {
        return engine(settings, textract, properties.startup().backgroundInit());
    }

    /** @param background run the Tesseract check on a thread of its own (docflow.startup.background-init) */
    OcrEngine engine(OcrSettings settings, ObjectProvider<TextractClient> textract, boolean background) {
        if (!settings.enabled()) {
            return new DisabledEngine();
        }
        return switch (settings.engine()) {
            case TESSERACT -> new TesseractEngine(settings, background);
            case TEXTRACT -> new TextractEngine(textract.getObject(), textractBreaker(settings.textract().breaker()));
        };
    }

    /**
     * The Tesseract check started in the background must have passed before docflow reports ready: thrown here, a
     * failed check fails the start as it did when it ran in the constructor (readiness is published after this event).
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> ocrEngineCheck(OcrEngine ocrEngine) {
        return event -> {
            if (ocrEngine instanceof TesseractEngine tesseract) {
                tesseract.awaitCheck();
            }
        };
    }

    /** OCR threads: each runs one engine call (a tesseract process on one CPU) at a time. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService ocrPool(OcrSettings settings) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread thread = new Thread(r, "docflow-ocr-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Bean
    DocumentOcr documentOcr(OcrSettings settings, OcrEngine ocrEngine, ExecutorService ocrPool, TextExtractor extractor,
                            ExtractionSettings extraction, PageRenderer pageRenderer) {
        return new DocumentOcr(settings, ocrEngine, ocrPool, extractor, extraction, pageRenderer);
    }

    /**
     * Only with {@code docflow.ocr.engine=textract}. The SDK retries throttling, 5xx and I/O errors itself (standard
     * mode, {@code docflow.ocr.textract.max-attempts} attempts); the per-page time limit is set on each call.
     */
    @Bean
    @ConditionalOnProperty(name = "docflow.ocr.engine", havingValue = "textract")
    TextractClient textractClient(DocflowProperties properties) {
        var aws = properties.aws();
        var textract = properties.ocr().textract();
        TextractClientBuilder builder = TextractClient.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o
                        .apiCallAttemptTimeout(properties.ocr().pageTimeout())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(textract.maxAttempts()).build()));
        if (aws.region() != null && !aws.region().isBlank()) {
            builder.region(Region.of(aws.region()));
        }
        if (textract.endpoint() != null) {
            builder.endpointOverride(textract.endpoint());
        }
        return builder.build();
    }

    /** Counts only the engine being unavailable (throttling, 5xx, I/O), never a page it refused. */
    private static CircuitBreaker textractBreaker(DocflowProperties.Breaker settings) {
        return CircuitBreaker.of("ocr-textract", CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .slowCallRateThreshold(settings.slowCallRateThreshold())
                .slowCallDurationThreshold(settings.slowCallDuration())
                .recordException(e -> e instanceof ThrottlingException || e instanceof ProvisionedThroughputExceededException
                        || e instanceof InternalServerErrorException || e instanceof SdkClientException)
                .build());
    }

    /** docflow.ocr.enabled=false: DocumentOcr never calls it. */
    private static final class DisabledEngine implements OcrEngine {

        @Override
        public String name() {
            return "none";
        }

        @Override
        public PageRead read(java.nio.file.Path image, int dpi, java.time.Duration timeout) {
            throw new IllegalStateException("OCR is off (docflow.ocr.enabled=false)");
        }
    }
}
