package io.docflow.legacy;

import java.util.UUID;

import javax.xml.XMLConstants;

import io.docflow.legacy.xml.FaultCode;
import io.docflow.legacy.xml.LegacyFault;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds SOAP 1.1 and 1.2 envelopes as DOM trees, the body marshalled by JAXB from the generated types, and
 * serializes them. Every answer has WS-Addressing headers: a fresh MessageID, the Action (as in the WSDL) and
 * RelatesTo (see {@link RequestContext#relatesTo()}).
 */
@Component
public class SoapWriter {

    /** Actions: the schema namespace plus the message name, as legacy/docflow-legacy.wsdl declares them. */
    public static final String ACTION_PREFIX = Operation.NAMESPACE + "/";
    public static final String FAULT_ACTION = ACTION_PREFIX + "Fault";

    private static final String SOAP = "soap";
    private static final String PREFIX = "dl";

    private final LegacyContract contract;

    public SoapWriter(LegacyContract contract) {
        this.contract = contract;
    }

    /** An envelope whose body is {@code payload}, a generated root element or a JAXBElement of one. */
    public String answer(ReplyTarget target, String messageName, Object payload) {
        Document document = SafeXml.newDocument();
        Element body = envelope(document, target, ACTION_PREFIX + messageName);
        marshal(payload, body);
        return SafeXml.serialize(document);
    }

    /**
     * A fault: {@code Client}/{@code Sender} for a request that is wrong, {@code Server}/{@code Receiver} for
     * {@link FaultCode#INTERNAL_ERROR}, and the SOAP codes VersionMismatch and MustUnderstand for those two
     * problems. The detail is a {@code LegacyFault} element with the code and the reason.
     */
    public String fault(ReplyTarget target, LegacyFault detail) {
        SoapVersion version = target.version();
        String ns = version.namespace();
        Document document = SafeXml.newDocument();
        Element body = envelope(document, target, FAULT_ACTION);
        Element fault = add(body, ns, SOAP + ":Fault");
        String code = SOAP + ":" + soapFaultCode(detail.getCode(), version);
        if (version == SoapVersion.SOAP_11) {
            // SOAP 1.1 fault children are unqualified
            text(fault, null, "faultcode", code);
            text(fault, null, "faultstring", detail.getMessage());
            marshal(detail, add(fault, null, "detail"));
        } else {
            text(add(fault, ns, SOAP + ":Code"), ns, SOAP + ":Value", code);
            Element reason = text(add(fault, ns, SOAP + ":Reason"), ns, SOAP + ":Text", detail.getMessage());
            reason.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", "en");
            marshal(detail, add(fault, ns, SOAP + ":Detail"));
        }
        return SafeXml.serialize(document);
    }

    static String soapFaultCode(FaultCode code, SoapVersion version) {
        return switch (code) {
            case VERSION_MISMATCH -> "VersionMismatch";
            case MUST_UNDERSTAND -> "MustUnderstand";
            case INTERNAL_ERROR -> version.receiverFaultCode();
            default -> version.senderFaultCode();
        };
    }

    /** Envelope, Header with the WS-Addressing blocks, and the empty Body, which is returned. */
    private static Element envelope(Document document, ReplyTarget target, String action) {
        String ns = target.version().namespace();
        Element envelope = document.createElementNS(ns, SOAP + ":Envelope");
        envelope.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + SOAP, ns);
        envelope.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:wsa", SoapRequestReader.WSA);
        envelope.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + PREFIX, Operation.NAMESPACE);
        document.appendChild(envelope);
        Element header = add(envelope, ns, SOAP + ":Header");
        text(header, SoapRequestReader.WSA, "wsa:MessageID", "urn:uuid:" + UUID.randomUUID());
        text(header, SoapRequestReader.WSA, "wsa:Action", action);
        if (target.relatesTo() != null) {
            text(header, SoapRequestReader.WSA, "wsa:RelatesTo", target.relatesTo());
        }
        return add(envelope, ns, SOAP + ":Body");
    }

    private void marshal(Object payload, Element parent) {
        try {
            Marshaller marshaller = contract.jaxb().createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            marshaller.marshal(payload, parent);
        } catch (JAXBException e) {
            throw new IllegalStateException("Cannot write a legacy answer: " + e.getMessage(), e);
        }
        usePrefix(parent);
    }

    /** docflow's elements under the prefix the Envelope declares, instead of the one JAXB made up. */
    private static void usePrefix(Element element) {
        if (Operation.NAMESPACE.equals(element.getNamespaceURI())) {
            element.setPrefix(PREFIX);
        }
        var attributes = element.getAttributes();
        for (int i = attributes.getLength() - 1; i >= 0; i--) {
            var attribute = attributes.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())
                    && Operation.NAMESPACE.equals(attribute.getNodeValue())) {
                element.removeAttributeNode((org.w3c.dom.Attr) attribute);
            }
        }
        for (var n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                usePrefix(child);
            }
        }
    }

    private static Element add(Element parent, String namespace, String qualifiedName) {
        Element child = parent.getOwnerDocument().createElementNS(namespace, qualifiedName);
        parent.appendChild(child);
        return child;
    }

    private static Element text(Element parent, String namespace, String qualifiedName, String text) {
        Element child = add(parent, namespace, qualifiedName);
        child.setTextContent(text);
        return child;
    }
}
