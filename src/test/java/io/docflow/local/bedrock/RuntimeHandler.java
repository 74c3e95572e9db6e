package io.docflow.local.bedrock;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes {@code /model/{modelId}/converse|invoke} to the model and {@code /_local/} to the admin API. */
final class RuntimeHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(RuntimeHandler.class);
    private static final Pattern MODEL_PATH = Pattern.compile("^/model/([^/]+)/(converse|invoke)$");
    private static final String ADMIN_PREFIX = "/_local/";

    private final ModelInvocations invocations;
    private final AdminApi admin;
    private final Map<String, ModelApi> apis = Map.of("converse", new ConverseApi(), "invoke", new InvokeApi());

    RuntimeHandler(ModelInvocations invocations, AdminApi admin) {
        this.invocations = invocations;
        this.admin = admin;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (RuntimeException e) {
                log.warn("Local Bedrock failed on {}: {}", exchange.getRequestURI(), e.toString(), e);
                HttpReplies.error(exchange, BedrockError.INTERNAL_SERVER, "Local Bedrock failed: " + e);
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Matcher m = MODEL_PATH.matcher(path);
        if (path.startsWith(ADMIN_PREFIX)) {
            admin.handle(exchange, path.substring(ADMIN_PREFIX.length()));
        } else if (m.matches() && "POST".equals(exchange.getRequestMethod())) {
            invoke(exchange, decode(m.group(1)), apis.get(m.group(2)));
        } else {
            HttpReplies.message(exchange, 404, "No Bedrock Runtime operation at " + exchange.getRequestMethod() + " "
                    + path + "; the local Bedrock serves converse and invoke.");
        }
    }

    private void invoke(HttpExchange exchange, String modelId, ModelApi api) throws IOException {
        ModelRequest request;
        try {
            JsonNode body = Json.MAPPER.readTree(HttpReplies.body(exchange));
            if (body == null || !body.isObject()) {
                throw new InvalidRequestException("Malformed input request, please reformat your input and try again.");
            }
            request = api.parse(modelId, body);
        } catch (JsonProcessingException e) {
            send(exchange, null, api, invocations.reject(modelId,
                    "Malformed input request, please reformat your input and try again."));
            return;
        } catch (InvalidRequestException e) {
            send(exchange, null, api, invocations.reject(modelId, e.getMessage()));
            return;
        }
        send(exchange, request, api, invocations.invoke(request));
    }

    private static void send(HttpExchange exchange, ModelRequest request, ModelApi api, CallOutcome outcome)
            throws IOException {
        if (outcome instanceof CallOutcome.Reply reply) {
            api.reply(exchange, request, reply);
        } else if (outcome instanceof CallOutcome.Failure failure) {
            HttpReplies.error(exchange, failure.error(), failure.message());
        }
    }

    /** Model ids arrive percent-encoded ({@code ...-v1%3A0}); a "+" in a path is a plus, not a space. */
    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
