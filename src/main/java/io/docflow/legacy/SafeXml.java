package io.docflow.legacy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML parsing, validation and serialization hardened for untrusted input. Always the JDK's own implementations
 * ({@code newDefaultInstance}), whatever else is on the classpath, so every setting below is known to apply:
 * <ul>
 *     <li>a document type declaration is a fatal error, so no DTD, no entity of any kind (internal or external),
 *     no entity expansion (billion laughs) and no external DTD fetch can happen;</li>
 *     <li>external entities, external DTDs and external schemas are off a second time, by feature and by the JAXP
 *     access properties (empty: no protocol allowed);</li>
 *     <li>XInclude is off and entity references are not expanded;</li>
 *     <li>secure processing is on, with tight limits on entity expansion, entity sizes and element depth.</li>
 * </ul>
 * Parsing reads a {@code String} (SQS bodies are text), so the size check happens before and the XML declaration's
 * encoding cannot reinterpret the bytes.
 */
public final class SafeXml {

    /** Deeper nesting than any docflow message needs (the deepest is 6 levels), well below stack trouble. */
    static final int MAX_ELEMENT_DEPTH = 32;

    private static final String JDK_LIMITS = "http://www.oracle.com/xml/jaxp/properties/";
    private static final DocumentBuilderFactory PARSERS = parsers();
    private static final TransformerFactory TRANSFORMERS = transformers();

    private static final ErrorHandler FAIL_ON_ERRORS = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // not an error: the parser goes on
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };

    private SafeXml() {
    }

    /** Parses untrusted XML into a namespace-aware DOM. Parser messages never echo the input beyond names. */
    public static Document parse(String xml) throws SAXException {
        try {
            DocumentBuilder builder = newBuilder();
            builder.setErrorHandler(FAIL_ON_ERRORS);
            // nothing is ever resolved: a reference that got past the DOCTYPE ban would fail here, unread
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("External entities are not allowed");
            });
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser rejects docflow's hardening settings", e);
        } catch (IOException e) {
            // a StringReader does no I/O, and nothing external is ever opened
            throw new SAXException("The XML could not be read: " + e.getMessage(), e);
        }
    }

    /** A new, empty document for building messages. */
    public static Document newDocument() {
        try {
            Document document = newBuilder().newDocument();
            // no standalone="no" in the XML declaration
            document.setXmlStandalone(true);
            return document;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A schema from a trusted location (docflow's classpath); it may not reach out to any other. */
    public static Schema schema(URL location) {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(location.openStream(), location.toExternalForm()));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("Cannot load the XML schema " + location + ": " + e.getMessage(), e);
        }
    }

    /** A validator that never loads anything a document points at (xsi:schemaLocation and the like). */
    public static Validator validator(Schema schema, ErrorHandler errors) {
        Validator validator = schema.newValidator();
        try {
            validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("The JDK's schema validator rejects docflow's hardening settings", e);
        }
        validator.setErrorHandler(errors);
        return validator;
    }

    /** The node as UTF-8 XML text with an XML declaration. */
    public static String serialize(Node node) {
        try {
            Transformer transformer;
            synchronized (TRANSFORMERS) {
                transformer = TRANSFORMERS.newTransformer();
            }
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("Cannot serialize an XML message docflow built: " + e.getMessage(), e);
        }
    }

    /** Factories are not guaranteed thread-safe; the builders they make are used by one thread each. */
    private static DocumentBuilder newBuilder() throws ParserConfigurationException {
        synchronized (PARSERS) {
            return PARSERS.newDocumentBuilder();
        }
    }

    private static DocumentBuilderFactory parsers() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setCoalescing(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser lacks a hardening feature docflow needs", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // Belt and braces behind the DOCTYPE ban: with no DTD there are no entities to expand or size.
        factory.setAttribute(JDK_LIMITS + "entityExpansionLimit", "100");
        factory.setAttribute(JDK_LIMITS + "maxGeneralEntitySizeLimit", "1024");
        factory.setAttribute(JDK_LIMITS + "maxParameterEntitySizeLimit", "1024");
        factory.setAttribute(JDK_LIMITS + "totalEntitySizeLimit", "4096");
        factory.setAttribute(JDK_LIMITS + "maxElementDepth", Integer.toString(MAX_ELEMENT_DEPTH));
        return factory;
    }

    private static TransformerFactory transformers() {
        TransformerFactory factory = TransformerFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw new IllegalStateException(e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return factory;
    }
}
