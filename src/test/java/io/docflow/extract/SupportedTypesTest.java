package io.docflow.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Set;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AbstractParser;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ParseContext;
import org.junit.jupiter.api.Test;
import org.xml.sax.ContentHandler;

class SupportedTypesTest {

    /** A parser that claims the given types and parses nothing. */
    private static AbstractParser parserFor(MediaType... types) {
        return new AbstractParser() {
            @Override
            public Set<MediaType> getSupportedTypes(ParseContext context) {
                return Set.of(types);
            }

            @Override
            public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context) {
            }
        };
    }

    private static SupportedTypes supporting(MediaType... types) {
        return new SupportedTypes(new CompositeParser(MediaTypeRegistry.getDefaultRegistry(), parserFor(types)));
    }

    @Test
    void aTypeWithItsOwnParserIsSupported() {
        assertThat(supporting(MediaType.application("pdf")).supports(MediaType.application("pdf"))).isTrue();
    }

    @Test
    void aTypeWithoutAParserIsNot() {
        SupportedTypes types = supporting(MediaType.application("pdf"));

        assertThat(types.supports(MediaType.parse("application/vnd.ms-excel"))).isFalse();
        assertThat(types.supports(MediaType.OCTET_STREAM)).isFalse();
    }

    @Test
    void aSubtypeFallsBackToItsSupertypesParser() {
        SupportedTypes plainText = supporting(MediaType.TEXT_PLAIN);

        assertThat(plainText.supports(MediaType.parse("text/x-java-source"))).isTrue();
        assertThat(plainText.supports(MediaType.parse("text/csv"))).isTrue();
        assertThat(plainText.supports(MediaType.parse("image/png"))).isFalse();
    }

    @Test
    void parametersAreIgnored() {
        assertThat(supporting(MediaType.TEXT_PLAIN).supports(MediaType.parse("text/plain; charset=ISO-8859-1"))).isTrue();
    }

    @Test
    void anAliasIsNormalisedToItsCanonicalType() {
        assertThat(supporting(MediaType.application("pdf")).supports(MediaType.parse("application/x-pdf"))).isTrue();
    }

    @Test
    void tikasStandardParsersReadCommonFormatsButNotUnknownBytes() {
        SupportedTypes standard = new SupportedTypes(new AutoDetectParser());

        assertThat(standard.supports(MediaType.application("pdf"))).isTrue();
        assertThat(standard.supports(MediaType.parse("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))).isTrue();
        assertThat(standard.supports(MediaType.TEXT_PLAIN)).isTrue();
        assertThat(standard.supports(MediaType.OCTET_STREAM)).isFalse();
        assertThat(standard.supports(MediaType.parse("application/x-docflow-unknown"))).isFalse();
    }
}
