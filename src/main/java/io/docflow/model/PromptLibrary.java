package io.docflow.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.docflow.config.DocflowProperties;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Loads the versioned prompt files {@code <task>.<version>.txt} from {@code docflow.prompts.location} at start-up:
 * the tool-use prompts of {@code docflow.prompts.version} and the text prompts of {@code docflow.prompts.text-version}.
 */
@Component
public class PromptLibrary {

    private final Map<ModelOutput, Map<ModelTask, PromptTemplate>> templates = new EnumMap<>(ModelOutput.class);

    public PromptLibrary(DocflowProperties properties) {
        var prompts = properties.prompts();
        for (ModelOutput output : ModelOutput.values()) {
            Map<ModelTask, PromptTemplate> set = new EnumMap<>(ModelTask.class);
            for (ModelTask task : ModelTask.values()) {
                set.put(task, load(prompts.location(), task, prompts.version(output), output));
            }
            templates.put(output, set);
        }
    }

    public PromptTemplate template(ModelTask task, ModelOutput output) {
        return templates.get(output).get(task);
    }

    private static PromptTemplate load(String location, ModelTask task, String version, ModelOutput output) {
        String name = task.name().toLowerCase(Locale.ROOT);
        String path = (location.endsWith("/") ? location : location + "/") + name + "." + version + ".txt";
        Resource resource = new DefaultResourceLoader().getResource(path);
        if (!resource.exists()) {
            String setting = output == ModelOutput.TOOL_USE ? "docflow.prompts.version" : "docflow.prompts.text-version";
            throw new IllegalStateException("Prompt file " + path + " is missing (docflow.prompts.location / "
                    + setting + ")");
        }
        try (InputStream in = resource.getInputStream()) {
            return new PromptTemplate(name, version, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read prompt " + path, e);
        }
    }
}
