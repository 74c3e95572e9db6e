package io.docflow.local.sns;

import java.util.Map;
import java.util.function.Consumer;

/** Writes SNS's Query-protocol XML: {@code <XResponse><XResult>...</XResult><ResponseMetadata>} and the error shape. */
final class SnsXml {

    static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private final StringBuilder xml = new StringBuilder();

    private SnsXml() {
    }

    /** The response to {@code action}; a null {@code result} writes none, as SNS does for actions that return nothing. */
    static String response(String action, String requestId, Consumer<SnsXml> result) {
        SnsXml writer = new SnsXml();
        writer.xml.append("<").append(action).append("Response xmlns=\"").append(NAMESPACE).append("\">");
        if (result != null) {
            writer.open(action + "Result");
            result.accept(writer);
            writer.close(action + "Result");
        }
        writer.open("ResponseMetadata").leaf("RequestId", requestId).close("ResponseMetadata");
        writer.close(action + "Response");
        return writer.xml.toString();
    }

    static String error(SnsFault fault, String requestId) {
        SnsXml writer = new SnsXml();
        writer.xml.append("<ErrorResponse xmlns=\"").append(NAMESPACE).append("\">");
        writer.open("Error")
                .leaf("Type", fault.type())
                .leaf("Code", fault.code())
                .leaf("Message", fault.getMessage())
                .close("Error");
        writer.leaf("RequestId", requestId).close("ErrorResponse");
        return writer.xml.toString();
    }

    SnsXml open(String name) {
        xml.append('<').append(name).append('>');
        return this;
    }

    SnsXml close(String name) {
        xml.append("</").append(name).append('>');
        return this;
    }

    /** {@code <name>value</name>}; nothing at all for a null value. */
    SnsXml leaf(String name, String value) {
        if (value != null) {
            open(name);
            escape(value);
            close(name);
        }
        return this;
    }

    /** A map of strings: {@code <name><entry><key>k</key><value>v</value></entry>...</name>}. */
    SnsXml entries(String name, Map<String, String> map) {
        open(name);
        map.forEach((key, value) -> open("entry").leaf("key", key).leaf("value", value).close("entry"));
        return close(name);
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append("&quot;");
                case '\'' -> xml.append("&apos;");
                // a raw CR would be normalised away by the client's XML parser
                case '\r' -> xml.append("&#13;");
                // XML 1.0 has no way to carry the other control characters, not even as references
                default -> xml.append(c < 0x20 && c != '\t' && c != '\n' ? '\uFFFD' : c);
            }
        }
    }
}
