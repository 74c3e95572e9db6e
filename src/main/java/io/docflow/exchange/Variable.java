package io.docflow.exchange;

import org.apache.camel.Exchange;

/**
 * One exchange variable the routes share: its name as routes/ writes it ({@code ${variable.<name>}}), its type, and
 * which routes or beans set and read it. Java reads and writes it only through this declaration.
 */
public record Variable<T>(String name, Class<T> type, String setBy, String readBy) {

    public T get(Exchange exchange) {
        return exchange.getVariable(name, type);
    }

    public T get(Exchange exchange, T otherwise) {
        T value = get(exchange);
        return value == null ? otherwise : value;
    }

    public void set(Exchange exchange, T value) {
        exchange.setVariable(name, value);
    }
}
