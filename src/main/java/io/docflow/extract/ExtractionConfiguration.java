package io.docflow.extract;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Default extraction limits until {@code docflow.extract.*} is bound through the application's properties. */
@Configuration(proxyBeanMethods = false)
public class ExtractionConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ExtractionSettings extractionSettings() {
        return ExtractionSettings.defaults();
    }
}
