package io.docflow.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScriptsTest {

    @Test
    void aScriptNoConfiguredLanguageReadsNamesThePackToInstall() {
        assertThat(Scripts.missing("Japanese", List.of("eng", "deu"))).isEqualTo("the page is written in Japanese "
                + "script, which none of docflow.ocr.languages [eng, deu] reads: install tesseract-ocr-jpn and add jpn "
                + "to docflow.ocr.languages");
        assertThat(Scripts.missing("Han", List.of("eng"))).contains("install tesseract-ocr-chi-sim and add chi_sim");
        assertThat(Scripts.missing("Cyrillic", List.of("eng"))).contains("tesseract-ocr-rus");
    }

    @Test
    void aScriptWithALanguageLatinAndUnknownScriptsAreNotMissing() {
        assertThat(Scripts.missing("Japanese", List.of("eng", "jpn"))).isNull();
        assertThat(Scripts.missing("Cyrillic", List.of("eng", "ukr"))).isNull();
        assertThat(Scripts.missing("Cyrillic", List.of("eng", "script/Cyrillic"))).isNull();
        assertThat(Scripts.missing("Latin", List.of("eng"))).isNull();
        assertThat(Scripts.missing("Fraktur", List.of("eng"))).isNull();
        assertThat(Scripts.missing(null, List.of("eng"))).isNull();
    }
}
