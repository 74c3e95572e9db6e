package io.docflow.extract;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Splits text into chunks of at most {@code chunkMaxTokens} estimated tokens that together cover the whole text,
 * consecutive chunks sharing about {@code chunkOverlapTokens}. A chunk ends, by preference, where a paragraph
 * starts (if that keeps it at least half full), else where a sentence starts, else, inside one over-long sentence,
 * after whitespace, else after exactly the maximum characters. The overlap starts at a sentence if one begins
 * early enough in it, else at a word.
 */
@Component("textChunker")
public class TextChunker {

    private final int maxTokens;
    private final int maxCharacters;
    private final int overlapCharacters;
    private final int maxChunks;

    public TextChunker(ExtractionSettings settings) {
        this.maxTokens = settings.chunkMaxTokens();
        this.maxCharacters = TokenEstimator.characters(settings.chunkMaxTokens());
        this.overlapCharacters = TokenEstimator.characters(settings.chunkOverlapTokens());
        this.maxChunks = settings.maxChunks();
    }

    /** Blank or null text gives no chunks. */
    public ChunkPlan chunk(String text) {
        if (text == null || text.isBlank()) {
            return ChunkPlan.empty();
        }
        List<Span> spans = spans(text);
        List<Chunk> chunks = new ArrayList<>();
        List<ChunkPlan.Skipped> skipped = new ArrayList<>();
        for (int index = 0; index < spans.size(); index++) {
            Span span = spans.get(index);
            if (index < maxChunks) {
                String piece = text.substring(span.start(), span.end());
                chunks.add(new Chunk(index, piece, span.start(), span.end(), TokenEstimator.estimate(piece)));
            } else {
                skipped.add(new ChunkPlan.Skipped(index, span.start(), span.end()));
            }
        }
        return new ChunkPlan(chunks, skipped, skipped.isEmpty() ? null : skipReason(spans.size(), skipped));
    }

    private List<Span> spans(String text) {
        BreakFinder breaks = new BreakFinder(text);
        List<Span> spans = new ArrayList<>();
        int start = 0;
        int previousEnd = 0;
        while (true) {
            int end = end(text, breaks, start, previousEnd);
            spans.add(new Span(start, end));
            if (end == text.length()) {
                return spans;
            }
            start = nextStart(breaks, start, end);
            previousEnd = end;
        }
    }

    /** Where the chunk from {@code start} ends; always past {@code previousEnd}, so every chunk adds new text. */
    private int end(String text, BreakFinder breaks, int start, int previousEnd) {
        int limit = start + maxCharacters;
        if (limit >= text.length()) {
            return text.length();
        }
        int notBefore = Math.max(start, previousEnd);
        int paragraph = breaks.lastParagraphStart(Math.max(notBefore, start + maxCharacters / 2), limit);
        if (paragraph > 0) {
            return paragraph;
        }
        int sentence = breaks.lastSentenceStart(notBefore, limit);
        if (sentence > 0) {
            return sentence;
        }
        int word = breaks.lastWordStart(notBefore, limit);
        if (word > 0) {
            return word;
        }
        int cut = breaks.codePointBoundary(limit);
        return cut > notBefore ? cut : limit;
    }

    /** Where the chunk after [start, end) begins: about the overlap before {@code end}, always after {@code start}. */
    private int nextStart(BreakFinder breaks, int start, int end) {
        if (overlapCharacters == 0) {
            return end;
        }
        int earliest = Math.max(end - overlapCharacters, start + 1);
        int sentence = breaks.firstSentenceStart(earliest, Math.min(end - 1, earliest + overlapCharacters / 2));
        if (sentence > 0) {
            return sentence;
        }
        int word = breaks.firstWordStart(earliest, end - 1);
        if (word > 0) {
            return word;
        }
        int cut = breaks.codePointBoundary(earliest);
        return cut > start ? cut : earliest;
    }

    private String skipReason(int planned, List<ChunkPlan.Skipped> skipped) {
        ChunkPlan.Skipped first = skipped.get(0);
        ChunkPlan.Skipped last = skipped.get(skipped.size() - 1);
        return "The text needs " + planned + " chunks of at most " + maxTokens + " tokens but docflow.extract.max-chunks is "
                + maxChunks + ": chunks " + first.index() + " to " + last.index() + " (characters " + first.startOffset()
                + " to " + last.endOffset() + ") were left out";
    }

    private record Span(int start, int end) {
    }
}
