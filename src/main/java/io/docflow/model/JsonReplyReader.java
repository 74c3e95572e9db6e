package io.docflow.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Reads the JSON object a prompt asked for out of a model's reply. Models sometimes wrap it in a Markdown fence or
 * a sentence; the object from the first '{' to its matching '}' is taken, anything else is bad output.
 */
@Component
public class JsonReplyReader {

    private final ObjectMapper mapper;

    public JsonReplyReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public JsonNode readObject(String reply) {
        if (reply == null || reply.isBlank()) {
            throw new BadModelOutputException("The model's reply is empty");
        }
        int start = reply.indexOf('{');
        int end = matchingBrace(reply, start);
        if (start < 0 || end < 0) {
            throw new BadModelOutputException("The model's reply holds no complete JSON object: " + excerpt(reply));
        }
        try {
            JsonNode node = mapper.readTree(reply.substring(start, end + 1));
            if (!node.isObject()) {
                throw new BadModelOutputException("The model's reply is not a JSON object: " + excerpt(reply));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadModelOutputException("The model's reply is not valid JSON (" + e.getOriginalMessage() + "): "
                    + excerpt(reply), e);
        }
    }

    private static int matchingBrace(String text, int start) {
        if (start < 0) {
            return -1;
        }
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    static String excerpt(String reply) {
        String flat = reply.replaceAll("\\s+", " ").strip();
        return flat.length() <= 120 ? "'" + flat + "'" : "'" + flat.substring(0, 120) + "...'";
    }
}
