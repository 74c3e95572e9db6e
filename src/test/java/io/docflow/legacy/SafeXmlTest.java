package io.docflow.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/** The hardened parser against the classic XML attacks: nothing is read, expanded or fetched, and it fails fast. */
class SafeXmlTest {

    @TempDir Path dir;

    @Test
    void parsesNamespaceAwareWithoutTouchingTheText() throws SAXException {
        Document document = SafeXml.parse("<a:x xmlns:a=\"urn:a\">&lt;b&gt; &amp; &#x41;</a:x>");
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("urn:a");
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("x");
        assertThat(document.getDocumentElement().getTextContent()).isEqualTo("<b> & A");
    }

    @Test
    void anExternalEntityIsRefusedAndItsFileNeverRead() throws IOException {
        String secret = "SECRET-" + UUID.randomUUID();
        Path file = Files.writeString(dir.resolve("secret.txt"), secret);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + file.toUri() + "\">]><r>&xxe;</r>";

        assertThatThrownBy(() -> SafeXml.parse(xxe))
                .isInstanceOf(SAXException.class)
                .hasMessageContaining("DOCTYPE")
                .message().doesNotContain(secret);
    }

    @Test
    void aBillionLaughsIsRefusedAtOnce() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE r [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = dtd + "]><r>&l10;</r>";

        assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> assertThatThrownBy(() -> SafeXml.parse(bomb)).isInstanceOf(SAXException.class));
    }

    @Test
    void anExternalDtdIsNeverFetched() throws IOException {
        try (ServerSocket listener = new ServerSocket(0)) {
            listener.setSoTimeout(300);
            String xml = "<!DOCTYPE r SYSTEM \"http://127.0.0.1:" + listener.getLocalPort() + "/evil.dtd\"><r/>";
            assertThatThrownBy(() -> SafeXml.parse(xml)).isInstanceOf(SAXException.class);
            // nobody connected
            assertThatThrownBy(listener::accept).isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    @Test
    void xincludeIsLeftAsAnOrdinaryElement() throws IOException, SAXException {
        String secret = "SECRET-" + UUID.randomUUID();
        Path file = Files.writeString(dir.resolve("included.txt"), secret);
        Document document = SafeXml.parse("<r xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\""
                + file.toUri() + "\" parse=\"text\"/></r>");

        assertThat(document.getDocumentElement().getTextContent()).doesNotContain(secret);
        assertThat(document.getElementsByTagNameNS("http://www.w3.org/2001/XInclude", "include").getLength()).isEqualTo(1);
    }

    @Test
    void absurdNestingIsRefused() {
        String deep = "<a>".repeat(SafeXml.MAX_ELEMENT_DEPTH + 5) + "</a>".repeat(SafeXml.MAX_ELEMENT_DEPTH + 5);
        assertThatThrownBy(() -> SafeXml.parse(deep)).isInstanceOf(SAXException.class);
    }

    @Test
    void serializesWithAnXmlDeclarationAndNoStandaloneAttribute() {
        Document document = SafeXml.newDocument();
        document.appendChild(document.createElementNS("urn:x", "x:r")).setTextContent("ä & <");
        assertThat(SafeXml.serialize(document))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("ä &amp; &lt;")
                .doesNotContain("standalone");
    }
}
