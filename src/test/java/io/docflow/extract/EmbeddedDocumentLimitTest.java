package io.docflow.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AbstractParser;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ToTextContentHandler;
import org.apache.tika.sax.XHTMLContentHandler;
import org.junit.jupiter.api.Test;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

class EmbeddedDocumentLimitTest {

    private final ParseContext context = new ParseContext();
    /** Outside any document body, as a container parser's handler is mid-parse: takes all text it is given. */
    private final ToTextContentHandler handler = new ToTextContentHandler();

    EmbeddedDocumentLimitTest() {
        // the parser embedded documents are parsed with: writes each document's bytes as text
        context.set(Parser.class, new AbstractParser() {
            @Override
            public Set<MediaType> getSupportedTypes(ParseContext parseContext) {
                return Set.of(MediaType.TEXT_PLAIN);
            }

            @Override
            public void parse(InputStream stream, ContentHandler out, Metadata metadata, ParseContext parseContext)
                    throws IOException, SAXException {
                XHTMLContentHandler xhtml = new XHTMLContentHandler(out, metadata);
                xhtml.startDocument();
                xhtml.element("p", new String(stream.readAllBytes(), StandardCharsets.UTF_8));
                xhtml.endDocument();
            }
        });
    }

    private static InputStream document(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** What a well-behaved container parser does: ask, then parse. */
    private static void offer(EmbeddedDocumentLimit limit, String text, ContentHandler handler) throws Exception {
        Metadata metadata = new Metadata();
        if (limit.shouldParseEmbedded(metadata)) {
            limit.parseEmbedded(document(text), handler, metadata, false);
        }
    }

    @Test
    void theFirstMaxDocumentsAreParsedAndTheRestCounted() throws Exception {
        EmbeddedDocumentLimit limit = new EmbeddedDocumentLimit(context, 2);

        for (String text : new String[] {"one", "two", "three", "four", "five"}) {
            offer(limit, text, handler);
        }

        assertThat(handler.toString()).contains("one", "two").doesNotContain("three", "four", "five");
        assertThat(limit.skipped()).isEqualTo(3);
    }

    @Test
    void nothingSkippedUnderTheLimit() throws Exception {
        EmbeddedDocumentLimit limit = new EmbeddedDocumentLimit(context, 2);

        offer(limit, "one", handler);
        offer(limit, "two", handler);

        assertThat(handler.toString()).contains("one", "two");
        assertThat(limit.skipped()).isZero();
    }

    @Test
    void aParserThatDoesNotAskIsStoppedToo() throws Exception {
        EmbeddedDocumentLimit limit = new EmbeddedDocumentLimit(context, 1);

        limit.parseEmbedded(document("one"), handler, new Metadata(), false);
        limit.parseEmbedded(document("two"), handler, new Metadata(), false);

        assertThat(handler.toString()).contains("one").doesNotContain("two");
        assertThat(limit.skipped()).isEqualTo(1);
    }

    @Test
    void aLimitOfZeroParsesNoEmbeddedDocument() throws Exception {
        EmbeddedDocumentLimit limit = new EmbeddedDocumentLimit(context, 0);

        assertThat(limit.shouldParseEmbedded(new Metadata())).isFalse();
        limit.parseEmbedded(document("one"), handler, new Metadata(), false);

        assertThat(handler.toString()).doesNotContain("one");
        assertThat(limit.skipped()).isEqualTo(2);
    }

    @Test
    void limitsTheEntriesOfARealArchive() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (int i = 1; i <= 5; i++) {
                out.putNextEntry(new ZipEntry("entry-" + i + ".txt"));
                out.write(("content of entry number " + i).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        AutoDetectParser parser = new AutoDetectParser();
        ParseContext archiveContext = new ParseContext();
        archiveContext.set(Parser.class, parser);
        EmbeddedDocumentLimit limit = new EmbeddedDocumentLimit(archiveContext, 3);
        archiveContext.set(EmbeddedDocumentExtractor.class, limit);
        BodyContentHandler text = new BodyContentHandler(-1);

        parser.parse(new ByteArrayInputStream(zip.toByteArray()), text, new Metadata(), archiveContext);

        assertThat(text.toString()).contains("entry number 1", "entry number 2", "entry number 3")
                .doesNotContain("entry number 4", "entry number 5");
        assertThat(limit.skipped()).isEqualTo(2);
    }
}
