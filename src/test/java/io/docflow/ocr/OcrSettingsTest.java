package io.docflow.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.docflow.config.DocflowProperties;
import io.docflow.config.DocflowStartupException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OcrSettingsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Binding.class);

    @Test
    void settingsBindFromDocflowOcrWithTheDocumentedDefaults() {
        runner.run(context -> assertThat(context.getBean(DocflowProperties.class).ocr()).isEqualTo(OcrSettings.defaults()));
        runner.withPropertyValues("docflow.ocr.engine=textract", "docflow.ocr.languages=deu,fra",
                        "docflow.ocr.textract.endpoint=http://127.0.0.1:9914", "docflow.ocr.page-timeout=5s")
                .run(context -> {
                    OcrSettings ocr = context.getBean(DocflowProperties.class).ocr();
                    assertThat(ocr.engine()).isEqualTo(OcrSettings.Engine.TEXTRACT);
                    assertThat(ocr.effectiveLanguages()).containsExactly("eng", "deu", "fra");
                    assertThat(ocr.textract().endpoint()).hasPort(9914);
                    assertThat(ocr.pageTimeout()).hasSeconds(5);
                });
    }

    @Test
    void outOfRangeValuesStopTheStart() {
        runner.withPropertyValues("docflow.ocr.dpi=10", "docflow.ocr.review-below=101")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("ocr.dpi").hasMessageContaining("ocr.reviewBelow"));
    }

    @Test
    void englishIsAlwaysReadAndListedOnce() {
        assertThat(OcrSettings.defaults().effectiveLanguages()).containsExactly("eng");
        OcrSettings d = OcrSettings.defaults();
        OcrSettings withGerman = new OcrSettings(d.enabled(), d.engine(), List.of("deu", "eng", " "), d.detectOrientation(), d.deskew(),
                d.dpi(), d.maxPages(), d.maxImagePixels(), d.minPageCharacters(), d.pageTimeout(), d.documentTimeout(),
                d.threads(), d.maxConcurrentDocuments(), d.slotWait(), d.reviewBelow(), d.tesseract(), d.textract());
        assertThat(withGerman.effectiveLanguages()).containsExactly("eng", "deu");
    }

    @Test
    void languagesJoinedAsTesseractJoinsThemAreSplit() {
        OcrSettings d = OcrSettings.defaults();
        OcrSettings several = new OcrSettings(d.enabled(), d.engine(), List.of("eng+deu+fra", "spa, jpn", "deu"),
                d.detectOrientation(), d.deskew(), d.dpi(), d.maxPages(), d.maxImagePixels(), d.minPageCharacters(),
                d.pageTimeout(), d.documentTimeout(), d.threads(), d.maxConcurrentDocuments(), d.slotWait(),
                d.reviewBelow(), d.tesseract(), d.textract());
        assertThat(several.effectiveLanguages()).containsExactly("eng", "deu", "fra", "spa", "jpn");
    }

    @Test
    void aMissingTesseractOrLanguageStopsTheStartNamingTheSetting() {
        OcrSettings d = OcrSettings.defaults();
        OcrSettings noBinary = new OcrSettings(true, d.engine(), d.languages(), true, false, d.dpi(), d.maxPages(),
                d.maxImagePixels(), d.minPageCharacters(), d.pageTimeout(), d.documentTimeout(), d.threads(),
                d.maxConcurrentDocuments(), d.slotWait(), d.reviewBelow(),
                new OcrSettings.Tesseract("/nonexistent/tesseract", ""), d.textract());
        OcrSettings klingon = new OcrSettings(true, d.engine(), List.of("tlh"), true, false, d.dpi(), d.maxPages(),
                d.maxImagePixels(), d.minPageCharacters(), d.pageTimeout(), d.documentTimeout(), d.threads(),
                d.maxConcurrentDocuments(), d.slotWait(), d.reviewBelow(), d.tesseract(), d.textract());

        assertThatThrownBy(() -> new TesseractEngine(noBinary))
                .isInstanceOf(DocflowStartupException.class)
                .hasMessageStartingWith("docflow.ocr.tesseract.command: Tesseract cannot be run");
        // checked in the background (docflow.startup.background-init): the same failure, when the start waits for it
        TesseractEngine inBackground = new TesseractEngine(klingon, true);
        assertThatThrownBy(inBackground::awaitCheck)
                .isInstanceOf(DocflowStartupException.class)
                .hasMessageStartingWith("docflow.ocr.languages: Tesseract has no language data for [tlh]");
        assertThatThrownBy(() -> new TesseractEngine(klingon))
                .isInstanceOf(DocflowStartupException.class)
                .hasMessageStartingWith("docflow.ocr.languages: Tesseract has no language data for [tlh]")
                .extracting(e -> ((DocflowStartupException) e).action()).asString().contains("tesseract-ocr-tlh");
    }

    @EnableConfigurationProperties(DocflowProperties.class)
    static class Binding {
    }
}
