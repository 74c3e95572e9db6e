package io.docflow.extract;

import io.docflow.config.DocflowProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The extraction limits, bound from {@code docflow.extract.*}. */
@Configuration(proxyBeanMethods = false)
public class ExtractionConfiguration {

    @Bean
    ExtractionSettings extractionSettings(DocflowProperties properties) {
        return properties.extract();
    }
}
