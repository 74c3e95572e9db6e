package io.docflow.extract;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.TikaCoreProperties;

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
    private final int maxExpansionRatio;
    private int parsed;
    /** An embedded zip found to be a bomb: Tika's parsers swallow what embedded parses throw, so it is kept here. */
    private DocumentExtractionException bomb;
    private int skipped;

    EmbeddedDocumentLimit(ParseContext context, int max) {
        this(context, max, Integer.MAX_VALUE);
    }

    /** @param maxExpansionRatio an embedded zip expanding beyond this ratio fails the parse (see {@link ZipExpansion}) */
    EmbeddedDocumentLimit(ParseContext context, int max, int maxExpansionRatio) {
        super(context);
        this.max = max;
        this.maxExpansionRatio = maxExpansionRatio;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        if (bomb != null) {
            return false;
        }
        if (parsed >= max) {
            skipped++;
            return false;
        }
        return super.shouldParseEmbedded(metadata);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        if (bomb != null) {
            return;
        }
        if (parsed >= max) {
            // a parser that did not ask shouldParseEmbedded first
            skipped++;
            return;
        }
        parsed++;
        TikaInputStream embedded = TikaInputStream.get(stream);
        if (startsLikeAZip(embedded)) {
            // an archive inside an archive: its own entries may be the bomb (zips of zips of zips)
            Path spooled = embedded.getPath();
            try {
                ZipExpansion.check(spooled, Files.size(spooled), maxExpansionRatio,
                        "'" + metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY) + "' (embedded)");
            } catch (DocumentExtractionException e) {
                bomb = e;
                throw new SAXException(e.getMessage(), e);
            }
        }
        super.parseEmbedded(embedded, handler, metadata, outputHtml);
    }

    private static boolean startsLikeAZip(TikaInputStream stream) throws IOException {
        stream.mark(4);
        try {
            return ZipExpansion.startsLikeAZip(stream);
        } finally {
            stream.reset();
        }
    }

    /** Throws the embedded bomb found during the parse, if any: the document fails with it, whatever the parser did. */
    void throwIfBombFound() {
        if (bomb != null) {
            throw bomb;
        }
    }

    int skipped() {
        return skipped;
    }
}
