package io.docflow.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import io.docflow.extract.Chunk;
import io.docflow.jobs.DocumentJob;
import io.docflow.jobs.FieldExtraction;
import org.springframework.stereotype.Component;

/**
 * Renders the versioned prompt files into {@link ModelRequest}s for a job: a tool-use request (the tool-use prompt
 * and its tool) carrying its text form (the text prompt), or the text request alone when docflow.models.output is
 * text. Document text is fenced in {@code <document>} tags as data, and a closing tag inside the text is neutralised
 * so it cannot end the fence.
 */
@Component("prompts")
public class Prompts {

    private final PromptLibrary library;
    private final DocumentClassCatalog catalog;
    private final DocflowProperties.Models models;
    private final ObjectMapper mapper;
    private final ModelTools tools;

    public Prompts(PromptLibrary library, DocumentClassCatalog catalog, DocflowProperties properties, ObjectMapper mapper,
                   ModelTools tools) {
        this.library = library;
        this.tools = tools;
        this.catalog = catalog;
        this.models = properties.models();
        this.mapper = mapper;
    }

    public ModelRequest classify(DocumentJob job) {
        String text = job.text().document().text();
        String excerpt = text.length() <= models.classificationMaxCharacters()
                ? text : text.substring(0, models.classificationMaxCharacters());
        return request(ModelTask.CLASSIFY, models.classification(), -1, tools.classification(),
                Map.of("classes", catalog.promptList(), "document", fenced(excerpt)));
    }

    public ModelRequest extract(DocumentJob job, Chunk chunk) {
        DocumentClass documentClass = catalog.get(job.documentClass());
        return request(ModelTask.EXTRACT, models.extractionModelFor(documentClass.name()), chunk.index(),
                tools.extraction(documentClass), Map.of(
                        "documentClass", documentClass.name(),
                        "part", Integer.toString(chunk.index() + 1),
                        "parts", Integer.toString(job.text().chunks().chunks().size()),
                        "schema", json(documentClass.schema()),
                        "document", fenced(chunk.text())));
    }

    public ModelRequest repair(DocumentJob job) {
        DocumentClass documentClass = catalog.get(job.documentClass());
        FieldExtraction extraction = job.extraction();
        String text = job.text().document().text();
        String excerpt = text.length() <= models.classificationMaxCharacters()
                ? text : text.substring(0, models.classificationMaxCharacters());
        return request(ModelTask.REPAIR, models.extractionModelFor(documentClass.name()), -1,
                tools.extraction(documentClass), Map.of(
                        "documentClass", documentClass.name(),
                        "errors", String.join("\n", extraction.validationErrors()),
                        "previous", json(extraction.fields()),
                        "schema", json(documentClass.schema()),
                        "document", fenced(excerpt)));
    }

    /** The text request, in the tool-use request that falls back to it unless docflow.models.output is text. */
    private ModelRequest request(ModelTask task, String modelId, int chunkIndex, ModelTool tool,
                                 Map<String, String> values) {
        PromptTemplate textTemplate = library.template(task, ModelOutput.TEXT);
        ModelRequest text = new ModelRequest(task, modelId, textTemplate.version(), textTemplate.render(values),
                chunkIndex);
        if (models.output() == ModelOutput.TEXT) {
            return text;
        }
        Map<String, String> withTool = new HashMap<>(values);
        withTool.put("tool", tool.name());
        PromptTemplate toolTemplate = library.template(task, ModelOutput.TOOL_USE);
        return ModelRequest.toolUse(text, toolTemplate.version(), toolTemplate.render(withTool), tool);
    }

    public List<Chunk> chunksOf(DocumentJob job) {
        return job.text().chunks().chunks();
    }

    static String fenced(String text) {
        return text.replace("</document>", "</ document>");
    }

    private String json(JsonNode node) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render JSON for a prompt", e);
        }
    }
}
