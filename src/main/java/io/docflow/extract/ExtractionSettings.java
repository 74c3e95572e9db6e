package io.docflow.extract;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits for text extraction and chunking, bound from {@code docflow.extract.*}.
 *
 * @param maxDocumentBytes   documents above this size are refused before parsing
 * @param maxCharacters      extraction stops after this many characters and the result says it was truncated
 * @param chunkMaxTokens     estimated tokens per chunk, at most
 * @param chunkOverlapTokens estimated tokens that consecutive chunks share; below {@code chunkMaxTokens}
 * @param maxChunks          chunks past this many are reported as skipped, never silently dropped
 * @param parseTimeout       a parse running longer fails the document ({@code PARSE_TIMEOUT})
 * @param maxEmbeddedDocuments embedded documents (attachments, archive entries, images in office files, at any depth)
 *                             parsed per document; the rest are skipped and counted in the result
 * @param maxExpansionRatio    a zip-based document (DOCX, XLSX, PPTX, ODF, EPUB, ZIP) whose entries expand to more than
 *                             this many times the file's size, beyond 10 MB, is refused before parsing
 *                             ({@code TOO_LARGE_EXPANDED}): a decompression bomb
 * @param maxPages             a PDF declaring more pages than this is refused before parsing ({@code TOO_MANY_PAGES})
 * @param isolation            where parsing runs: child JVMs with their own heap and time limit
 */
public record ExtractionSettings(
        @DefaultValue("100MB") DataSize maxDocumentBytes,
        @DefaultValue("2000000") int maxCharacters,
        @DefaultValue("2000") int chunkMaxTokens,
        @DefaultValue("200") int chunkOverlapTokens,
        @DefaultValue("500") int maxChunks,
        @DefaultValue("120s") Duration parseTimeout,
        @DefaultValue("1000") int maxEmbeddedDocuments,
        @DefaultValue("100") int maxExpansionRatio,
        @DefaultValue("5000") int maxPages,
        @DefaultValue ParserIsolation isolation) {

    public ExtractionSettings {
        Objects.requireNonNull(maxDocumentBytes, "docflow.extract.max-document-bytes must be set");
        requireAtLeast(1, maxDocumentBytes.toBytes(), "max-document-bytes");
        requireAtLeast(1, maxCharacters, "max-characters");
        requireAtLeast(1, chunkMaxTokens, "chunk-max-tokens");
        requireAtLeast(0, chunkOverlapTokens, "chunk-overlap-tokens");
        requireAtLeast(1, maxChunks, "max-chunks");
        Objects.requireNonNull(parseTimeout, "docflow.extract.parse-timeout must be set");
        requireAtLeast(0, maxEmbeddedDocuments, "max-embedded-documents");
        requireAtLeast(1, maxExpansionRatio, "max-expansion-ratio");
        requireAtLeast(1, maxPages, "max-pages");
        Objects.requireNonNull(isolation, "docflow.extract.isolation must be set");
        if (chunkOverlapTokens >= chunkMaxTokens) {
            throw new IllegalArgumentException("docflow.extract.chunk-overlap-tokens (" + chunkOverlapTokens
                    + ") must be below docflow.extract.chunk-max-tokens (" + chunkMaxTokens + ")");
        }
    }

    public static ExtractionSettings defaults() {
        return new ExtractionSettings(DataSize.ofMegabytes(100), 2_000_000, 2000, 200, 500, Duration.ofSeconds(120), 1000,
                100, 5000, ParserIsolation.defaults());
    }

    public ExtractionSettings withMaxDocumentBytes(DataSize value) {
        return new ExtractionSettings(value, maxCharacters, chunkMaxTokens, chunkOverlapTokens, maxChunks, parseTimeout, maxEmbeddedDocuments, maxExpansionRatio, maxPages, isolation);
    }

    public ExtractionSettings withMaxCharacters(int value) {
        return new ExtractionSettings(maxDocumentBytes, value, chunkMaxTokens, chunkOverlapTokens, maxChunks, parseTimeout, maxEmbeddedDocuments, maxExpansionRatio, maxPages, isolation);
    }

    public ExtractionSettings withChunking(int maxTokens, int overlapTokens, int chunks) {
        return new ExtractionSettings(maxDocumentBytes, maxCharacters, maxTokens, overlapTokens, chunks, parseTimeout, maxEmbeddedDocuments, maxExpansionRatio, maxPages, isolation);
    }

    public ExtractionSettings withParseTimeout(Duration value) {
        return new ExtractionSettings(maxDocumentBytes, maxCharacters, chunkMaxTokens, chunkOverlapTokens, maxChunks, value, maxEmbeddedDocuments,
                maxExpansionRatio, maxPages, isolation);
    }

    public ExtractionSettings withMaxEmbeddedDocuments(int value) {
        return new ExtractionSettings(maxDocumentBytes, maxCharacters, chunkMaxTokens, chunkOverlapTokens, maxChunks,
                parseTimeout, value, maxExpansionRatio, maxPages, isolation);
    }

    public ExtractionSettings withMaxExpansionRatio(int value) {
        return new ExtractionSettings(maxDocumentBytes, maxCharacters, chunkMaxTokens, chunkOverlapTokens, maxChunks,
                parseTimeout, maxEmbeddedDocuments, value, maxPages, isolation);
    }

    public ExtractionSettings withMaxPages(int value) {
        return new ExtractionSettings(maxDocumentBytes, maxCharacters, chunkMaxTokens, chunkOverlapTokens, maxChunks,
                parseTimeout, maxEmbeddedDocuments, maxExpansionRatio, value, isolation);
    }

    public ExtractionSettings withIsolation(ParserIsolation value) {
        return new ExtractionSettings(maxDocumentBytes, maxCharacters, chunkMaxTokens, chunkOverlapTokens, maxChunks,
                parseTimeout, maxEmbeddedDocuments, maxExpansionRatio, maxPages, value);
    }

    private static void requireAtLeast(long minimum, long value, String key) {
        if (value < minimum) {
            throw new IllegalArgumentException("docflow.extract." + key + " must be at least " + minimum + ", was " + value);
        }
    }
}
