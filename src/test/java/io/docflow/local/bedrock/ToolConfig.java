package io.docflow.local.bedrock;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Converse request's {@code toolConfig}: its tools and the tool choice, checked the way Bedrock checks them.
 *
 * @param choice      {@code auto}, {@code any} or {@code tool}
 * @param forcedTool  the tool {@code toolChoice.tool} names, else null
 * @param characters  the tool definitions' length, which counts as input
 */
record ToolConfig(List<Tool> tools, String choice, String forcedTool, int characters) {

    record Tool(String name, JsonNode inputSchema) {
    }

    static ToolConfig parse(JsonNode config) throws InvalidRequestException {
        JsonNode tools = config.path("tools");
        if (!tools.isArray() || tools.isEmpty()) {
            throw new InvalidRequestException("The toolConfig field must contain at least one tool.");
        }
        List<Tool> parsed = new ArrayList<>();
        for (JsonNode tool : tools) {
            JsonNode spec = tool.path("toolSpec");
            String name = spec.path("name").asText("");
            if (!name.matches("[a-zA-Z0-9_-]{1,64}")) {
                throw new InvalidRequestException("The toolSpec name '" + name + "' must match [a-zA-Z0-9_-]{1,64}.");
            }
            JsonNode schema = spec.path("inputSchema").path("json");
            if (!schema.isObject()) {
                throw new InvalidRequestException("The toolSpec " + name + " needs an inputSchema with a json object.");
            }
            parsed.add(new Tool(name, schema));
        }
        JsonNode choice = config.path("toolChoice");
        String forced = null;
        String kind = "auto";
        if (choice.has("tool")) {
            kind = "tool";
            forced = choice.path("tool").path("name").asText("");
            String name = forced;
            if (parsed.stream().noneMatch(t -> t.name().equals(name))) {
                throw new InvalidRequestException("The tool " + forced + " in toolConfig.toolChoice.tool is not one of "
                        + "toolConfig.tools.");
            }
        } else if (choice.has("any")) {
            kind = "any";
        }
        return new ToolConfig(List.copyOf(parsed), kind, forced, config.toString().length());
    }

    /** The tool the model calls: the forced one, else the first. */
    Tool chosen() {
        return tools.stream().filter(t -> t.name().equals(forcedTool)).findFirst().orElse(tools.get(0));
    }
}
