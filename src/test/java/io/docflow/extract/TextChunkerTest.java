package io.docflow.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TextChunkerTest {

    /** 100 tokens: 400 characters a chunk, 80 of them shared with the next. */
    private final TextChunker small = chunker(100, 20, 500);

    @Test
    void shortTextIsOneChunk() {
        ChunkPlan plan = small.chunk("A short note. Nothing more.");

        assertThat(plan.chunks()).singleElement().satisfies(chunk -> {
            assertThat(chunk.index()).isZero();
            assertThat(chunk.text()).isEqualTo("A short note. Nothing more.");
            assertThat(chunk.startOffset()).isZero();
            assertThat(chunk.endOffset()).isEqualTo(27);
            assertThat(chunk.estimatedTokens()).isEqualTo(7);
        });
        assertThat(plan.complete()).isTrue();
        assertThat(plan.reason()).isNull();
    }

    @Test
    void blankTextHasNoChunks() {
        assertThat(small.chunk(" \n\t\n  ").chunks()).isEmpty();
        assertThat(small.chunk("").chunks()).isEmpty();
        assertThat(small.chunk(null).chunks()).isEmpty();
    }

    @Test
    void sixtyPagesSplitInOrderWithinTheLimitAndFullyCovered() {
        String text = pages(60, 3000);
        TextChunker chunker = new TextChunker(ExtractionSettings.defaults());

        List<Chunk> chunks = chunker.chunk(text).chunks();

        assertThat(text.length()).isGreaterThanOrEqualTo(180_000);
        assertThat(chunks).hasSizeBetween(23, 40);
        assertCoversInOrder(text, chunks, 2000);
        assertOverlaps(chunks, 800);
        for (Chunk chunk : chunks.subList(0, chunks.size() - 1)) {
            assertThat(Character.isWhitespace(text.charAt(chunk.endOffset() - 1))).as("chunk %d ends after a sentence", chunk.index()).isTrue();
            assertThat(text.substring(0, chunk.endOffset()).stripTrailing()).endsWith(".");
        }
    }

    @Test
    void paragraphBoundariesWinOverSentences() {
        String paragraph = "This sentence is exactly fifty characters long ok. ".repeat(5).strip();
        String text = String.join("\n\n", paragraph, paragraph, paragraph, paragraph);

        List<Chunk> chunks = small.chunk(text).chunks();

        assertCoversInOrder(text, chunks, 100);
        for (Chunk chunk : chunks.subList(0, chunks.size() - 1)) {
            assertThat(chunk.text()).as("chunk %d", chunk.index()).endsWith("ok.\n\n");
        }
    }

    @Test
    void oneGiantSentenceSplitsBetweenWords() {
        String sentence = words(new Random(3), 5000) + ".";

        List<Chunk> chunks = small.chunk(sentence).chunks();

        assertThat(chunks).hasSizeGreaterThan(10);
        assertCoversInOrder(sentence, chunks, 100);
        assertOverlaps(chunks, 80);
        for (Chunk chunk : chunks.subList(0, chunks.size() - 1)) {
            assertThat(chunk.text()).endsWith(" ");
            assertThat(chunk.text().charAt(0)).isNotEqualTo(' ');
        }
    }

    @Test
    void textWithoutAnyBreakIsCutHard() {
        String text = "x".repeat(1000);

        List<Chunk> chunks = small.chunk(text).chunks();

        assertCoversInOrder(text, chunks, 100);
        assertThat(chunks.get(0).text()).hasSize(400);
        assertThat(chunks.get(1).startOffset()).isEqualTo(320);
    }

    @Test
    void hardCutsNeverSplitASurrogatePair() {
        String text = "\uD83D\uDE00".repeat(500);

        List<Chunk> chunks = small.chunk(text).chunks();

        assertCoversInOrder(text, chunks, 100);
        for (Chunk chunk : chunks) {
            assertThat(chunk.text().codePoints()).allMatch(codePoint -> codePoint == 0x1F600);
        }
    }

    @Test
    void withoutOverlapChunksAdjoin() {
        String text = pages(3, 3000);

        List<Chunk> chunks = chunker(100, 0, 500).chunk(text).chunks();

        assertCoversInOrder(text, chunks, 100);
        for (int i = 1; i < chunks.size(); i++) {
            assertThat(chunks.get(i).startOffset()).isEqualTo(chunks.get(i - 1).endOffset());
        }
    }

    @Test
    void chunksPastTheCapAreReportedNotDropped() {
        String text = pages(3, 3000);
        ChunkPlan all = small.chunk(text);

        ChunkPlan capped = chunker(100, 20, 5).chunk(text);

        assertThat(capped.chunks()).hasSize(5).isEqualTo(all.chunks().subList(0, 5));
        assertThat(capped.complete()).isFalse();
        assertThat(capped.skipped()).hasSize(all.chunks().size() - 5);
        for (int i = 0; i < capped.skipped().size(); i++) {
            Chunk expected = all.chunks().get(i + 5);
            assertThat(capped.skipped().get(i))
                    .isEqualTo(new ChunkPlan.Skipped(expected.index(), expected.startOffset(), expected.endOffset()));
        }
        assertThat(capped.skipped().get(capped.skipped().size() - 1).endOffset()).isEqualTo(text.length());
        assertThat(capped.reason())
                .contains("needs " + all.chunks().size() + " chunks")
                .contains("max-chunks is 5")
                .contains("chunks 5 to " + (all.chunks().size() - 1));
    }

    private static TextChunker chunker(int maxTokens, int overlapTokens, int maxChunks) {
        return new TextChunker(ExtractionSettings.defaults().withChunking(maxTokens, overlapTokens, maxChunks));
    }

    /** Every character lies in a chunk, chunks come in order, each is its slice of the text and within the limit. */
    private static void assertCoversInOrder(String text, List<Chunk> chunks, int maxTokens) {
        assertThat(chunks).isNotEmpty();
        assertThat(chunks.get(0).startOffset()).isZero();
        assertThat(chunks.get(chunks.size() - 1).endOffset()).isEqualTo(text.length());
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            assertThat(chunk.index()).isEqualTo(i);
            assertThat(chunk.text()).isEqualTo(text.substring(chunk.startOffset(), chunk.endOffset()));
            assertThat(chunk.estimatedTokens()).isEqualTo(TokenEstimator.estimate(chunk.text())).isLessThanOrEqualTo(maxTokens);
            if (i > 0) {
                Chunk previous = chunks.get(i - 1);
                assertThat(chunk.startOffset()).as("chunk %d leaves no gap", i).isLessThanOrEqualTo(previous.endOffset());
                assertThat(chunk.startOffset()).as("chunk %d moves forward", i).isGreaterThan(previous.startOffset());
                assertThat(chunk.endOffset()).as("chunk %d adds text", i).isGreaterThan(previous.endOffset());
            }
        }
    }

    /** Consecutive chunks share between half the overlap and the overlap, in characters. */
    private static void assertOverlaps(List<Chunk> chunks, int overlapCharacters) {
        for (int i = 1; i < chunks.size(); i++) {
            int shared = chunks.get(i - 1).endOffset() - chunks.get(i).startOffset();
            assertThat(shared).as("overlap before chunk %d", i).isBetween(overlapCharacters / 2, overlapCharacters);
        }
    }

    /** Pages of paragraphs of sentences, about {@code charactersPerPage} each, the same on every run. */
    private static String pages(int count, int charactersPerPage) {
        Random random = new Random(60);
        StringBuilder text = new StringBuilder();
        for (int page = 0; page < count; page++) {
            int pageEnd = text.length() + charactersPerPage;
            while (text.length() < pageEnd) {
                for (int sentence = 0, sentences = 2 + random.nextInt(6); sentence < sentences; sentence++) {
                    String words = words(random, 6 + random.nextInt(20));
                    text.append(Character.toUpperCase(words.charAt(0))).append(words, 1, words.length()).append(". ");
                }
                text.setLength(text.length() - 1);
                text.append("\n\n");
            }
        }
        return text.toString();
    }

    private static String words(Random random, int count) {
        String[] vocabulary = {"invoice", "amount", "the", "contract", "party", "shall", "deliver", "goods", "within",
                "thirty", "days", "of", "payment", "and", "notice", "terms", "agreed", "supplier", "customer", "a"};
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < count; i++) {
            words.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return words.toString();
    }
}
