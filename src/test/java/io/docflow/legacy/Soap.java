package io.docflow.legacy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** Legacy requests as a legacy system writes them, and reading docflow's answers, for the tests. */
final class Soap {

    static final String SOAP_11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP_12 = "http://www.w3.org/2003/05/soap-envelope";
    static final String WSA = "http://www.w3.org/2005/08/addressing";
    static final String DL = "http://docflow.io/legacy/v1";

    private Soap() {
    }

    static String ns(String version) {
        return "1.2".equals(version) ? SOAP_12 : SOAP_11;
    }

    /** An envelope with optional WS-Addressing headers around {@code body} (which uses the prefix dl). */
    static String envelope(String version, String wsaReplyTo, String body) {
        String header = wsaReplyTo == null ? "" : """
                  <soap:Header>
                    <wsa:MessageID>urn:uuid:%s</wsa:MessageID>
                    <wsa:Action>http://docflow.io/legacy/v1/request</wsa:Action>
                    <wsa:ReplyTo><wsa:Address>%s</wsa:Address></wsa:ReplyTo>
                  </soap:Header>
                """.formatted(java.util.UUID.randomUUID(), wsaReplyTo);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <soap:Envelope xmlns:soap="%s" xmlns:wsa="%s" xmlns:dl="%s">
                %s  <soap:Body>
                %s
                  </soap:Body>
                </soap:Envelope>
                """.formatted(ns(version), WSA, DL, header, body);
    }

    static String processInline(String correlationId, String replyQueue, String fileName, byte[] content) {
        return """
                    <dl:ProcessDocument>
                      <dl:CorrelationId>%s</dl:CorrelationId>%s
                      <dl:InlineDocument>
                        <dl:FileName>%s</dl:FileName>
                        <dl:ContentType>application/pdf</dl:ContentType>
                        <dl:Content>%s</dl:Content>
                      </dl:InlineDocument>
                    </dl:ProcessDocument>""".formatted(correlationId, replyQueueElement(replyQueue), fileName,
                java.util.Base64.getEncoder().encodeToString(content));
    }

    static String processS3(String correlationId, String replyQueue, String bucket, String key) {
        return """
                    <dl:ProcessDocument>
                      <dl:CorrelationId>%s</dl:CorrelationId>%s
                      <dl:S3Reference>
                        <dl:Bucket>%s</dl:Bucket>
                        <dl:Key>%s</dl:Key>
                      </dl:S3Reference>
                    </dl:ProcessDocument>""".formatted(correlationId, replyQueueElement(replyQueue), bucket, key);
    }

    static String statusByCorrelationId(String correlationId, String replyQueue) {
        return """
                    <dl:GetDocumentStatus>
                      <dl:CorrelationId>%s</dl:CorrelationId>%s
                    </dl:GetDocumentStatus>""".formatted(correlationId, replyQueueElement(replyQueue));
    }

    static String statusByJobId(String jobId, String replyQueue) {
        return """
                    <dl:GetDocumentStatus>
                      <dl:JobId>%s</dl:JobId>%s
                    </dl:GetDocumentStatus>""".formatted(jobId, replyQueueElement(replyQueue));
    }

    private static String replyQueueElement(String replyQueue) {
        return replyQueue == null ? "" : "\n      <dl:ReplyQueue>" + replyQueue + "</dl:ReplyQueue>";
    }

    /** An answer docflow sent: its envelope parsed (plainly: docflow's own output is trusted here). */
    record Answer(String xml, Document document) {

        static Answer of(String xml) {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
                factory.setNamespaceAware(true);
                return new Answer(xml, factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))));
            } catch (Exception e) {
                throw new IllegalStateException("docflow sent XML that does not parse: " + xml, e);
            }
        }

        String envelopeNamespace() {
            return document.getDocumentElement().getNamespaceURI();
        }

        /** The local name of the Body's element: ProcessDocumentAcknowledgement, ..., Fault. */
        String kind() {
            return firstElement(body()).getLocalName();
        }

        boolean isFault() {
            return "Fault".equals(kind());
        }

        String header(String localName) {
            return text(document.getDocumentElement(), WSA, localName);
        }

        /** The text of the first docflow element with this name anywhere in the body. */
        String get(String localName) {
            return text(body(), DL, localName);
        }

        /** SOAP 1.1 faultcode or SOAP 1.2 Code/Value, e.g. soap:Client. */
        String faultCode() {
            String code = text(body(), null, "faultcode");
            return code != null ? code : text(body(), SOAP_12, "Value");
        }

        String faultReason() {
            String reason = text(body(), null, "faultstring");
            return reason != null ? reason : text(body(), SOAP_12, "Text");
        }

        List<String[]> fields() {
            List<String[]> fields = new ArrayList<>();
            var nodes = body().getElementsByTagNameNS(DL, "Field");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element field = (Element) nodes.item(i);
                fields.add(new String[] {text(field, DL, "Name"), text(field, DL, "Value")});
            }
            return fields;
        }

        String field(String name) {
            return fields().stream().filter(f -> f[0].equals(name)).map(f -> f[1]).findFirst().orElse(null);
        }

        private Element body() {
            String ns = envelopeNamespace();
            return (Element) document.getElementsByTagNameNS(ns, "Body").item(0);
        }

        private static Element firstElement(Element parent) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    return e;
                }
            }
            return null;
        }

        private static String text(Element scope, String ns, String localName) {
            var nodes = ns == null ? scope.getElementsByTagName(localName) : scope.getElementsByTagNameNS(ns, localName);
            return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
        }
    }
}
