package io.docflow.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.docflow.jobs.FailureReason;
import org.apache.tika.exception.TikaException;
import org.xml.sax.SAXException;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXParseException;

class ParseFailuresTest {

    @Test
    void tikasNestingCheckIsTooDeeplyNested() {
        // what SecureContentHandler throws, around its SecureSAXException
        assertThat(ParseFailures.reasonOf(new TikaException("Zip bomb detected!",
                new SAXException("Suspected zip bomb: 100 levels of XML element nesting"))))
                .isEqualTo(FailureReason.TOO_DEEPLY_NESTED);
    }

    @Test
    void tikasExpansionCheckIsTooLargeExpanded() {
        assertThat(ParseFailures.reasonOf(new TikaException("Zip bomb detected!",
                new SAXException("Suspected zip bomb: 1000 input bytes produced 1000000 output characters"))))
                .isEqualTo(FailureReason.TOO_LARGE_EXPANDED);
    }

    @Test
    void theXmlParsersEntityExpansionLimitIsTooLargeExpanded() {
        SAXParseException laughs = new SAXParseException("JAXP00010001: The parser has encountered more than \"64000\" "
                + "entity expansions in this document; this is the limit imposed by the JDK.", null);
        assertThat(ParseFailures.reasonOf(new TikaException("XML parse error", laughs))).isEqualTo(FailureReason.TOO_LARGE_EXPANDED);
    }

    @Test
    void aStackOverflowAnywhereInTheCausesIsTooDeeplyNested() {
        assertThat(ParseFailures.reasonOf(new TikaException("Parser failed", new StackOverflowError())))
                .isEqualTo(FailureReason.TOO_DEEPLY_NESTED);
    }

    @Test
    void anythingElseIsACorruptDocument() {
        assertThat(ParseFailures.reasonOf(new TikaException("Unexpected end of file", new java.io.EOFException())))
                .isEqualTo(FailureReason.CORRUPT_DOCUMENT);
        assertThat(ParseFailures.reasonOf(new TikaException(null))).isEqualTo(FailureReason.CORRUPT_DOCUMENT);
    }
}
