package io.docflow.ocr;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.docflow.config.DocflowProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How scans and images are read, bound from {@code docflow.ocr.*} (every key: docs/ocr.md).
 *
 * @param enabled                false: nothing is OCR'd, scans end FAILED {@code NO_TEXT}
 * @param engine                 {@code tesseract} (local, in the container) or {@code textract} (Amazon Textract)
 * @param languages              Tesseract language codes besides English, which is always read, e.g. {@code deu};
 *                               an entry may join several with '+' as Tesseract does ({@code eng+deu+fra})
 * @param detectOrientation      Tesseract: detect page orientation and script ({@code --psm 0}) and turn the page
 *                               upright, when {@code osd.traineddata} is installed
 * @param deskew                 straighten pages scanned up to 15° askew before they are read (Tesseract's layout
 *                               analysis copes with a few degrees by itself)
 * @param dpi                    resolution PDF pages are rendered at for OCR
 * @param maxPages               pages OCR'd per document, at most; later ones are left out and the result says so
 * @param maxImagePixels         an image frame or rendered page larger than this (width × height) is left out
 * @param minPageCharacters      a PDF page whose text layer has fewer non-blank characters is OCR'd
 * @param pageTimeout            one page's OCR, at most; a slower page is left out ({@code PAGE_TIMEOUT})
 * @param documentTimeout        one document's OCR, at most; pages not read by then are left out
 * @param threads                OCR work runs on a pool of this many threads (one engine process each)
 * @param maxConcurrentDocuments documents OCR'd at once per pod; below the ingest consumers, so text documents
 *                               always find a free consumer
 * @param slotWait               how long a document waits for an OCR slot before it is parked on the queue
 * @param reviewBelow            mean OCR confidence (0-100) below which a document goes to NEEDS_REVIEW; 0: never
 */
public record OcrSettings(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("tesseract") Engine engine,
        @NotNull @DefaultValue("eng") List<String> languages,
        @DefaultValue("true") boolean detectOrientation,
        @DefaultValue("false") boolean deskew,
        @Min(50) @Max(1200) @DefaultValue("300") int dpi,
        @Min(1) @DefaultValue("50") int maxPages,
        @Min(1) @DefaultValue("40000000") long maxImagePixels,
        @Min(0) @DefaultValue("16") int minPageCharacters,
        @NotNull @DefaultValue("60s") Duration pageTimeout,
        @NotNull @DefaultValue("180s") Duration documentTimeout,
        @Min(1) @DefaultValue("2") int threads,
        @Min(1) @DefaultValue("2") int maxConcurrentDocuments,
        @NotNull @DefaultValue("10s") Duration slotWait,
        @DecimalMin("0") @DecimalMax("100") @DefaultValue("60") double reviewBelow,
        @Valid @NotNull @DefaultValue Tesseract tesseract,
        @Valid @NotNull @DefaultValue Textract textract) {

    public enum Engine {
        TESSERACT, TEXTRACT;

        /** The name results and reasons use: {@code tesseract}, {@code textract}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param command  the tesseract executable, on the PATH or absolute
     * @param dataPath where the {@code *.traineddata} files are (TESSDATA_PREFIX); empty: Tesseract's own default
     */
    public record Tesseract(
            @NotBlank @DefaultValue("tesseract") String command,
            @NotNull @DefaultValue("") String dataPath) {
    }

    /**
     * Amazon Textract DetectDocumentText, one call per page. The SDK retries throttling and 5xx errors
     * ({@code maxAttempts} in all); the breaker then stops calling for a while and documents are parked meanwhile.
     *
     * @param endpoint override (local mode, tests); unset: the regional endpoint
     */
    public record Textract(
            URI endpoint,
            @Min(1) @DefaultValue("3") int maxAttempts,
            @Valid @NotNull @DefaultValue DocflowProperties.Breaker breaker) {
    }

    /** English first, then the configured languages, each once: Tesseract's {@code -l} value is them joined by '+'. */
    public List<String> effectiveLanguages() {
        Set<String> all = new LinkedHashSet<>();
        all.add("eng");
        for (String entry : languages) {
            for (String language : entry == null ? new String[0] : entry.split("[+,\\s]+")) {
                if (!language.isBlank()) {
                    all.add(language.strip());
                }
            }
        }
        return List.copyOf(all);
    }

    public static OcrSettings defaults() {
        return new OcrSettings(true, Engine.TESSERACT, List.of("eng"), true, false, 300, 50, 40_000_000L, 16,
                Duration.ofSeconds(60), Duration.ofSeconds(180), 2, 2, Duration.ofSeconds(10), 60,
                new Tesseract("tesseract", ""), new Textract(null, 3, new DocflowProperties.Breaker(50, 20, 5,
                Duration.ofSeconds(30), 2, 80, Duration.ofSeconds(60))));
    }
}
