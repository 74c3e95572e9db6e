package io.docflow.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

class ExtractionSettingsTest {

    @Test
    void defaultsMatchTheDocumentedValues() {
        ExtractionSettings defaults = ExtractionSettings.defaults();

        assertThat(defaults.maxDocumentBytes()).isEqualTo(DataSize.ofMegabytes(100));
        assertThat(defaults.maxCharacters()).isEqualTo(2_000_000);
        assertThat(defaults.chunkMaxTokens()).isEqualTo(2000);
        assertThat(defaults.chunkOverlapTokens()).isEqualTo(200);
        assertThat(defaults.maxChunks()).isEqualTo(500);
    }

    @Test
    void overlapMustStayBelowTheChunkSize() {
        assertThatThrownBy(() -> ExtractionSettings.defaults().withChunking(100, 100, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("docflow.extract.chunk-overlap-tokens");
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> ExtractionSettings.defaults().withMaxCharacters(0))
                .hasMessageContaining("docflow.extract.max-characters must be at least 1");
        assertThatThrownBy(() -> ExtractionSettings.defaults().withMaxDocumentBytes(DataSize.ofBytes(0)))
                .hasMessageContaining("docflow.extract.max-document-bytes");
    }

    @Test
    void settingsBindFromDocflowExtractWithTheseDefaults() {
        var runner = new ApplicationContextRunner()
                .withUserConfiguration(Binding.class, ExtractionConfiguration.class, TextExtractor.class, TextChunker.class);

        runner.run(context -> {
            assertThat(context).hasBean("textExtractor").hasBean("textChunker");
            assertThat(context.getBean(ExtractionSettings.class)).isEqualTo(ExtractionSettings.defaults());
        });
        runner.withPropertyValues("docflow.extract.max-characters=10", "docflow.extract.max-document-bytes=2KB")
                .run(context -> {
                    assertThat(context.getBean(ExtractionSettings.class).maxCharacters()).isEqualTo(10);
                    assertThat(context.getBean(ExtractionSettings.class).maxDocumentBytes().toBytes()).isEqualTo(2048);
                });
    }

    @org.springframework.boot.context.properties.EnableConfigurationProperties(io.docflow.config.DocflowProperties.class)
    static class Binding {
    }
}
