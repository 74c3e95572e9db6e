package io.docflow.evaluation.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.docflow.config.DocflowProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** docflow's settings as a configuration runs with them: application.yaml under the configuration's own settings. */
final class DocflowDefaults {

    private DocflowDefaults() {
    }

    static DocflowProperties bind(Map<String, String> settings) {
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        sources.add(new MapConfigurationPropertySource(settings));
        try {
            new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
                    .forEach(source -> ConfigurationPropertySources.from(source).forEach(sources::add));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Binder(sources).bindOrCreate("docflow", DocflowProperties.class);
    }
}
