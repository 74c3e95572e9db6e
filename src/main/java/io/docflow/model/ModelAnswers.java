package io.docflow.model;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.evidence.EvidenceClaim;
import org.springframework.stereotype.Component;

/**
 * The answer a reply carries, read the way its call asked for it: a tool-use reply's answer is the toolUse block's
 * input, never its text; a text reply's answer is the JSON object in its text ({@link JsonReplyReader}).
 */
@Component("modelAnswers")
public class ModelAnswers {

    private final JsonReplyReader json;

    public ModelAnswers(JsonReplyReader json) {
        this.json = json;
    }

    /** The answer object; BadModelOutputException when there is none. */
    public JsonNode read(ModelReply reply) {
        if (reply.output() == ModelOutput.TEXT) {
            return json.readObject(reply.text());
        }
        JsonNode input = reply.toolInput();
        if (input == null) {
            String text = reply.text() == null || reply.text().isBlank()
                    ? "" : ", only text: " + JsonReplyReader.excerpt(reply.text());
            throw new BadModelOutputException("The model's reply holds no toolUse block (stop reason "
                    + reply.stopReason() + ")" + text);
        }
        if (!input.isObject()) {
            throw new BadModelOutputException("The model's tool input is not a JSON object: "
                    + JsonReplyReader.excerpt(input.toString()));
        }
        return input;
    }

    /**
     * An extraction or repair answer: the tool input's {@code fields} with its {@code evidence}, or a text answer's
     * object as the fields, without evidence.
     */
    public ExtractedFields fields(ModelReply reply) {
        JsonNode answer = read(reply);
        if (reply.output() == ModelOutput.TEXT) {
            return new ExtractedFields((ObjectNode) answer, List.of());
        }
        JsonNode fields = answer.get("fields");
        if (fields == null || !fields.isObject()) {
            throw new BadModelOutputException("The model's tool input holds no fields object: "
                    + JsonReplyReader.excerpt(answer.toString()));
        }
        EvidenceClaim.Parsed evidence = EvidenceClaim.parse(answer.path("evidence"));
        return new ExtractedFields((ObjectNode) fields, evidence.claims(), evidence.problems());
    }
}
