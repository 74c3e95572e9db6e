package io.docflow.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.transform.dom.DOMSource;

import io.docflow.legacy.xml.FaultCode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The contract in src/main/resources/legacy (documented in docs/legacy) is what legacy teams build against, so it must say what docflow does: the schema docflow validates
 * with is the published one, the WSDL names that schema's elements and docflow's actions, and every example in the
 * README is read, or validates, as docflow reads and writes it.
 */
class PublishedContractTest {

    private static final Path DOCS = Path.of("docs/legacy");
    private static final Path CONTRACT = Path.of("src/main/resources/legacy");
    private static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema";
    private static final String WSAM = "http://www.w3.org/2007/05/addressing/metadata";

    @Test
    void docflowValidatesAgainstThePublishedSchema() throws IOException {
        try (InputStream onClasspath = getClass().getClassLoader().getResourceAsStream(LegacyContract.SCHEMA_RESOURCE)) {
            assertThat(onClasspath).isNotNull();
            assertThat(onClasspath.readAllBytes()).isEqualTo(Files.readAllBytes(CONTRACT.resolve("legacy.xsd")));
        }
    }

    @Test
    void theWsdlNamesTheSchemasElementsAndDocflowsActions() throws Exception {
        Document wsdl = SafeXml.parse(Files.readString(CONTRACT.resolve("docflow-legacy.wsdl")));
        Document xsd = SafeXml.parse(Files.readString(CONTRACT.resolve("legacy.xsd")));

        Element schemaImport = (Element) wsdl.getElementsByTagNameNS(XSD, "import").item(0);
        assertThat(schemaImport.getAttribute("namespace")).isEqualTo(Operation.NAMESPACE);
        assertThat(schemaImport.getAttribute("schemaLocation")).isEqualTo("legacy.xsd");

        Set<String> globalElements = new HashSet<>();
        for (Element element : children(xsd.getDocumentElement(), XSD, "element")) {
            globalElements.add(element.getAttribute("name"));
        }
        NodeList parts = wsdl.getElementsByTagNameNS(WSDL, "part");
        assertThat(parts.getLength()).isEqualTo(6);
        for (int i = 0; i < parts.getLength(); i++) {
            String element = ((Element) parts.item(i)).getAttribute("element");
            assertThat(element).startsWith("dl:");
            assertThat(globalElements).contains(element.substring(3));
        }

        // each operation message's action is docflow's: the namespace plus the body element's name (faults: /Fault)
        for (String direction : new String[] {"input", "output", "fault"}) {
            NodeList uses = wsdl.getElementsByTagNameNS(WSDL, direction);
            for (int i = 0; i < uses.getLength(); i++) {
                Element use = (Element) uses.item(i);
                if (!use.hasAttribute("message")) {
                    continue; // a binding's input/output
                }
                String action = use.getAttributeNS(WSAM, "Action");
                String element = partElement(wsdl, use.getAttribute("message").substring(4));
                assertThat(action).as(direction + " " + element)
                        .isEqualTo(direction.equals("fault") ? SoapWriter.FAULT_ACTION : SoapWriter.ACTION_PREFIX + element);
            }
        }
        for (String operation : new String[] {"ProcessDocument", "GetDocumentStatus"}) {
            assertThat(Operation.of(Operation.NAMESPACE, operation)).isNotNull();
        }
        assertThat(Files.readString(CONTRACT.resolve("docflow-legacy.wsdl")))
                .contains("binding name=\"DocflowLegacySoap11\"").contains("binding name=\"DocflowLegacySoap12\"");
    }

    @Test
    void everyReadmeExampleIsWhatDocflowReadsAndWrites() throws Exception {
        SoapRequestReader reader = LegacyConfig.reader();
        List<String> examples = xmlExamples(Files.readString(DOCS.resolve("README.md")));
        assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
        int requests = 0;
        int answers = 0;
        for (String example : examples) {
            Soap.Answer message = Soap.Answer.of(example);
            Operation operation = Operation.of(Operation.NAMESPACE, message.kind());
            if (operation != null) {
                requests++;
                if (example.contains("<dl:S3Reference>") || example.contains("<dl:InlineDocument>")
                        || operation == Operation.GET_DOCUMENT_STATUS) {
                    assertThat(reader.read(example, "readme").operation()).isEqualTo(operation);
                } else {
                    // the README's invalid request: its fault, shown next to it, is the one docflow gives
                    LegacyFaultException fault = catchThrowableOfType(LegacyFaultException.class, () -> reader.read(example, "readme"));
                    assertThat(fault.code()).isEqualTo(FaultCode.SCHEMA_INVALID);
                    assertThat(examples).anySatisfy(e -> assertThat(e).contains("<faultstring>" + fault.getMessage() + "</faultstring>"));
                }
                continue;
            }
            answers++;
            Element payload = message.isFault()
                    ? (Element) message.document().getElementsByTagNameNS(Soap.DL, "LegacyFault").item(0)
                    : firstElement((Element) message.document().getElementsByTagNameNS(message.envelopeNamespace(), "Body").item(0));
            SafeXml.validator(LegacyConfig.CONTRACT.schema(), null).validate(new DOMSource(payload));
            assertThat(message.header("Action")).isEqualTo(message.isFault() ? SoapWriter.FAULT_ACTION
                    : SoapWriter.ACTION_PREFIX + message.kind());
            assertThat(message.header("RelatesTo")).isNotBlank();
        }
        assertThat(requests).isEqualTo(4);
        assertThat(answers).isEqualTo(6);
    }

    private static List<String> xmlExamples(String markdown) {
        List<String> examples = new ArrayList<>();
        Matcher blocks = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (blocks.find()) {
            examples.add(blocks.group(1));
        }
        return examples;
    }

    private static String partElement(Document wsdl, String messageName) {
        for (Element message : children(wsdl.getDocumentElement(), WSDL, "message")) {
            if (message.getAttribute("name").equals(messageName)) {
                return ((Element) message.getElementsByTagNameNS(WSDL, "part").item(0)).getAttribute("element").substring(3);
            }
        }
        throw new AssertionError("No message " + messageName);
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                children.add(e);
            }
        }
        return children;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("empty " + parent.getNodeName());
    }
}
