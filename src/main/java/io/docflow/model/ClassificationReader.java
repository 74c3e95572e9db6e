package io.docflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/** Turns a classification reply into a {@link Classification}; a class outside the catalog becomes {@code other}. */
@Component("classificationReader")
public class ClassificationReader {

    private final JsonReplyReader json;
    private final ModelAnswers answers;
    private final DocumentClassCatalog catalog;

    public ClassificationReader(JsonReplyReader json, DocumentClassCatalog catalog) {
        this.json = json;
        this.answers = new ModelAnswers(json);
        this.catalog = catalog;
    }

    /** A reply, as its call asked for it: the tool's input or the JSON in the text. */
    public Classification read(ModelReply reply) {
        JsonNode answer = answers.read(reply);
        return read(answer, reply.output() == ModelOutput.TEXT ? reply.text() : answer.toString());
    }

    /** A text reply. */
    public Classification read(String reply) {
        return read(json.readObject(reply), reply);
    }

    private Classification read(JsonNode answer, String reply) {
        JsonNode name = answer.get("documentClass");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw new BadModelOutputException("The classification reply lacks documentClass: " + JsonReplyReader.excerpt(reply));
        }
        String answered = name.asText().strip();
        String documentClass = catalog.find(answered).map(DocumentClass::name).orElse(DocumentClassCatalog.OTHER);
        double confidence = answer.path("confidence").isNumber() ? answer.get("confidence").asDouble() : 0.0;
        return new Classification(documentClass, Math.max(0, Math.min(1, confidence)),
                answer.path("reason").asText(""), answered);
    }
}
