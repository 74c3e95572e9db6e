package io.docflow.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.docflow.config.DocflowProperties;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** Loads the versioned prompt files {@code <task>.<version>.txt} from {@code docflow.prompts.location} at start-up. */
@Component
public class PromptLibrary {

    private final PromptTemplate classify;
    private final PromptTemplate extract;
    private final PromptTemplate repair;

    public PromptLibrary(DocflowProperties properties) {
        var prompts = properties.prompts();
        this.classify = load(prompts.location(), "classify", prompts.version());
        this.extract = load(prompts.location(), "extract", prompts.version());
        this.repair = load(prompts.location(), "repair", prompts.version());
    }

    public PromptTemplate classify() {
        return classify;
    }

    public PromptTemplate extract() {
        return extract;
    }

    public PromptTemplate repair() {
        return repair;
    }

    private static PromptTemplate load(String location, String task, String version) {
        String path = (location.endsWith("/") ? location : location + "/") + task + "." + version + ".txt";
        Resource resource = new DefaultResourceLoader().getResource(path);
        if (!resource.exists()) {
            throw new IllegalStateException("Prompt file " + path + " is missing (docflow.prompts.location / docflow.prompts.version)");
        }
        try (InputStream in = resource.getInputStream()) {
            return new PromptTemplate(task, version, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read prompt " + path, e);
        }
    }
}
