package io.docflow.model;

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
 * Renders the versioned prompt files into {@link ModelRequest}s for a job. Document text is fenced in
 * {@code <document>} tags as data, and a closing tag inside the text is neutralised so it cannot end the fence.
 */
@Component("prompts")
public class Prompts {

    private final PromptLibrary library;
    private final DocumentClassCatalog catalog;
    private final DocflowProperties.Models models;
    private final ObjectMapper mapper;

    public Prompts(PromptLibrary library, DocumentClassCatalog catalog, DocflowProperties properties, ObjectMapper mapper) {
        this.library = library;
        this.catalog = catalog;
        this.models = properties.models();
        this.mapper = mapper;
    }

    public ModelRequest classify(DocumentJob job) {
        String text = job.text().document().text();
        String excerpt = text.length() <= models.classificationMaxCharacters()
                ? text : text.substring(0, models.classificationMaxCharacters());
        PromptTemplate template = library.classify();
        return new ModelRequest(ModelTask.CLASSIFY, models.classification(), template.version(),
                template.render(Map.of("classes", catalog.promptList(), "document", fenced(excerpt))), -1);
    }

    public ModelRequest extract(DocumentJob job, Chunk chunk) {
        DocumentClass documentClass = catalog.get(job.documentClass());
        PromptTemplate template = library.extract();
        return new ModelRequest(ModelTask.EXTRACT, models.extractionModelFor(documentClass.name()), template.version(),
                template.render(Map.of(
                        "documentClass", documentClass.name(),
                        "part", Integer.toString(chunk.index() + 1),
                        "parts", Integer.toString(job.text().chunks().chunks().size()),
                        "schema", json(documentClass.schema()),
                        "document", fenced(chunk.text()))),
                chunk.index());
    }

    public ModelRequest repair(DocumentJob job) {
        DocumentClass documentClass = catalog.get(job.documentClass());
        FieldExtraction extraction = job.extraction();
        String text = job.text().document().text();
        String excerpt = text.length() <= models.classificationMaxCharacters()
                ? text : text.substring(0, models.classificationMaxCharacters());
        PromptTemplate template = library.repair();
        return new ModelRequest(ModelTask.REPAIR, models.extractionModelFor(documentClass.name()), template.version(),
                template.render(Map.of(
                        "documentClass", documentClass.name(),
                        "errors", String.join("\n", extraction.validationErrors()),
                        "previous", json(extraction.fields()),
                        "schema", json(documentClass.schema()),
                        "document", fenced(excerpt))),
                -1);
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
