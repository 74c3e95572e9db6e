package io.docflow.extract;

import java.io.IOException;
import java.io.InputStream;

import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Tika's embedded-document extractor with a budget: the first {@code max} embedded documents of one parse (attachments,
 * archive entries, images in office files, at any depth, since nested parses share the context) are parsed, the rest
 * are skipped and counted. An archive of a million tiny entries then costs no more than {@code max} of them, and the
 * result says how many were left out. One instance per parse; not thread-safe.
 */
final class EmbeddedDocumentLimit extends ParsingEmbeddedDocumentExtractor {

    private final int max;
    private int parsed;
    private int skipped;

    EmbeddedDocumentLimit(ParseContext context, int max) {
        super(context);
        this.max = max;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        if (parsed >= max) {
            skipped++;
            return false;
        }
        return super.shouldParseEmbedded(metadata);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        if (parsed >= max) {
            // a parser that did not ask shouldParseEmbedded first
            skipped++;
            return;
        }
        parsed++;
        super.parseEmbedded(stream, handler, metadata, outputHtml);
    }

    int skipped() {
        return skipped;
    }
}
