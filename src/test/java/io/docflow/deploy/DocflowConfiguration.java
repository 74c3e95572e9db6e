package io.docflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.docflow.config.DocflowProperties;
import io.docflow.security.SecurityProperties;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Binds configuration the way docflow does at start-up, strictly: every key under {@code docflow.*} must be one that
 * {@link DocflowProperties} has, or under {@code docflow.security.*} one that {@link SecurityProperties} has (a typo
 * fails), and the results must pass the records' validation.
 */
final class DocflowConfiguration {

    /** Keys docflow reads outside DocflowProperties: the routes' location, used in camel.main.routes-include-pattern. */
    private static final Set<String> READ_ELSEWHERE = Set.of("docflow.routes.include-pattern");

    private DocflowConfiguration() {
    }

    /** Sources from lowest to highest precedence; the jar's application.yaml always comes first. */
    static DocflowProperties bind(List<PropertySource<?>> overrides) {
        MutablePropertySources sources = new MutablePropertySources();
        for (PropertySource<?> source : overrides) {
            sources.addFirst(source);
        }
        sources.addLast(yaml("jar application.yaml", new ClassPathResource("application.yaml")).get(0));
        Predicate<ConfigurationPropertyName> readHere = name -> !READ_ELSEWHERE.contains(name.toString());
        List<ConfigurationPropertySource> filtered = new ArrayList<>();
        ConfigurationPropertySources.from(sources).forEach(source -> filtered.add(source.filter(readHere)));
        ConfigurationPropertyName security = ConfigurationPropertyName.of("docflow.security");
        List<ConfigurationPropertySource> withoutSecurity = new ArrayList<>();
        filtered.forEach(source -> withoutSecurity.add(source.filter(name -> !security.isAncestorOf(name))));
        BindHandler strict = new NoUnboundElementsBindHandler(BindHandler.DEFAULT);
        DocflowProperties properties = new Binder(withoutSecurity)
                .bind("docflow", Bindable.of(DocflowProperties.class), strict).get();
        SecurityProperties securityProperties = new Binder(filtered).bind("docflow.security",
                Bindable.of(SecurityProperties.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT)).get();
        validate("docflow.", properties);
        validate("docflow.security.", securityProperties);
        return properties;
    }

    private static void validate(String prefix, Object properties) {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Set<ConstraintViolation<Object>> violations = factory.getValidator().validate(properties);
            if (!violations.isEmpty()) {
                List<String> messages = new ArrayList<>();
                violations.forEach(v -> messages.add(prefix + v.getPropertyPath() + " " + v.getMessage()));
                throw new IllegalArgumentException("Invalid docflow configuration: " + messages);
            }
        }
    }

    static List<PropertySource<?>> yaml(String name, String content) {
        return yaml(name, new ByteArrayResource(content.getBytes(java.nio.charset.StandardCharsets.UTF_8), name));
    }

    static List<PropertySource<?>> yaml(String name, Resource resource) {
        try {
            return new YamlPropertySourceLoader().load(name, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What every deployment sets beside the jar's defaults, which have no token issuer on purpose (docflow refuses to
     * start without one: docs/security.md): an issuer and an audience, as the overlays give them.
     */
    static PropertySource<?> deployedIssuer() {
        return environment(Map.of("DOCFLOW_SECURITY_ISSUERURI", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_EXAMPLE",
                "DOCFLOW_SECURITY_AUDIENCES", "1example2client3id"));
    }

    static PropertySource<?> environment(Map<String, Object> variables) {
        return new SystemEnvironmentPropertySource(
                org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
    }
}
