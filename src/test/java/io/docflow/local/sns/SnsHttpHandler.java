package io.docflow.local.sns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves the SNS Query protocol: reads Action and its parameters, answers with SNS's XML or its error XML. */
final class SnsHttpHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(SnsHttpHandler.class);

    private final Map<String, SnsAction> actions;

    SnsHttpHandler(Map<String, SnsAction> actions) {
        this.actions = actions;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        int status = 200;
        String body;
        try {
            try {
                body = dispatch(exchange, requestId);
            } catch (SnsFault fault) {
                status = fault.status();
                body = SnsXml.error(fault, requestId);
            } catch (RuntimeException e) {
                log.warn("Local SNS failed on request {}", requestId, e);
                SnsFault fault = SnsFault.internal("Local SNS failed: " + e);
                status = fault.status();
                body = SnsXml.error(fault, requestId);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } finally {
            exchange.close();
        }
    }

    /** SDKs POST a form; a GET with the same query string (an UnsubscribeURL) works as well. */
    private String dispatch(HttpExchange exchange, String requestId) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        QueryParams params = QueryParams.decode(exchange.getRequestURI().getRawQuery(), form);
        String action = params.required("Action");
        SnsAction handler = actions.get(action);
        if (handler == null) {
            throw SnsFault.invalidParameter("Invalid parameter: Action Reason: the local SNS does not support " + action);
        }
        return handler.handle(params, requestId);
    }
}
