package io.docflow.extract;

import io.docflow.config.DocflowProperties;
import io.docflow.extract.isolation.ParserWorkerPool;
import io.docflow.ocr.InProcessPageRenderer;
import io.docflow.ocr.PageRenderer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The extraction limits, bound from {@code docflow.extract.*}, and where documents are parsed and scans rendered. */
@Configuration(proxyBeanMethods = false)
public class ExtractionConfiguration {

    @Bean
    ExtractionSettings extractionSettings(DocflowProperties properties) {
        return properties.extract();
    }

    /** Parser workers (child JVMs), or docflow's own JVM with docflow.extract.isolation.enabled=false. */
    @Bean
    @Primary
    DocumentParser documentParser(ExtractionSettings settings, TextExtractor inProcess) {
        return settings.isolation().enabled() ? new ParserWorkerPool(settings) : inProcess;
    }

    /** Pages of scans are rendered for OCR where documents are parsed: in the parser workers when they run. */
    @Bean
    PageRenderer pageRenderer(DocumentParser documentParser) {
        return documentParser instanceof ParserWorkerPool pool ? pool : new InProcessPageRenderer();
    }

    /** The parser workers start once docflow is ready, so their start-up does not delay docflow's. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> parserWorkersWarmUp(DocumentParser documentParser) {
        return ready -> {
            if (documentParser instanceof ParserWorkerPool pool) {
                pool.warmUp();
            }
        };
    }
}
