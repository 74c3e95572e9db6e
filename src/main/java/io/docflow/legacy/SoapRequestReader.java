package io.docflow.legacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.transform.dom.DOMSource;

import io.docflow.config.DocflowProperties;
import io.docflow.legacy.xml.FaultCode;
import io.docflow.legacy.xml.GetDocumentStatus;
import io.docflow.legacy.xml.InlineDocument;
import io.docflow.legacy.xml.ProcessDocument;
import jakarta.xml.bind.JAXBException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a legacy request from an SQS message body, checking in this order: size, well-formedness (hardened parser,
 * no DTDs), SOAP envelope and version, mustUnderstand headers, the reply queue, the operation, the schema, and the
 * inline content size. The first check that fails ends it with a {@link LegacyFaultException} that carries what was
 * read so far (version, correlation id, allowed reply queue), so the fault can be answered where the answer belongs.
 */
@Component("legacyRequests")
public class SoapRequestReader {

    static final String WSA = "http://www.w3.org/2005/08/addressing";
    private static final String WSA_ANONYMOUS = WSA + "/anonymous";
    private static final String WSA_NONE = WSA + "/none";
    private static final Set<String> NEXT_ROLES = Set.of(
            "http://schemas.xmlsoap.org/soap/actor/next",
            "http://www.w3.org/2003/05/soap-envelope/role/next",
            "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver");
    /** The schema's CorrelationId type, to pick the id out of a request before it is validated. */
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:\\-]{0,127}");
    private static final int MAX_SCHEMA_ERRORS = 3;
    private static final Logger log = LoggerFactory.getLogger(SoapRequestReader.class);

    private final LegacyContract contract;
    private final ReplyQueues replyQueues;
    private final long maxMessageBytes;
    private final long maxInlineBytes;
    private final SoapVersion defaultVersion;

    public SoapRequestReader(LegacyContract contract, ReplyQueues replyQueues, DocflowProperties properties) {
        this.contract = contract;
        this.replyQueues = replyQueues;
        this.maxMessageBytes = properties.legacy().maxMessageSize().toBytes();
        this.maxInlineBytes = properties.legacy().maxInlineContentSize().toBytes();
        this.defaultVersion = SoapVersion.ofLabel(properties.legacy().defaultSoapVersion());
    }

    public LegacyRequest read(String body, String sqsMessageId) {
        RequestContext context = RequestContext.unread(defaultVersion, sqsMessageId);
        String xml = body == null ? "" : body;
        long size = xml.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxMessageBytes) {
            throw LegacyFaultException.of(FaultCode.MESSAGE_TOO_LARGE, "The request is " + size + " bytes; docflow accepts "
                    + "at most " + maxMessageBytes + " bytes per message. Send large documents as an S3Reference.", context);
        }
        Element envelope = parse(xml, context).getDocumentElement();

        if (!"Envelope".equals(envelope.getLocalName())) {
            throw LegacyFaultException.of(FaultCode.NOT_A_SOAP_ENVELOPE, "The root element is " + name(envelope)
                    + ", not a SOAP 1.1 or SOAP 1.2 Envelope", context);
        }
        SoapVersion version = SoapVersion.ofNamespace(envelope.getNamespaceURI());
        if (version == null) {
            throw LegacyFaultException.of(FaultCode.VERSION_MISMATCH, "The Envelope's namespace '"
                    + envelope.getNamespaceURI() + "' is neither SOAP 1.1 (" + SoapVersion.SOAP_11.namespace()
                    + ") nor SOAP 1.2 (" + SoapVersion.SOAP_12.namespace() + ")", context);
        }
        context = context.withVersion(version);

        List<Element> parts = children(envelope, context, "Envelope");
        Element header = null;
        Element soapBody;
        if (parts.size() == 2 && isSoap(parts.get(0), version, "Header") && isSoap(parts.get(1), version, "Body")) {
            header = parts.get(0);
            soapBody = parts.get(1);
        } else if (parts.size() == 1 && isSoap(parts.get(0), version, "Body")) {
            soapBody = parts.get(0);
        } else {
            throw LegacyFaultException.of(FaultCode.NOT_A_SOAP_ENVELOPE, "The Envelope must hold an optional Header and "
                    + "a Body, in that order and nothing else; it holds " + names(parts), context);
        }

        String wsaReplyTo = null;
        if (header != null) {
            for (Element block : children(header, context, "Header")) {
                if (WSA.equals(block.getNamespaceURI())) {
                    switch (block.getLocalName()) {
                        case "MessageID" -> context = context.withMessageId(block.getTextContent().strip());
                        case "ReplyTo" -> wsaReplyTo = address(block);
                        default -> { } // Action, To, From, FaultTo, RelatesTo: understood, not needed
                    }
                } else if (mustUnderstand(block, version)) {
                    throw LegacyFaultException.of(FaultCode.MUST_UNDERSTAND, "The header " + name(block)
                            + " is marked mustUnderstand and docflow does not understand it", context);
                }
            }
        }

        List<Element> operations = children(soapBody, context, "Body");
        if (operations.size() != 1) {
            throw LegacyFaultException.of(FaultCode.NOT_A_SOAP_ENVELOPE, "The SOAP Body must hold exactly one element, "
                    + "the operation; it holds " + names(operations), context);
        }
        Element payload = operations.get(0);
        context = context.withCorrelationId(correlationIdIn(payload));

        String replyQueue = childText(payload, "ReplyQueue");
        if (replyQueue == null) {
            replyQueue = wsaReplyTo;
        }
        if (replyQueue != null) {
            if (!replyQueues.allowed(replyQueue)) {
                throw LegacyFaultException.of(FaultCode.REPLY_QUEUE_NOT_ALLOWED, "Reply queue '" + printable(replyQueue)
                        + "' is not allowed: name an SQS queue (not a URL) that matches docflow's reply queue pattern. "
                        + "This answer goes to the default queue " + replyQueues.defaultQueue(), context);
            }
            context = context.withReplyQueue(replyQueue);
        }

        Operation operation = Operation.of(payload.getNamespaceURI(), payload.getLocalName());
        if (operation == null) {
            throw LegacyFaultException.of(FaultCode.UNKNOWN_OPERATION, "Unknown operation " + name(payload)
                    + "; docflow's operations are ProcessDocument and GetDocumentStatus in namespace " + Operation.NAMESPACE,
                    context);
        }
        validate(payload, operation, context);
        Object request = unmarshal(payload, context);
        if (request instanceof ProcessDocument processDocument) {
            checkInlineSize(processDocument.getInlineDocument(), context);
            return new LegacyRequest(operation, context, processDocument, null);
        }
        return new LegacyRequest(operation, context, null, (GetDocumentStatus) request);
    }

    private static Document parse(String xml, RequestContext context) {
        try {
            return SafeXml.parse(xml);
        } catch (SAXException e) {
            if (declaresDoctype(xml)) {
                // said without the parser's words: nothing of the declaration is echoed
                throw LegacyFaultException.of(FaultCode.DTD_NOT_ALLOWED, "The request contains a document type "
                        + "declaration (<!DOCTYPE ...>); DTDs and entity declarations are not allowed", context);
            }
            String where = e instanceof SAXParseException p && p.getLineNumber() > 0
                    ? " (line " + p.getLineNumber() + ", column " + p.getColumnNumber() + ")" : "";
            throw LegacyFaultException.of(FaultCode.MALFORMED_XML, "The request is not well-formed XML" + where + ": "
                    + quoted(e.getMessage()), context);
        }
    }

    /** A DOCTYPE can only come before the root element: look there, not into the content. */
    private static boolean declaresDoctype(String xml) {
        int doctype = xml.indexOf("<!DOCTYPE");
        if (doctype < 0) {
            return false;
        }
        for (int i = 0; i < doctype; i++) {
            if (xml.charAt(i) == '<' && i + 1 < xml.length() && Character.isLetter(xml.charAt(i + 1))) {
                return false;
            }
        }
        return true;
    }

    private void validate(Element payload, Operation operation, RequestContext context) {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException exception) {
                // warnings do not make a request invalid
            }

            @Override
            public void error(SAXParseException exception) {
                if (errors.size() < MAX_SCHEMA_ERRORS) {
                    errors.add(quoted(exception.getMessage()));
                }
            }

            @Override
            public void fatalError(SAXParseException exception) throws SAXException {
                errors.add(quoted(exception.getMessage()));
                throw exception;
            }
        };
        try {
            SafeXml.validator(contract.schema(), collect).validate(new DOMSource(payload));
        } catch (SAXException | java.io.IOException e) {
            if (errors.isEmpty()) {
                errors.add(quoted(e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw LegacyFaultException.of(FaultCode.SCHEMA_INVALID, "The " + operation.element().getLocalPart()
                    + " request does not match docflow's schema (legacy.xsd): " + String.join("; ", errors), context);
        }
    }

    private Object unmarshal(Element payload, RequestContext context) {
        try {
            return contract.jaxb().createUnmarshaller().unmarshal(payload);
        } catch (JAXBException e) {
            // the schema accepted it, so this is docflow's problem, not the sender's
            log.error("Legacy request {}: a schema-valid request could not be unmarshalled", context.sqsMessageId(), e);
            throw LegacyFaultException.internal("docflow could not read a schema-valid request", context, e);
        }
    }

    private void checkInlineSize(InlineDocument inline, RequestContext context) {
        if (inline != null && inline.getContent().length > maxInlineBytes) {
            throw LegacyFaultException.of(FaultCode.INLINE_CONTENT_TOO_LARGE, "The inline document is "
                    + inline.getContent().length + " bytes; at most " + maxInlineBytes + " bytes may be sent inline, so that "
                    + "the base64 content and the envelope fit into one SQS message. Put the document into S3 and send an "
                    + "S3Reference instead.", context);
        }
    }

    private static boolean mustUnderstand(Element block, SoapVersion version) {
        String value = block.getAttributeNS(version.namespace(), "mustUnderstand").strip();
        if (!"1".equals(value) && !"true".equals(value)) {
            return false;
        }
        String role = block.getAttributeNS(version.namespace(), version == SoapVersion.SOAP_11 ? "actor" : "role").strip();
        return role.isEmpty() || NEXT_ROLES.contains(role);
    }

    /** The WS-Addressing ReplyTo address; the anonymous and none addresses mean the default queue. */
    private static String address(Element replyTo) {
        for (Node n = replyTo.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && WSA.equals(e.getNamespaceURI()) && "Address".equals(e.getLocalName())) {
                String address = e.getTextContent().strip();
                return address.isEmpty() || address.equals(WSA_ANONYMOUS) || address.equals(WSA_NONE) ? null : address;
            }
        }
        return null;
    }

    /** The correlation id, read before validation so that a fault about an invalid request can still carry it. */
    private static String correlationIdIn(Element payload) {
        String id = childText(payload, "CorrelationId");
        return id != null && CORRELATION_ID.matcher(id).matches() ? id : null;
    }

    private static String childText(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && Operation.NAMESPACE.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                String text = e.getTextContent().strip();
                return text.isEmpty() ? null : text;
            }
        }
        return null;
    }

    /** The element children; text other than whitespace makes it not a SOAP envelope. */
    private static List<Element> children(Element parent, RequestContext context, String what) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            } else if ((n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE)
                    && !n.getNodeValue().isBlank()) {
                throw LegacyFaultException.of(FaultCode.NOT_A_SOAP_ENVELOPE, "The SOAP " + what
                        + " holds text; it may only hold elements", context);
            }
        }
        return elements;
    }

    private static boolean isSoap(Element element, SoapVersion version, String localName) {
        return version.namespace().equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    private static String name(Element element) {
        String namespace = element.getNamespaceURI();
        String local = element.getLocalName() != null ? element.getLocalName() : element.getNodeName();
        return printable(namespace == null ? local : "{" + namespace + "}" + local);
    }

    private static String names(List<Element> elements) {
        if (elements.isEmpty()) {
            return "nothing";
        }
        List<String> names = new ArrayList<>();
        for (Element element : elements) {
            names.add(name(element));
        }
        return String.join(", ", names);
    }

    /**
     * A parser's or validator's message, which may quote a value from the request (an invalid base64 content would be
     * quoted whole): one line, at most 300 characters, so faults stay small and log lines cannot be forged.
     */
    static String quoted(String message) {
        String line = message == null ? "" : message.replaceAll("\\p{Cntrl}", " ");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    /** Echoes a name from the request only as printable ASCII, at most 120 characters. */
    private static String printable(String value) {
        String cleaned = value.replaceAll("[^\\x20-\\x7E]", "?");
        return cleaned.length() > 120 ? cleaned.substring(0, 120) + "..." : cleaned;
    }
}
